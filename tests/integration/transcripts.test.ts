import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ADMIN, TEST_SECRETS_KEY } from "../support/credentials";
import { startFileServer, type FileServer } from "../support/file-server";
import { fixture } from "../support/fixtures";
import { api, sendWebhook, uniq } from "../support/http";
import { asUser } from "../support/session";
import { compareRollupDrift } from "../support/compare-drift";

// Cllr sends its transcript as a URL; a job fetches it after the webhook is
// answered, retries what may pass, and records on the call what will not.

let files: FileServer;
beforeAll(async () => {
  files = await startFileServer();
});
afterAll(() => files.close());

const json = (body: unknown) => ({ status: 200, body: JSON.stringify(body), headers: { "content-type": "application/json" } });
const TURNS = {
  transcript: [
    { speaker: "agent", text: "Hi, this is Aria from Acme.", start: 0.4 },
    { speaker: "customer", text: "Hello, yes, I'm interested.", start: 3.1 },
  ],
};

async function cllrCall(transcriptUri: string): Promise<string> {
  const payload = { ...fixture("cllr/example.json"), callId: uniq("cllr"), transcriptUri };
  const res = await sendWebhook("cllr", payload);
  expect(res.status).toBe(202);
  return ((await res.json()) as { callId: string }).callId;
}

async function detail(callId: string) {
  return (await (await api(`/api/calls/${callId}`)).json()) as { transcript: { role: string; text: string; atMs?: number }[]; transcriptError: string | null };
}

describe("Cllr transcripts", () => {
  it("fetches the transcript file and maps it to turns", async () => {
    const callId = await cllrCall(files.serve(`/t/${uniq()}.json`, json(TURNS)));
    await expect
      .poll(async () => (await detail(callId)).transcript, { timeout: 15_000 })
      .toEqual([
        { role: "agent", text: "Hi, this is Aria from Acme.", atMs: 400 },
        { role: "customer", text: "Hello, yes, I'm interested.", atMs: 3100 },
      ]);
  });

  it("makes a fetched transcript searchable by who said what", async () => {
    const word = `zeppelin${Date.now()}`;
    const turns = { transcript: [...TURNS.transcript, { speaker: "customer", text: `Tell me about the ${word} plan.`, start: 6 }] };
    const callId = await cllrCall(files.serve(`/t/${uniq()}.json`, json(turns)));
    await expect.poll(async () => (await detail(callId)).transcript.length, { timeout: 15_000 }).toBe(3);
    const ids = async (query: string) => ((await (await api(`/api/calls?${query}`)).json()) as { items: { id: string }[] }).items.map((c) => c.id);
    expect(await ids(`q=${word}&said=customer`)).toEqual([callId]);
    expect(await ids(`q=${word}&said=agent`)).toEqual([]);
  });

  it("retries a failing server and succeeds when it recovers", async () => {
    const path = `/t/${uniq()}.json`;
    const callId = await cllrCall(files.serve(path, { status: 503 }, { status: 500 }, json(TURNS)));
    await expect.poll(async () => (await detail(callId)).transcript.length, { timeout: 20_000 }).toBe(2);
    expect(files.hits.get(path)).toBe(3);
  });

  it("records the failure on the call when retries run out", async () => {
    const path = `/t/${uniq()}.json`;
    const callId = await cllrCall(files.serve(path, { status: 500 }));
    await expect.poll(async () => (await detail(callId)).transcriptError, { timeout: 30_000, interval: 500 }).toBe("The transcript server answered 500.");
    // The first try and three retries; the job then stays failed, listed for admins.
    expect(files.hits.get(path)).toBe(4);
    const failures = async () =>
      ((await (await asUser(TEST_ADMIN, "/api/jobs")).json()) as { failures: { queue: string; attempts: number; error: string }[] }).failures;
    await expect
      .poll(failures, { timeout: 5_000 })
      .toContainEqual(expect.objectContaining({ queue: "transcript-fetch", attempts: 4, error: "The transcript server answered 500." }));
  });

  it("gives up at once on what a retry cannot fix: a redirect to a private address, an oversized file, an unreadable one", async () => {
    const redirect = await cllrCall(files.serve(`/t/${uniq()}`, { status: 302, headers: { location: "http://169.254.169.254/latest/meta-data/" } }));
    const huge = await cllrCall(files.serve(`/t/${uniq()}`, { status: 200, body: Buffer.alloc(6 * 1024 * 1024, 0x20) }));
    const unreadable = await cllrCall(files.serve(`/t/${uniq()}`, json({ hello: "world" })));
    await expect.poll(async () => (await detail(redirect)).transcriptError, { timeout: 15_000 }).toMatch(/not allowed/);
    await expect.poll(async () => (await detail(huge)).transcriptError, { timeout: 15_000 }).toMatch(/larger than 5 MB/);
    await expect.poll(async () => (await detail(unreadable)).transcriptError, { timeout: 15_000 }).toMatch(/no turns/);
  });

  it("runs each job once while extra worker processes share the queue", async () => {
    const workers: ChildProcess[] = [];
    const started: Promise<void>[] = [];
    for (let i = 0; i < 2; i++) {
      const child = spawn(process.execPath, ["--import", "tsx", "lib/cli/worker.ts"], {
        env: { ...process.env, SECRETS_KEY: TEST_SECRETS_KEY, JOB_RETRY_BASE_SECONDS: "1", LOG_LEVEL: "info", OUTBOUND_ALLOW_HOSTS: "127.0.0.1:*" },
        stdio: ["ignore", "pipe", "inherit"],
      });
      workers.push(child);
      started.push(
        new Promise((resolve) => {
          let out = "";
          child.stdout.on("data", (d) => {
            out += d;
            if (out.includes("job workers started")) resolve();
          });
        }),
      );
    }
    try {
      await Promise.all(started);
      const paths = Array.from({ length: 12 }, () => `/t/${uniq()}.json`);
      const ids = await Promise.all(paths.map((p) => cllrCall(files.serve(p, { ...json(TURNS), delayMs: 300 }))));
      for (const id of ids) await expect.poll(async () => (await detail(id)).transcript.length, { timeout: 20_000 }).toBe(2);
      expect(paths.map((p) => files.hits.get(p))).toEqual(paths.map(() => 1));
    } finally {
      await Promise.all(
        workers.map((w) => {
          const exited = new Promise((resolve) => w.once("exit", resolve));
          w.kill("SIGTERM");
          return exited;
        }),
      );
    }
  });
});

describe("the Compare rollup", () => {
  it("stays equal to the calls it summarizes", async () => {
    expect(await compareRollupDrift()).toEqual([]);
  });
});
