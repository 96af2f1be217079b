import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMetricsBackfillIfNeeded } from "@/lib/calls/metrics/backfill";
import { callDetailSchema, type CallDetail } from "@/lib/calls/schemas";
import { TEST_ADMIN, TEST_MANAGER } from "../support/credentials";
import { startFileServer, type FileServer } from "../support/file-server";
import { fixture } from "../support/fixtures";
import { api, sendWebhook, sql, uniq } from "../support/http";
import { markTestCall } from "../support/mark-test";
import { asUser } from "../support/session";
import { withWorker } from "../support/worker";

// Talk metrics through the pipeline: a vendor's timed transcript in, the
// metrics out of GET /api/calls/{id}; and the backfill that gives stored
// calls theirs, with its progress. No recording addresses are sent.

let files: FileServer;
beforeAll(async () => {
  files = await startFileServer();
});
afterAll(() => files.close());

type Metrics = NonNullable<CallDetail["metrics"]>;

async function detail(callId: string): Promise<CallDetail> {
  return callDetailSchema.parse(await (await api(`/api/calls/${callId}`)).json());
}

async function stored(res: Response): Promise<string> {
  expect(res.status).toBe(202);
  return ((await res.json()) as { callId: string }).callId;
}

/** A Cllr call whose transcript file has start and end times: the agent talks over the customer once. */
async function cllrTimedCall(): Promise<string> {
  const file = {
    segments: [
      { speaker: "agent", text: "Hi, this is Aria from Acme. Is now a good time?", start: 1, end: 5 },
      { speaker: "customer", text: "Sure, what is it about?", start: 6, end: 9 },
      { speaker: "agent", text: "Our new plan. Would a demo on Friday work?", start: 8.5, end: 20 },
      { speaker: "customer", text: "Friday works.", start: 22, end: 24 },
    ],
  };
  const transcriptUri = files.serve(`/t/${uniq()}.json`, { status: 200, body: JSON.stringify(file), headers: { "content-type": "application/json" } });
  const payload: Record<string, unknown> = { ...fixture("cllr/example.json"), callId: uniq("cllr"), transcriptUri };
  delete payload.recordingUri;
  return stored(await sendWebhook("cllr", payload));
}

/** A Hooman call (a new one unless `callSid` repeats one); `extra` overrides fields such as its duration. */
function hoomanCall(transcript: { role: string; content: string; timestamp?: number }[], extra: Record<string, unknown> = {}, callSid = uniq("CA")) {
  const base = fixture<{ callInfo: Record<string, unknown> }>("hooman/default-object.json");
  const callInfo: Record<string, unknown> = { ...base.callInfo, callSid };
  delete callInfo.recording;
  return sendWebhook("hooman", { ...base, callInfo, transcript, ...extra }).then(stored);
}

describe("talk metrics in GET /api/calls/{id}", () => {
  it("reads a fetched transcript's start and end times: talk by side, the interruption, silence, questions and pace", async () => {
    const callId = await cllrTimedCall();
    await expect.poll(async () => (await detail(callId)).metrics, { timeout: 15_000 }).not.toBeNull();
    // Cllr sends no call length: the last turn's end (24 s) ends the call. Silence: 0-1, 5-6, 20-22 = 4 s.
    expect((await detail(callId)).metrics).toEqual({
      agentTalkSec: 15.5,
      customerTalkSec: 5,
      talkRatio: 0.76,
      longestMonologueSec: 11.5,
      longestCustomerSec: 3,
      interruptions: 1,
      silenceSec: 4,
      agentQuestions: 2,
      wordsPerMinute: Math.round(((11 + 5 + 9 + 2) * 60) / 20.5),
      timing: "vendor",
    } satisfies Metrics);
  });

  it("gives a webhook's timed transcript vendor timing, and one without times an estimate", async () => {
    const t0 = 1722576050000;
    const timed = await hoomanCall([
      { role: "assistant", content: "Здравствуйте! Вам удобно говорить?", timestamp: t0 + 2_000 },
      { role: "user", content: "Да, слушаю.", timestamp: t0 + 6_000 },
      { role: "assistant", content: "Сколько у вас менеджеров? Когда перезвонить?", timestamp: t0 + 10_000 },
    ]);
    expect((await detail(timed)).metrics).toEqual({
      // The call lasts 42 s; without end times a turn lasts until the next starts, the last until the end.
      agentTalkSec: 4 + 32,
      customerTalkSec: 4,
      talkRatio: 0.9,
      longestMonologueSec: 32,
      longestCustomerSec: 4,
      // Start times only: each turn lasts until the next starts, so no gap or overlap can be seen.
      interruptions: null,
      silenceSec: null,
      agentQuestions: 3,
      wordsPerMinute: Math.round((12 * 60) / 40),
      timing: "vendor",
    } satisfies Metrics);

    const untimed = await hoomanCall([
      { role: "assistant", content: "Hello! Do you have a minute?" },
      { role: "user", content: "Yes." },
    ]);
    expect((await detail(untimed)).metrics).toMatchObject({ timing: "estimated", interruptions: null, silenceSec: null, agentQuestions: 1 });

    const silent = await hoomanCall([]);
    expect((await detail(silent)).metrics).toBeNull();
  });
});

