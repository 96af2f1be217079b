import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ADMIN, TEST_SECRETS_KEY } from "../support/credentials";
import { sql } from "../support/http";
import { startReceiver } from "../support/receiver";
import { asUser } from "../support/session";
import { configureSource, createSource, cronPoll } from "../support/sources";
import { complete, fakeTask, startUnpodServer, UNPOD_TOKENS, type UnpodServer } from "../support/unpod-server";

// The Unpod poller against a local server that speaks Unpod's task API: pages,
// 429 with Retry-After, a 500, a malformed page, overlapping runs, a crash
// mid-backlog, tasks that finish between polls. At the end every completed
// task is stored exactly once.

/** A source as the admin API shows it: secrets as "set" or "missing". */
type SourceView = { settings: { polling: Record<string, unknown> } };

let unpod: UnpodServer;
beforeAll(async () => {
  unpod = await startUnpodServer();
});
afterAll(() => unpod.close());

const pollSettings = (extra: Record<string, unknown> = {}) => ({
  polling: { apiBaseUrl: unpod.url, ...UNPOD_TOKENS, pageSize: 5, intervalSec: 0, pagesPerRun: 3, ...extra },
});

async function cron(slug: string) {
  const res = await cronPoll(slug);
  expect(res.status).toBe(200);
  const { sources } = (await res.json()) as { sources: Array<Record<string, unknown>> };
  expect(sources).toHaveLength(1);
  return sources[0];
}

async function storedTaskIds(sourceId: string): Promise<string[]> {
  const rows = await sql<{ external_id: string }>(`SELECT external_id FROM calls WHERE source_id = $1 ORDER BY 1`, [sourceId]);
  return rows.map((r) => r.external_id);
}

