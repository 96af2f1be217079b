import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { enqueue, QUEUE, stopJobs } from "@/lib/jobs/boss";
import { wav } from "../support/audio-server";
import { TEST_ADMIN } from "../support/credentials";
import { startFileServer, type FileServer } from "../support/file-server";
import { api, jsonOf, problemDetail, sendWebhook, sql, uniq } from "../support/http";
import { asUser } from "../support/session";
import { createSource } from "../support/sources";

// Retention, per source: recordings kept N days, transcripts and raw payloads
// M days after the call. A daily job deletes what expired, files and rows;
// the call stays, in every list, count and chart, and its page says why its
// recording or transcript is gone.

let vendor: FileServer;
let source: { id: string; slug: string };
beforeAll(async () => {
  vendor = await startFileServer();
  source = await createSource("hooman");
});
afterAll(async () => {
  await vendor.close();
  await stopJobs();
});

interface Detail {
  transcript: unknown[];
  trackers: { name: string; hits: { turn: number; atMs: number; text: string }[] }[];
  leadSignals: { signal: string; value: string; evidence?: { text?: string } }[];
  transcriptDeleted: { afterDays: number } | null;
  recording: { status: string; deletedAfterDays: number | null; levels: number[] };
}

/** A Hooman call that ended `daysAgo` days ago, with a transcript and a recording (its own bytes, so its own file). */
async function callFrom(daysAgo: number, seconds: number): Promise<string> {
  const startedAt = new Date(Date.now() - daysAgo * 86_400_000);
  const url = vendor.serve(`/rec/${uniq()}.wav`, { status: 200, body: wav(seconds), headers: { "content-type": "audio/wav" } });
  const res = await sendWebhook(source.slug, {
    callInfo: { from: "+15557654321", to: "+14155550123", type: "outbound", recording: url, callSid: uniq("CA"), provider: "twilio" },
    outcome: "interested",
    duration: 60,
    beginTimestamp: startedAt.getTime(),
    transcript: [
      { role: "assistant", content: "Hi, this is Aria.", timestamp: startedAt.getTime() + 500 },
      // The starter trackers "Pricing" and "Do not call" (which quotes it in the lead score) hit this line.
      { role: "user", content: "Hello. What is the price? Do not call me again.", timestamp: startedAt.getTime() + 2500 },
    ],
  });
  expect(res.status).toBe(202);
  const { callId } = (await res.json()) as { callId: string };
  await expect.poll(async () => (await detail(callId)).recording.status, { timeout: 30_000 }).toBe("stored");
  return callId;
}

const detail = (callId: string) => jsonOf<Detail>(api(`/api/calls/${callId}`));
const fileOf = async (callId: string) =>
  path.join(
    inject("recordingsDir"),
    (await sql<{ storage_key: string }>(`SELECT storage_key FROM recording_archives WHERE call_id = $1`, [callId]))[0].storage_key,
  );
const rollups = () =>
  sql(`SELECT day, status, sentiment, outcome, sum(calls)::int AS calls, sum(talk_sec)::text AS talk_sec, sum(hot_calls)::int AS hot_calls
       FROM daily_outcome_stats GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`);
const rawEvents = async (callId: string) => (await sql(`SELECT 1 FROM raw_events WHERE call_id = $1`, [callId])).length;

describe("retention", () => {
  it("runs daily in the job queue", async () => {
    const [schedule] = await sql<{ cron: string }>(`SELECT cron FROM pgboss.schedule WHERE name = $1`, [QUEUE.retention]);
    expect(schedule.cron).toBe("17 3 * * *");
  });

  it("deletes what is past each setting and nothing else; counts and charts stay", async () => {
    const old = await callFrom(40, 1);
    const middle = await callFrom(15, 2);
    const recent = await callFrom(2, 3);
    const oldFile = await fileOf(old);
    expect(existsSync(oldFile)).toBe(true);
    const quoted = await detail(old);
    expect(quoted.trackers.map((t) => t.name)).toEqual(["Do not call", "Pricing"]);
    expect(quoted.trackers[0].hits).toEqual([{ turn: 1, atMs: 2500, text: "Hello. What is the price? Do not call me again." }]);
    expect(quoted.leadSignals.find((s) => s.signal === "tracker")?.evidence?.text).toContain("Do not call");

    const saved = await asUser(TEST_ADMIN, `/api/sources/${source.slug}`, {
      method: "PATCH",
      body: JSON.stringify({ retention: { recordingDays: 30, transcriptDays: 10 } }),
    });
    expect(saved.status).toBe(200);
    expect(await jsonOf<{ retention: unknown }>(saved)).toMatchObject({ retention: { recordingDays: 30, transcriptDays: 10 } });

    const chartsBefore = await rollups();
    const listed = async () => (await jsonOf<{ total: { count: number } }>(api(`/api/calls?provider=hooman&limit=1`))).total.count;
    const listedBefore = await listed();

    await enqueue(QUEUE.retention, {});
    await expect.poll(async () => (await detail(old)).recording.status, { timeout: 20_000 }).toBe("deleted");
    // The job marks a recording deleted, removes its file, then deletes transcripts and raw payloads: waited for to its end.
    await expect.poll(() => rawEvents(old), { timeout: 20_000 }).toBe(0);

    // 40 days: recording, transcript and raw payloads gone, the file too.
    const gone = await detail(old);
    expect(gone.recording).toMatchObject({ status: "deleted", deletedAfterDays: 30, levels: [] });
    expect(gone.transcript).toEqual([]);
    expect(gone.transcriptDeleted).toMatchObject({ afterDays: 10 });
    // Its tracker hits still count (lists, filters, charts, score), without their quotes of the transcript.
    expect(gone.trackers.map((t) => [t.name, t.hits])).toEqual([
      ["Do not call", [{ turn: 1, atMs: 2500, text: "" }]],
      ["Pricing", [{ turn: 1, atMs: 2500, text: "" }]],
    ]);
    expect(gone.leadSignals.find((s) => s.signal === "tracker")).toMatchObject({ value: "Do not call", evidence: { text: "" } });
    expect(await rawEvents(old)).toBe(0);
    expect(existsSync(oldFile)).toBe(false);
    const play = await api(`/api/calls/${old}/recording`);
    expect(play.status).toBe(410);
    expect(await problemDetail(play)).toBe("The recording was deleted 30 days after the call by the retention setting.");

    // 15 days: the recording stays, the transcript and payloads go.
    const half = await detail(middle);
    expect(half.recording.status).toBe("stored");
    expect(half.transcriptDeleted).toMatchObject({ afterDays: 10 });
    expect(await rawEvents(middle)).toBe(0);
    expect((await api(`/api/calls/${middle}/recording`)).status).toBe(200);

    // 2 days: everything stays.
    const kept = await detail(recent);
    expect(kept.recording.status).toBe("stored");
    expect(kept.transcript).toHaveLength(2);
    expect(await rawEvents(recent)).toBe(1);

    expect(await rollups()).toEqual(chartsBefore);
    expect(await listed()).toBe(listedBefore);
  });

  it("refuses a retention of zero days with a message that says what to do", async () => {
    const res = await asUser(TEST_ADMIN, `/api/sources/${source.slug}`, { method: "PATCH", body: JSON.stringify({ retention: { recordingDays: 0 } }) });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/leave the field empty to keep them for ever/);
  });
});
