import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppProcess } from "../support/app-process";
import { wav } from "../support/audio-server";
import { createDestination, deleteDestination, deliveriesOf } from "../support/destinations";
import { startFileServer, type FileServer } from "../support/file-server";
import { baseUrl, sql, uniq } from "../support/http";
import { startReceiver, type Receiver } from "../support/receiver";
import { startSecondApp } from "../support/second-app";
import { createSource } from "../support/sources";
import { TEST_ADMIN } from "../support/credentials";
import { fixture } from "../support/fixtures";
import { asUser, signInCookie } from "../support/session";
import { putZone, setZone, type ZoneView } from "../support/time-zone";
import { postWebhook } from "../support/webhook";

// Two app processes on one database, as behind a load balancer, each with its
// own job workers: a vendor's retry that lands on the other server at the same
// moment is still one call, and what follows a call (the recording's copy,
// forwarding) is done once.

const CALLS = 8;
let second: AppProcess;
let storage: FileServer;
let receiver: Receiver;

beforeAll(async () => {
  [second, storage, receiver] = await Promise.all([startSecondApp(), startFileServer(), startReceiver({ status: 204 })]);
}, 90_000);
afterAll(async () => {
  await Promise.all([second?.kill("SIGTERM"), storage?.close(), receiver?.close()]);
});

describe("two app processes on one database", () => {
  it("store a call sent to both at once once, copy its recording once and forward it once", async () => {
    const source = await createSource("unpod");
    const hook = await createDestination({
      kind: "webhook",
      name: uniq("CRM"),
      config: { url: `${receiver.url}/calls` },
      rules: { calls: "all", sourceIds: [source.id] },
    });
    try {
      const tasks = Array.from({ length: CALLS }, () => uniq("task"));
      const recordings = tasks.map((task) => storage.serve(`/rec/${task}.wav`, { status: 200, body: wav(1), headers: { "content-type": "audio/wav" } }));
      const answers = await Promise.all(
        tasks.flatMap((task, i) => {
          const body = {
            task_id: task,
            status: "completed",
            input: { name: `Two servers ${i}`, contact_number: `+1415555${String(1000 + i)}` },
            output: { call_status: "completed", duration: 42, recording_url: recordings[i] },
          };
          return [baseUrl(), second.baseUrl].map(async (at) => {
            const res = await postWebhook(at, source.slug, body);
            return { task, status: res.status, body: (await res.json()) as { status: string; callId: string } };
          });
        }),
      );

      for (const task of tasks) {
        const both = answers.filter((a) => a.task === task);
        expect(both.map((a) => a.body.status).sort()).toEqual(["duplicate", "stored"]);
        expect(new Set(both.map((a) => a.body.callId)).size).toBe(1);
      }
      const calls = await sql<{ id: string; events: number }>(
        `SELECT c.id, (SELECT count(*)::int FROM raw_events e WHERE e.call_id = c.id) AS events FROM calls c WHERE source_id = $1`,
        [source.id],
      );
      expect(calls.map((c) => c.events)).toEqual(Array(CALLS).fill(2));

      // Both processes' workers take jobs from the one queue: each call's work is claimed by one of them.
      await expect
        .poll(
          async () =>
            (
              await sql<{ n: number }>(
                `SELECT count(*)::int AS n FROM recording_archives a JOIN calls c ON c.id = a.call_id WHERE c.source_id = $1 AND a.status = 'stored'`,
                [source.id],
              )
            )[0].n,
          {
            timeout: 60_000,
            interval: 300,
          },
        )
        .toBe(CALLS);
      await expect
        .poll(async () => (await deliveriesOf(hook.id)).filter((d) => d.status === "delivered").length, { timeout: 60_000, interval: 300 })
        .toBe(CALLS);
      for (const task of tasks) expect(storage.hits.get(`/rec/${task}.wav`)).toBe(1);
      const forwarded = receiver.requests.map((r) => (JSON.parse(r.body) as { data: { call: { id: string } } }).data.call.id);
      expect(forwarded.sort()).toEqual(calls.map((c) => c.id).sort());
    } finally {
      await deleteDestination(hook.id);
    }
  }, 120_000);

  it("refuse, within a moment, a source disabled through the other process, and its old secret once rotated there", async () => {
    const source = await createSource("cllr");
    const call = () => ({ ...fixture<Record<string, unknown>>("cllr/example.json"), callId: uniq("cllr"), transcriptUri: undefined });
    // The second process has read the source (and keeps its copy).
    expect((await postWebhook(second.baseUrl, source.slug, call())).status).toBe(202);
    const change = (body: unknown) => asUser(TEST_ADMIN, `/api/sources/${source.slug}`, { method: "PATCH", body: JSON.stringify(body) });
    expect((await change({ enabled: false })).status).toBe(200);
    await expect.poll(async () => (await postWebhook(second.baseUrl, source.slug, call())).status, { timeout: 2_000, interval: 50 }).toBe(403);
    expect((await change({ enabled: true })).status).toBe(200);
    await expect.poll(async () => (await postWebhook(second.baseUrl, source.slug, call())).status, { timeout: 2_000, interval: 50 }).toBe(202);

    const rotated = await asUser(TEST_ADMIN, `/api/sources/${source.slug}/rotate-secret`, { method: "POST", body: JSON.stringify({ graceHours: 0 }) });
    expect(rotated.status).toBe(200);
    await expect.poll(async () => (await postWebhook(second.baseUrl, source.slug, call())).status, { timeout: 2_000, interval: 50 }).toBe(401);
  });

  it("read, within a moment, the time zone an admin set through the other process", async () => {
    // Every list and chart reads the zone; each process keeps a copy of it until a change is heard.
    const cookie = await signInCookie(TEST_ADMIN);
    const zoneThere = async () => ((await (await fetch(`${second.baseUrl}/api/settings/time-zone`, { headers: { cookie } })).json()) as ZoneView).timeZone;
    const before = await zoneThere();
    const other = before === "Asia/Tokyo" ? "Europe/Berlin" : "Asia/Tokyo";
    try {
      expect((await putZone(other)).status).toBe(200);
      await expect.poll(zoneThere, { timeout: 2_000, interval: 50 }).toBe(other);
    } finally {
      await setZone(before);
    }
  });
});