async function rawEventCount(sourceId: string): Promise<number> {
  const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM raw_events WHERE source_id = $1`, [sourceId]);
  return row.n;
}

/** Runs one poll in a child process and kills it (SIGKILL) once it waits on `page`. */
async function crashWhilePolling(sourceId: string, page: number): Promise<string> {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/poll-once.ts", sourceId], {
    env: { ...process.env, SECRETS_KEY: TEST_SECRETS_KEY, LOG_LEVEL: "debug", OUTBOUND_ALLOW_HOSTS: "127.0.0.1:*" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  await new Promise<void>((resolve) => unpod.failOnce(page, { kind: "hang", onHang: resolve }));
  // While the crashed-to-be run holds the source, another run must not start.
  expect((await cron(await slugOf(sourceId))).status).toBe("busy");
  child.kill("SIGKILL");
  await exited;
  return output;
}

async function slugOf(sourceId: string): Promise<string> {
  const [row] = await sql<{ slug: string }>(`SELECT slug FROM sources WHERE id = $1`, [sourceId]);
  return row.slug;
}

describe("Unpod poller", () => {
  it("imports every completed task exactly once through rate limits, errors, a crash and tasks that finish later", async () => {
    const { id, slug } = await createSource("unpod");
    // 23 tasks, newest first: 20 completed, 2 still running, 1 failed.
    const tasks = Array.from({ length: 23 }, (_, i) => fakeTask(100 - i * 2));
    const runningA = tasks[20];
    const runningB = tasks[15];
    runningA.status = runningB.status = "in_progress";
    runningA.output = runningB.output = {};
    tasks[3].status = "failed";
    tasks[3].output = {};
    unpod.tasks.push(...tasks);
    const completedIds = () =>
      unpod.tasks
        .filter((t) => t.status === "completed")
        .map((t) => t.task_id)
        .sort();

    expect((await configureSource(slug, pollSettings())).status).toBe(200);

    // Page 1, then 429 on page 2: the run stops and remembers when to come back.
    unpod.failOnce(2, { kind: "429", retryAfter: "1" });
    const first = await cron(slug);
    expect(first).toMatchObject({ status: "rate_limited", retryAfterSec: 1, pages: 1 });
    const limitedAt = unpod.requests.at(-1)!.at;

    // Asked again at once, it waits without calling Unpod.
    const requestsBefore = unpod.requests.length;
    expect((await cron(slug)).status).toBe("waiting");
    expect(unpod.requests.length).toBe(requestsBefore);
    await new Promise((r) => setTimeout(r, 1100));

    // A run in another process crashes while reading page 3 (pages 2 and 3 were asked for).
    const output = await crashWhilePolling(id, 3);
    expect(unpod.requests.filter((r) => r.at > limitedAt)[0].at - limitedAt).toBeGreaterThanOrEqual(1000);
    expect(output).not.toContain(UNPOD_TOKENS.apiToken);
    expect(output).not.toContain(UNPOD_TOKENS.spaceToken);

    // A malformed page, then a 500: each run fails without moving the cursor.
    unpod.failOnce(3, { kind: "malformed" });
    expect(await cron(slug)).toMatchObject({ status: "failed", retry: true });
    unpod.failOnce(4, { kind: "500" });
    expect(await cron(slug)).toMatchObject({ status: "failed", retry: true });
    const cursor = async () =>
      (await sql<{ cursor: { walk: { nextPage: number } | null } }>(`SELECT cursor FROM source_polls WHERE source_id = $1`, [id]))[0].cursor;
    expect((await cursor()).walk?.nextPage).toBe(4);

    // The rest of the backlog.
    expect((await cron(slug)).status).toBe("done");
    expect((await cursor()).walk).toBeNull();
    expect(await storedTaskIds(id)).toEqual(completedIds());
    expect(await rawEventCount(id)).toBe(completedIds().length);

    // Between polls: one running task finishes, two new tasks arrive (one done).
    complete(runningA);
    const fresh = [fakeTask(0.5, "completed"), fakeTask(0.2, "in_progress")];
    unpod.tasks.push(...fresh);
    const pagesBefore = unpod.requests.length;
    expect(await cron(slug)).toMatchObject({ status: "done", imported: 2 });
    expect(await storedTaskIds(id)).toEqual(completedIds());

    // The oldest running task (B) holds the watermark: the walk reaches it, not the last page.
    const walked = unpod.requests.slice(pagesBefore).map((r) => r.page);
    expect(walked).not.toContain(5);

    complete(runningB);
    complete(fresh[1]);
    expect(await cron(slug)).toMatchObject({ status: "done", imported: 2 });
    expect(await storedTaskIds(id)).toEqual(completedIds());
    expect(await rawEventCount(id)).toBe(completedIds().length);
    expect(completedIds()).toHaveLength(24);

    // Nothing new: nothing imported, nothing stored twice.
    expect(await cron(slug)).toMatchObject({ status: "done", imported: 0 });
    expect(await rawEventCount(id)).toBe(24);
    const [poll] = await sql<{ imported_total: number; last_error: string | null }>(
      `SELECT imported_total, last_error FROM source_polls WHERE source_id = $1`,
      [id],
    );
    expect(poll).toEqual({ imported_total: 24, last_error: null });
  });

  it("polls on its own schedule in the app's job queue, through every page", async () => {
    const { id, slug } = await createSource("unpod");
    const tasks = Array.from({ length: 12 }, (_, i) => fakeTask(50 - i));
    unpod.tasks.splice(0, unpod.tasks.length, ...tasks);
    expect((await configureSource(slug, pollSettings({ intervalSec: 2, pagesPerRun: 1 }))).status).toBe(200);

    await expect.poll(() => storedTaskIds(id), { timeout: 20_000, interval: 250 }).toHaveLength(12);
    const later = fakeTask(0);
    unpod.tasks.push(later);
    await expect.poll(() => storedTaskIds(id), { timeout: 20_000, interval: 250 }).toContain(later.task_id);
    expect(await rawEventCount(id)).toBe(13);
    // Stop it polling for the rest of the suite.
    await asUser(TEST_ADMIN, `/api/sources/${slug}`, { method: "PATCH", body: JSON.stringify({ enabled: false }) });
  });

  it("refuses an API address on a private network, without retrying", async () => {
    const { slug } = await createSource("unpod");
    await configureSource(slug, pollSettings({ apiBaseUrl: "http://10.255.255.1/api/v2/platform" }));
    const result = await cron(slug);
    expect(result).toMatchObject({ status: "failed", retry: false });
    expect(result.error).toMatch(/not allowed: 10\.255\.255\.1 is not a public address/);
  });

  it("follows no redirect to another host, so neither token reaches it", async () => {
    const elsewhere = await startReceiver();
    try {
      const { slug } = await createSource("unpod");
      expect((await configureSource(slug, pollSettings())).status).toBe(200);
      // Where a moved API would send the poller: the same path, holding the space token, on another host.
      for (const status of [301, 302, 307, 308]) {
        unpod.failOnce(1, {
          kind: "redirect",
          status,
          location: `${elsewhere.url}/api/v2/platform/spaces/${UNPOD_TOKENS.spaceToken}/tasks/?page=1&page_size=5`,
        });
        const result = await cron(slug);
        expect(result, String(status)).toMatchObject({ status: "failed", retry: false });
        expect(result.error).toMatch(/redirected to another origin/);
      }
      const received = JSON.stringify(elsewhere.requests);
      expect(received).not.toContain(UNPOD_TOKENS.apiToken);
      expect(received).not.toContain(UNPOD_TOKENS.spaceToken);
    } finally {
      await elsewhere.close();
    }
  });

  it("asks for both tokens again when apiBaseUrl moves to another host, saving nothing until they come", async () => {
    const elsewhere = await startReceiver();
    try {
      const { slug } = await createSource("unpod");
      expect((await configureSource(slug, pollSettings())).status).toBe(200);
      const saved = async () => (await sql<{ settings: string }>(`SELECT settings::text FROM sources WHERE slug = $1`, [slug]))[0].settings;
      const before = await saved();
      const moved = { apiBaseUrl: `${elsewhere.url}/api/v2/platform`, orgHandle: UNPOD_TOKENS.orgHandle, pageSize: 5, intervalSec: 0 };

      for (const change of [moved, { ...moved, apiToken: "", spaceToken: "" }, { ...moved, apiToken: UNPOD_TOKENS.apiToken }]) {
        const res = await configureSource(slug, { polling: change });
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({
          title: "Invalid settings",
          detail: expect.stringMatching(
            /^Polling: The Unpod API address moved to another host: enter the (API token and the )?space token again \(a saved secret never follows an address to another host\)\.$/,
          ),
        });
      }
      expect(await saved()).toBe(before);

      // The source still polls the host its tokens were given for.
      const requestsBefore = unpod.requests.length;
      expect(["done", "more"]).toContain((await cron(slug)).status);
      expect(unpod.requests.length).toBeGreaterThan(requestsBefore);
      expect(elsewhere.requests).toHaveLength(0);

      // From Unpod's own API (the default) to another host counts too.
      const onDefault = await createSource("unpod");
      expect((await configureSource(onDefault.slug, { polling: { ...UNPOD_TOKENS, intervalSec: 0 } })).status).toBe(200);
      expect((await configureSource(onDefault.slug, { polling: moved })).status).toBe(400);
      // Entered again, they are saved with the new address.
      expect((await configureSource(onDefault.slug, { polling: { ...moved, ...UNPOD_TOKENS } })).status).toBe(200);
    } finally {
      await elsewhere.close();
    }
  });

  it("keeps tokens write-only and refuses the cron endpoint without CRON_SECRET", async () => {
    const { slug } = await createSource("unpod");
    const res = await configureSource(slug, pollSettings());
    const body = await res.text();
    expect(body).not.toContain(UNPOD_TOKENS.apiToken);
    expect((JSON.parse(body) as SourceView).settings.polling).toMatchObject({ apiToken: "set", spaceToken: "set", orgHandle: UNPOD_TOKENS.orgHandle });
    const [row] = await sql<{ settings: string }>(`SELECT settings::text FROM sources WHERE slug = $1`, [slug]);
    expect(row.settings).not.toContain(UNPOD_TOKENS.apiToken);

    // Leaving the token out keeps it.
    const again = await configureSource(slug, {
      polling: { apiBaseUrl: unpod.url, spaceToken: UNPOD_TOKENS.spaceToken, orgHandle: "acme.test", intervalSec: 0 },
    });
    expect(((await again.json()) as SourceView).settings.polling.apiToken).toBe("set");

    const url = `${(await import("../support/http")).baseUrl()}/api/cron/unpod`;
    expect((await fetch(url, { method: "POST" })).status).toBe(401);
    expect((await fetch(url, { method: "POST", headers: { authorization: "Bearer nope" } })).status).toBe(401);
    expect((await fetch(`${url}?token=cron_integration_test_secret`, { method: "POST" })).status).toBe(401);
  });
});
