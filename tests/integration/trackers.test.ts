import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { hitRowsSql } from "@/lib/trackers/apply";
import { callDetailSchema } from "@/lib/calls/schemas";
import { TEST_ADMIN } from "../support/credentials";
import { sendAutocallsCall } from "../support/destinations";
import { api, baseUrl, jsonOf, sql } from "../support/http";
import { newPerson } from "../support/people";
import { asUser } from "../support/session";
import { createSource } from "../support/sources";
import { compareRollupDrift } from "../support/compare-drift";
import { rollupDeltas, rollupStatement } from "@/lib/rollups/deltas";
import { withWorker } from "../support/worker";

// Admins define trackers; every call saved afterwards gets its hits, and a
// change reaches stored calls in the background: hits, score, hot and the
// daily tracker rollup move together.

interface TrackerItem {
  id: string;
  name: string;
  phrases: { text: string; stem: boolean }[];
  speaker: string;
  points: number | null;
  enabled: boolean;
  callsLast30Days: number;
}
interface TrackersState {
  trackers: TrackerItem[];
  reapply: { status: string; done: number; total: number; changed: number } | null;
}

const word = () => `zq${randomUUID().replace(/-/g, "").slice(0, 10)}`;
const read = () => jsonOf<TrackersState>(asUser(TEST_ADMIN, "/api/trackers"));
const send = (method: string, path: string, body?: unknown) =>
  asUser(TEST_ADMIN, path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const applied = () => expect.poll(async () => (await read()).reapply?.status, { timeout: 45_000, interval: 500 }).toBe("done");
const detail = async (id: string) => callDetailSchema.parse(await jsonOf(api(`/api/calls/${id}`)));
const rolled = async (trackerId: string) =>
  (
    await sql<{ calls: number; connected: number }>(
      `SELECT coalesce(sum(calls), 0)::int AS calls, coalesce(sum(connected), 0)::int AS connected FROM daily_tracker_stats WHERE tracker_id = $1`,
      [trackerId],
    )
  )[0];
/** daily_tracker_stats rows that differ from a recount over call_tracker_hits (UTC days, as the tests keep them). */
const trackerDrift = () =>
  sql(`WITH actual AS (
         SELECT (c.started_at AT TIME ZONE 'UTC')::date AS day, h.tracker_id::text AS tracker_id, count(*)::int AS calls,
                count(*) FILTER (WHERE c.status = 'completed')::int AS connected
         FROM call_tracker_hits h JOIN calls c ON c.id = h.call_id WHERE NOT c.is_test GROUP BY 1, 2),
       rollup AS (SELECT day, tracker_id, sum(calls)::int AS calls, sum(connected)::int AS connected FROM daily_tracker_stats
                  GROUP BY 1, 2 HAVING sum(calls) <> 0)
       SELECT * FROM actual a FULL JOIN rollup r USING (day, tracker_id) WHERE (a.calls, a.connected) IS DISTINCT FROM (r.calls, r.connected)`);

const transcript = (customer: string) => `AI: Hello, this is Sam from Sunny Solar.\nUser: ${customer}\nAI: Thanks, talk soon.`;
const created: string[] = [];

afterAll(async () => {
  for (const id of created) await send("DELETE", `/api/trackers/${id}`);
  for (let i = 0; i < 90 && (await read()).reapply?.status !== "done"; i++) await new Promise((r) => setTimeout(r, 500));
});

describe("trackers API", () => {
  it("ships the starter set, lists it to everyone signed in, and lets only admins change trackers", async () => {
    const { trackers } = await read();
    expect(trackers.map((t) => t.name)).toEqual(expect.arrayContaining(["Pricing", "Competitor", "Objection", "Next steps", "Do not call"]));
    expect(trackers.find((t) => t.name === "Do not call")).toMatchObject({ points: -30, speaker: "customer" });
    expect(trackers.find((t) => t.name === "Pricing")!.phrases).toContainEqual({ text: "цен", stem: true });

    expect((await fetch(`${baseUrl()}/api/trackers`)).status).toBe(401);
    const manager = await newPerson("manager", "trackers");
    expect((await asUser(manager, "/api/trackers")).status).toBe(200);
    // An API key reads them too: its programs need the ids the list's tracker filter takes.
    expect((await jsonOf<TrackersState>(api("/api/trackers"))).trackers.length).toBe(trackers.length);
    const body = JSON.stringify({ name: word(), phrases: [{ text: "hello" }] });
    expect((await asUser(manager, "/api/trackers", { method: "POST", body })).status).toBe(403);
    const someId = trackers[0].id;
    expect((await asUser(manager, `/api/trackers/${someId}`, { method: "PATCH", body: JSON.stringify({ points: 5 }) })).status).toBe(403);
    expect((await asUser(manager, `/api/trackers/${someId}`, { method: "DELETE" })).status).toBe(403);
  });

  it("validates what admins send: 400 for bad input, 409 for a taken name, 404 for no such tracker", async () => {
    const bad = [
      {},
      { name: "", phrases: [{ text: "x" }] },
      { name: word(), phrases: [] },
      { name: word(), phrases: [{ text: "..." }] },
      { name: word(), phrases: [{ text: "x".repeat(101) }] },
      { name: word(), phrases: Array.from({ length: 51 }, (_, i) => ({ text: `p${i}` })) },
      { name: word(), phrases: [{ text: "x" }], speaker: "robot" },
      { name: word(), phrases: [{ text: "x" }], points: 51 },
      { name: word(), phrases: [{ text: "x" }], extra: true },
    ];
    for (const b of bad) expect((await send("POST", "/api/trackers", b)).status, JSON.stringify(b).slice(0, 80)).toBe(400);
    const res = await send("POST", "/api/trackers", { name: "Pricing", phrases: [{ text: "price" }] });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect((await send("PATCH", `/api/trackers/${randomUUID()}`, { points: 1 })).status).toBe(404);
    expect((await send("DELETE", `/api/trackers/${randomUUID()}`)).status).toBe(404);
    expect((await send("DELETE", `/api/trackers/not-an-id`)).status).toBe(404);
    const { trackers } = await read();
    expect((await send("PATCH", `/api/trackers/${trackers.find((t) => t.name === "Pricing")!.id}`, { name: "Objection" })).status).toBe(409);
  });
});

describe("trackers on calls", () => {
  it("gives a new call its hits, its detail shows them and a tracker with points scores the quote", async () => {
    const phrase = word();
    const res = await send("POST", "/api/trackers", { name: `Promo ${phrase}`, phrases: [{ text: `${phrase} offer` }], speaker: "customer", points: 10 });
    expect(res.status).toBe(201);
    const { tracker } = await jsonOf<{ tracker: TrackerItem }>(res);
    created.push(tracker.id);
    await applied(); // the backfill starts once every process has seen the tracker: so do new calls
    const audit = await sql<{ action: string }>(`SELECT action FROM audit_log WHERE target_id = $1`, [tracker.id]);
    expect(audit.map((a) => a.action)).toContain("tracker.create");

    const source = await createSource("autocalls");
    const callId = await sendAutocallsCall(source.slug, {
      recording_url: null,
      transcript: transcript(`Is the ${phrase.toUpperCase()}, offer still on? What's the price?`),
    });
    const call = await detail(callId);
    const mine = call.trackers.find((t) => t.id === tracker.id);
    expect(mine).toEqual({
      id: tracker.id,
      name: tracker.name,
      hits: [{ turn: 1, atMs: expect.any(Number), text: expect.stringContaining("offer still on") }],
      hitCount: 1,
    });
    expect(call.trackers.map((t) => t.name)).toContain("Pricing");
    const signal = call.leadSignals.find((s) => s.signal === "tracker");
    expect(signal).toMatchObject({ value: tracker.name, points: 10, trackerId: tracker.id, evidence: { turn: 1, text: mine!.hits[0].text } });
    expect(await rolled(tracker.id)).toEqual({ calls: 1, connected: 1 });

    // A reviewer's correction scores the outcome again; the tracker's points and quote stay.
    const corrected = await asUser(TEST_ADMIN, `/api/calls/${callId}/review`, { method: "PATCH", body: JSON.stringify({ outcome: "not_interested" }) });
    expect(corrected.status).toBe(200);
    const reviewed = await detail(callId);
    expect(reviewed.leadSignals.find((s) => s.signal === "tracker")).toEqual(signal);
    expect(reviewed.leadScore).toBe(
      Math.max(
        0,
        Math.min(
          100,
          reviewed.leadSignals.reduce((sum, s) => sum + s.points, 0),
        ),
      ),
    );
  }, 90_000);

  it("applies a new or edited tracker to stored calls with progress: hits, score, hot and rollups follow", async () => {
    const phrase = word();
    const source = await createSource("autocalls");
    // Within the last 30 days, which the list of trackers counts.
    const started = new Date(Date.now() - 3_600_000);
    const callId = await sendAutocallsCall(source.slug, {
      recording_url: null,
      created_at: started.toISOString(),
      finished_at: new Date(started.getTime() + 187_000).toISOString(),
      transcript: transcript(`We are ${phrase}ing ahead`),
    });
    const before = await detail(callId);
    expect(before.trackers.some((t) => t.name.includes(phrase))).toBe(false);
    const [{ threshold }] = await sql<{ threshold: number }>(
      `SELECT coalesce((SELECT (value->>'hotThreshold')::int FROM settings WHERE key = 'scoring'), 70) AS threshold`,
    );

    const res = await send("POST", "/api/trackers", { name: `Stem ${phrase}`, phrases: [{ text: phrase, stem: true }], points: 50 });
    const { tracker, reapply } = await jsonOf<{ tracker: TrackerItem; reapply: { status: string; total: number } }>(res);
    created.push(tracker.id);
    expect(reapply).toMatchObject({ status: "queued" });
    expect(reapply.total).toBeGreaterThanOrEqual(1);
    await applied();
    expect((await read()).reapply!.changed).toBeGreaterThanOrEqual(1);

    const after = await detail(callId);
    expect(after.trackers.find((t) => t.id === tracker.id)?.hits).toEqual([{ turn: 1, atMs: expect.any(Number), text: `We are ${phrase}ing ahead` }]);
    expect(after.leadScore).toBe(Math.min(100, before.leadScore + 50));
    expect(after.isHot).toBe(after.leadScore >= threshold);
    expect(await rolled(tracker.id)).toEqual({ calls: 1, connected: 1 });
    expect((await read()).trackers.find((t) => t.id === tracker.id)!.callsLast30Days).toBe(1);
    expect(await trackerDrift()).toEqual([]);
    expect(await compareRollupDrift()).toEqual([]);

    // No longer a stem: "<phrase>ing" does not match any more.
    expect((await send("PATCH", `/api/trackers/${tracker.id}`, { phrases: [{ text: phrase, stem: false }] })).status).toBe(200);
    await applied();
    const edited = await detail(callId);
    expect(edited.trackers.some((t) => t.id === tracker.id)).toBe(false);
    expect(edited.leadScore).toBe(before.leadScore);
    expect(edited.isHot).toBe(before.isHot);
    expect(await rolled(tracker.id)).toEqual({ calls: 0, connected: 0 });
    expect(await trackerDrift()).toEqual([]);
    expect(await compareRollupDrift()).toEqual([]);
  }, 120_000);

  it("filters the list and the CSV export by any of several trackers, and charts their share of connected calls", async () => {
    const [one, two] = [word(), word()];
    const make = async (phrase: string) => {
      const { tracker } = await jsonOf<{ tracker: TrackerItem }>(send("POST", "/api/trackers", { name: `Filter ${phrase}`, phrases: [{ text: phrase }] }));
      created.push(tracker.id);
      return tracker;
    };
    const [a, b] = [await make(one), await make(two)];
    await applied();
    const source = await createSource("autocalls");
    const campaign = word();
    const started = new Date(Date.now() - 3_600_000);
    const call = (text: string) =>
      sendAutocallsCall(source.slug, {
        recording_url: null,
        campaign: { name: campaign },
        created_at: started.toISOString(),
        finished_at: new Date(started.getTime() + 60_000).toISOString(),
        transcript: transcript(text),
      });
    const withOne = await call(`about ${one} today`);
    const withTwo = await call(`about ${two} today`);
    await call("about nothing at all");

    const ids = async (query: string) => {
      const list = await jsonOf<{ items: { id: string; trackers?: { id: string; name: string }[] }[] }>(api(`/api/calls?campaign=${campaign}&${query}`));
      return list.items;
    };
    expect((await ids(`tracker=${a.id}`)).map((c) => c.id)).toEqual([withOne]);
    expect((await ids(`tracker=${a.id}`))[0].trackers).toEqual([{ id: a.id, name: a.name }]);
    expect((await ids(`tracker=${a.id},${b.id}`)).map((c) => c.id).sort()).toEqual([withOne, withTwo].sort());
    expect((await ids(`tracker=${a.id}&tracker=${b.id}`)).map((c) => c.id).sort()).toEqual([withOne, withTwo].sort());
    expect(await ids(`tracker=${randomUUID()}`)).toEqual([]);
    expect((await api(`/api/calls?tracker=nope`)).status).toBe(400);
    // Repeated: every value is read, so a bad one is refused rather than dropped.
    const badRepeat = await api(`/api/calls?tracker=nope&tracker=${a.id}`);
    expect(badRepeat.status).toBe(400);
    expect((await jsonOf<{ errors: { field: string }[] }>(badRepeat)).errors[0].field).toBe("tracker");

    const csv = await (await api(`/api/calls/export?campaign=${campaign}&tracker=${a.id}&tracker=${b.id}`)).text();
    const [header, ...rows] = csv.trim().split("\n");
    expect(header.endsWith(`"trackers","link"`)).toBe(true);
    expect(rows).toHaveLength(2);
    expect(rows.some((r) => r.includes(withOne) && r.includes(`,"${a.name}","`))).toBe(true);

    const page = await (await asUser(TEST_ADMIN, `/calls?campaign=${campaign}&tracker=${a.id}`)).text();
    expect(page).toContain(withOne);
    expect(page).not.toContain(withTwo);

    const stats = await jsonOf<{
      trackers: { id: string }[];
      days: { day: string; connected: number; trackers: Record<string, { calls: number; connected: number; share: number | null }> }[];
    }>(api(`/api/stats/trackers?period=7d`));
    expect(stats.days).toHaveLength(7);
    const day = stats.days.find((d) => d.trackers[a.id]);
    expect(day!.trackers[a.id]).toMatchObject({ calls: 1, connected: 1 });
    expect(day!.trackers[a.id].share).toBeCloseTo(1 / day!.connected, 4);
    expect((await api(`/api/stats/trackers?period=2d`)).status).toBe(400);
  }, 120_000);

  it("deletes a tracker with its hits and daily counts, and its points leave the calls' scores", async () => {
    const phrase = word();
    const res = await send("POST", "/api/trackers", { name: `Gone ${phrase}`, phrases: [{ text: phrase }], points: 7 });
    const { tracker } = await jsonOf<{ tracker: TrackerItem }>(res);
    await applied();
    const source = await createSource("autocalls");
    const callId = await sendAutocallsCall(source.slug, { recording_url: null, transcript: transcript(`say ${phrase} please`) });
    const scored = await detail(callId);
    expect(scored.trackers.some((t) => t.id === tracker.id)).toBe(true);

    expect((await send("DELETE", `/api/trackers/${tracker.id}`)).status).toBe(200);
    expect(await rolled(tracker.id)).toEqual({ calls: 0, connected: 0 });
    await applied();
    const after = await detail(callId);
    expect(after.trackers.some((t) => t.id === tracker.id)).toBe(false);
    expect(after.leadSignals.some((s) => s.trackerId === tracker.id)).toBe(false);
    expect(after.leadScore).toBe(Math.max(0, scored.leadScore - 7));
    expect((await read()).trackers.some((t) => t.id === tracker.id)).toBe(false);
    expect(await trackerDrift()).toEqual([]);
  }, 120_000);
});

describe("the daily tracker rollup", () => {
  it("keeps no rows for a tracker deleted while a call that matched it was being saved", async () => {
    const gone = randomUUID();
    const facts = {
      startedAt: new Date(),
      provider: "hubtalk",
      campaign: null,
      status: "completed",
      sentiment: null,
      outcome: null,
      durationSec: 30,
      isHot: false,
      isTest: false,
      sourceId: randomUUID(),
      agentName: null,
      leadScore: 20,
      costAmount: null,
      costCurrency: null,
      agentTalkMs: null,
      customerTalkMs: null,
      reviewed: false,
      outcomeKept: false,
      trackerIds: [gone],
    };
    const mine = rollupDeltas(null, facts).filter((d) => d.table === "daily_tracker_stats");
    expect(mine).toHaveLength(1);
    const statement = rollupStatement(mine)!;
    await sql(statement.text, statement.values);
    expect(await rolled(gone)).toEqual({ calls: 0, connected: 0 });
    expect(await sql(`SELECT 1 FROM daily_tracker_stats WHERE tracker_id = $1`, [gone])).toEqual([]);
  });

  it("waits for a tracker being deleted while a call's hits are written, then leaves it out instead of failing the save", async () => {
    const phrase = word();
    const res = await send("POST", "/api/trackers", { name: `Gone ${phrase}`, phrases: [{ text: phrase }] });
    const { tracker } = await jsonOf<{ tracker: TrackerItem }>(res);
    const source = await createSource("autocalls");
    const callId = await sendAutocallsCall(source.slug, { recording_url: null, transcript: transcript("Nothing to see.") });
    const admin = new pg.Client({ connectionString: inject("databaseUrl") });
    const saver = new pg.Client({ connectionString: inject("databaseUrl") });
    await Promise.all([admin.connect(), saver.connect()]);
    try {
      await admin.query("BEGIN");
      await admin.query("DELETE FROM trackers WHERE id = $1", [tracker.id]);
      await saver.query("BEGIN");
      const hits = JSON.stringify([{ tracker_id: tracker.id, hits: [{ turn: 1, atMs: 0, text: phrase }], hit_count: 1 }]);
      const writing = saver.query(
        `INSERT INTO call_tracker_hits (call_id, tracker_id, hits, hit_count, started_at)
         SELECT $1::uuid, h.tracker_id, h.hits, h.hit_count, now() FROM (${hitRowsSql("$2")}) AS h`,
        [callId, hits],
      );
      await new Promise((r) => setTimeout(r, 300));
      await admin.query("COMMIT");
      expect((await writing).rowCount).toBe(0);
      await saver.query("COMMIT");
    } finally {
      await Promise.all([admin.end(), saver.end()]);
    }
  });

  it("moves the points of calls whose transcript retention deleted with the tracker: changed, then deleted", async () => {
    const phrase = word();
    const res = await send("POST", "/api/trackers", { name: `Kept ${phrase}`, phrases: [{ text: phrase }], points: 10 });
    const { tracker } = await jsonOf<{ tracker: TrackerItem }>(res);
    created.push(tracker.id);
    await applied();
    const source = await createSource("autocalls");
    const callId = await sendAutocallsCall(source.slug, { recording_url: null, transcript: transcript(`Tell me about ${phrase}.`) });
    const saved = await detail(callId);
    expect(saved.leadSignals.find((s) => s.trackerId === tracker.id)?.points).toBe(10);
    // As retention leaves a call: no transcript, the hits kept without their words.
    await sql(`DELETE FROM transcripts WHERE call_id = $1`, [callId]);
    await sql(`UPDATE calls SET transcript_deleted_at = now(), transcript_deleted_after_days = 30 WHERE id = $1`, [callId]);

    expect((await send("PATCH", `/api/trackers/${tracker.id}`, { points: 25 })).status).toBe(200);
    await applied();
    const raised = await detail(callId);
    expect(raised.leadSignals.find((s) => s.trackerId === tracker.id)?.points).toBe(25);
    expect(raised.leadScore).toBe(Math.min(100, saved.leadScore + 15));
    expect(raised.trackers.map((t) => t.id)).toContain(tracker.id);

    expect((await send("DELETE", `/api/trackers/${tracker.id}`)).status).toBe(200);
    created.splice(created.indexOf(tracker.id), 1);
    await applied();
    const after = await detail(callId);
    expect(after.leadSignals.some((s) => s.signal === "tracker" && s.trackerId === tracker.id)).toBe(false);
    expect(after.leadScore).toBe(Math.max(0, saved.leadScore - 10));
    expect(await trackerDrift()).toEqual([]);
  }, 120_000);

  it("is applied to the stored calls by itself when a worker first starts with them (an upgrade brings the starter set)", async () => {
    await sql(`DELETE FROM settings WHERE key = 'trackers-reapply'`);
    await withWorker(async (logged) => {
      await expect.poll(logged, { timeout: 30_000 }).toContain("trackers never applied to the stored calls");
      await applied();
    });
  }, 90_000);
});