describe("talk metrics of odd vendor data", () => {
  it("saves a call whose length came in ms as seconds, reading at most 24 hours of it", async () => {
    // An hour in ms as seconds: its estimated talk (3.6e9 ms) would overflow the INT columns and fail the save.
    const callId = await hoomanCall(
      [
        { role: "assistant", content: "Hello, do you have a minute?" },
        { role: "user", content: "Sure." },
      ],
      { duration: 3_600_000 },
    );
    // Out of the rollups, so that the dashboards other tests read keep sensible lengths.
    await markTestCall(callId);
    const metrics = (await detail(callId)).metrics!;
    expect(metrics).toMatchObject({ timing: "estimated", agentQuestions: 1 });
    expect(metrics.agentTalkSec + metrics.customerTalkSec).toBe(24 * 3600);
  });

  it("reads the stored turns again (metrics and talk time) when a later version changes the call's length but sends no transcript", async () => {
    const callSid = uniq("CA");
    const t0 = 1722576050000;
    const turns = [
      { role: "assistant", content: "Hello! Is now a good time?", timestamp: t0 + 2_000 },
      { role: "user", content: "Yes.", timestamp: t0 + 6_000 },
    ];
    const callId = await hoomanCall(turns, { duration: 42 }, callSid);
    // The customer's last turn lasts until the call ends.
    expect((await detail(callId)).metrics).toMatchObject({ agentTalkSec: 4, customerTalkSec: 36 });
    expect(await hoomanCall([], { duration: 60 }, callSid)).toBe(callId);
    const later = await detail(callId);
    expect(later.transcript).toHaveLength(2);
    expect(later.metrics).toMatchObject({ agentTalkSec: 4, customerTalkSec: 54 });
    // And the talk time Compare adds up, which the metrics' seconds match.
    expect(await sql("SELECT agent_talk_ms, customer_talk_ms FROM calls WHERE id = $1", [callId])).toEqual([
      { agent_talk_ms: 4_000, customer_talk_ms: 54_000 },
    ]);
  });
});

describe("talk metrics backfill", () => {
  it("fills in metrics for calls stored without them (or with an older version), with progress for admins", async () => {
    const missing = await hoomanCall([
      { role: "assistant", content: "Can I help?", timestamp: 1722576050000 },
      { role: "user", content: "No thanks.", timestamp: 1722576055000 },
    ]);
    const outdated = await cllrTimedCall();
    await expect.poll(async () => (await detail(outdated)).metrics, { timeout: 15_000 }).not.toBeNull();
    const expected = { missing: (await detail(missing)).metrics, outdated: (await detail(outdated)).metrics };
    // As a call saved before metrics existed, and one computed by an older formula.
    await sql("DELETE FROM call_metrics WHERE call_id = $1", [missing]);
    await sql("UPDATE call_metrics SET version = 0, agent_questions = 99 WHERE call_id = $1", [outdated]);
    expect((await detail(missing)).metrics).toBeNull();

    expect((await asUser(TEST_MANAGER, "/api/settings/talk-metrics", { method: "POST" })).status).toBe(403);
    const start = await asUser(TEST_ADMIN, "/api/settings/talk-metrics", { method: "POST" });
    expect(start.status).toBe(202);
    const { backfill } = (await start.json()) as { backfill: { status: string; total: number } };
    expect(backfill.status).toBe("queued");
    const [{ calls }] = await sql<{ calls: number }>("SELECT count(*)::int AS calls FROM calls");
    expect(backfill.total).toBeGreaterThanOrEqual(calls);

    type State = { status: string; done: number; total: number; changed: number };
    const progress = async () => ((await (await asUser(TEST_ADMIN, "/api/settings/talk-metrics")).json()) as { backfill: State }).backfill;
    await expect.poll(async () => (await progress()).status, { timeout: 60_000, interval: 500 }).toBe("done");
    const done = await progress();
    expect(done.done).toBe(done.total);
    expect(done.done).toBeGreaterThanOrEqual(calls);
    expect(done.changed).toBeGreaterThanOrEqual(2);

    expect((await detail(missing)).metrics).toEqual(expected.missing);
    expect((await detail(outdated)).metrics).toEqual(expected.outdated);
    const [row] = await sql<{ version: number }>("SELECT version FROM call_metrics WHERE call_id = $1", [outdated]);
    expect(row.version).toBeGreaterThanOrEqual(1);
  });

  it("is not queued again for transcripts that can have no metrics (system lines only)", async () => {
    const callId = await hoomanCall([]);
    await sql(`INSERT INTO transcripts (call_id, turns, updated_at) VALUES ($1, $2, now())`, [
      callId,
      JSON.stringify([{ role: "system", text: "[no answer]", atMs: 0 }]),
    ]);
    // Every other call gets its metrics first, so only this transcript lacks them.
    expect((await asUser(TEST_ADMIN, "/api/settings/talk-metrics", { method: "POST" })).status).toBe(202);
    const status = async () => ((await (await asUser(TEST_ADMIN, "/api/settings/talk-metrics")).json()) as { backfill: { status: string } }).backfill.status;
    await expect.poll(status, { timeout: 60_000, interval: 500 }).toBe("done");
    expect((await sql("SELECT 1 FROM call_metrics WHERE call_id = $1", [callId])).length).toBe(0);
    // As a worker start asks: nothing to do, so nothing is queued.
    expect(await startMetricsBackfillIfNeeded()).toBe(false);
    await sql("DELETE FROM transcripts WHERE call_id = $1", [callId]);
  });

  it("is queued by itself when a worker starts and finds a call without metrics (after an upgrade)", async () => {
    const callId = await hoomanCall([
      { role: "assistant", content: "Is this a good time?", timestamp: 1722576050000 },
      { role: "user", content: "Not really.", timestamp: 1722576054000 },
    ]);
    const expected = (await detail(callId)).metrics;
    await sql("DELETE FROM call_metrics WHERE call_id = $1", [callId]);
    await withWorker(async (logged) => {
      await expect.poll(logged, { timeout: 30_000 }).toContain("queuing their backfill");
      await expect.poll(async () => (await detail(callId)).metrics, { timeout: 30_000, interval: 500 }).toEqual(expected);
    });
  });
});
