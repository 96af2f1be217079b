import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replayRawEvent } from "@/lib/ingest/replay";
import { callDetailSchema, callListSchema, type CallDetail } from "@/lib/calls/schemas";
import { TEST_ADMIN, TEST_MANAGER } from "../support/credentials";
import { createDestination, deleteDestination, deliveriesOf, sendAutocallsCall } from "../support/destinations";
import { api, baseUrl, sql, uniq } from "../support/http";
import { startReceiver, type Receiver } from "../support/receiver";
import { asUser } from "../support/session";
import { createSource } from "../support/sources";

// A manager corrects what the AI said. The vendor's values stay stored and
// shown; the corrected ones are what rollups, score, lists and forwarding use,
// through later versions of the call, re-scoring and replays.

// A day no other test uses, so the rollup rows of that day are this file's alone.
const day = `2011-${String(1 + Math.floor(Math.random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(Math.random() * 28)).padStart(2, "0")}`;
let source: { id: string; slug: string };

beforeAll(async () => {
  source = await createSource("autocalls");
});

// No recording: its made-up host would only keep the archive queue busy for other files' tests.
const onDay = (minute: number, extra: Record<string, unknown> = {}) => ({
  recording_url: undefined,
  created_at: `${day}T12:${String(minute).padStart(2, "0")}:00Z`,
  finished_at: `${day}T12:${String(minute + 3).padStart(2, "0")}:07Z`,
  ...extra,
});

const detail = async (id: string): Promise<CallDetail> => callDetailSchema.parse(await (await api(`/api/calls/${id}`)).json());
const review = (id: string, body: unknown, who = TEST_MANAGER) => asUser(who, `/api/calls/${id}/review`, { method: "PATCH", body: JSON.stringify(body) });

/** The day's rollup rows by outcome (around the day, whatever the organisation's time zone). */
async function outcomesOnDay(): Promise<Record<string, { calls: number; hot: number }>> {
  const rows = await sql<{ outcome: string; calls: number; hot: number }>(
    `SELECT outcome, sum(calls)::int AS calls, sum(hot_calls)::int AS hot FROM daily_outcome_stats
     WHERE day BETWEEN $1::date - 1 AND $1::date + 1 GROUP BY outcome HAVING sum(calls) <> 0 OR sum(hot_calls) <> 0`,
    [day],
  );
  return Object.fromEntries(rows.map((r) => [r.outcome, { calls: r.calls, hot: r.hot }]));
}

/** The same figures counted from the calls themselves. */
async function outcomesOfCalls(): Promise<Record<string, { calls: number; hot: number }>> {
  const rows = await sql<{ outcome: string; calls: number; hot: number }>(
    `SELECT coalesce(outcome, '') AS outcome, count(*)::int AS calls, count(*) FILTER (WHERE is_hot)::int AS hot FROM calls
     WHERE NOT is_test AND started_at >= $1::date - 1 AND started_at < $1::date + 2 GROUP BY 1`,
    [day],
  );
  return Object.fromEntries(rows.map((r) => [r.outcome, { calls: r.calls, hot: r.hot }]));
}

describe("reviewing a call", () => {
  let callId: string;

  it("corrects the outcome: the rollups and the score move once, the AI's value stays beside it, the change is audited", async () => {
    callId = await sendAutocallsCall(source.slug, onDay(0));
    const before = await detail(callId);
    expect(before.outcome).not.toBe("not_interested");
    expect(before.review).toMatchObject({ reviewedAt: null, ai: { outcome: before.outcome }, corrected: { outcome: false } });
    const ai = before.outcome!;

    const res = await review(callId, { outcome: "not_interested", note: "  She said no twice.  " });
    expect(res.status).toBe(200);
    const after = await detail(callId);
    expect(after.outcome).toBe("not_interested");
    expect(after.review).toMatchObject({
      ai: { outcome: ai },
      corrected: { outcome: true, sentiment: false, hot: false },
      note: "She said no twice.",
      noteBy: expect.any(String),
      reviewedBy: expect.any(String),
    });
    expect(after.review.reviewedAt).not.toBeNull();
    expect(after.reviewed && after.corrected).toBe(true);
    // Only the outcome's points changed: 25 or 35 for the AI's positive outcome, -40 for not interested.
    const aiPoints = before.leadSignals.find((s) => s.signal === "outcome")?.points ?? 0;
    const expected = Math.max(0, Math.min(100, before.leadSignals.reduce((sum, s) => sum + s.points, 0) - aiPoints - 40));
    expect(after.leadScore).toBe(expected);
    expect(after.leadSignals.find((s) => s.signal === "outcome")).toEqual({
      signal: "outcome",
      value: "not_interested",
      points: -40,
      evidence: { field: "outcome" },
    });

    expect(await outcomesOnDay()).toEqual(await outcomesOfCalls());
    expect((await outcomesOnDay()).not_interested?.calls).toBe(1);

    const [entry] = await sql<{ actor_email: string; before: { outcome: string }; after: { outcome: string; corrections: { outcome: string } } }>(
      `SELECT actor_email, before, after FROM audit_log WHERE action = 'call.review' AND target_id = $1 ORDER BY at DESC LIMIT 1`,
      [callId],
    );
    expect(entry).toMatchObject({
      actor_email: TEST_MANAGER.email,
      before: { outcome: ai },
      after: { outcome: "not_interested", corrections: { outcome: "not_interested" } },
    });
  });

  it("keeps the correction through a newer version from the vendor, a re-score and a replay", async () => {
    const newer = onDay(0, {
      finished_at: `${day}T12:05:00Z`,
      extracted_variables: { status: true, summary: "Booked a visit, then called back", interest_level: "high" },
    });
    const res = await sendAutocallsCall(source.slug, { ...newer, id: Number((await detail(callId)).externalId) });
    expect(res).toBe(callId);
    let call = await detail(callId);
    expect(call.summary).toBe("Booked a visit, then called back");
    expect(call.outcome).toBe("not_interested");
    expect(call.review.corrected.outcome).toBe(true);

    // A re-score: the admin saves the scoring settings (unchanged), every call is scored again.
    const save = await asUser(TEST_ADMIN, "/api/settings/scoring", { method: "PUT", body: JSON.stringify({ hotThreshold: 70, outcomeMap: [] }) });
    expect(save.status).toBe(202);
    await expect
      .poll(async () => ((await (await asUser(TEST_ADMIN, "/api/settings/scoring")).json()) as { rescore: { status: string } }).rescore.status, {
        timeout: 30_000,
        interval: 500,
      })
      .toBe("done");
    call = await detail(callId);
    expect(call.outcome).toBe("not_interested");
    expect(call.leadSignals.find((s) => s.signal === "outcome")?.value).toBe("not_interested");

    const [{ id: eventId }] = await sql<{ id: string }>(`SELECT id FROM raw_events WHERE call_id = $1 ORDER BY received_at DESC LIMIT 1`, [callId]);
    await replayRawEvent(eventId);
    call = await detail(callId);
    expect(call.outcome).toBe("not_interested");
    expect(await outcomesOnDay()).toEqual(await outcomesOfCalls());
  });

  it("takes a correction back when set to what the AI said, and marks hot by hand", async () => {
    const ai = (await detail(callId)).review.ai;
    expect((await review(callId, { outcome: ai.outcome })).status).toBe(200);
    const back = await detail(callId);
    expect(back.outcome).toBe(ai.outcome);
    expect(back.review.corrected.outcome).toBe(false);
    expect((await review(callId, { hot: !back.review.ai.hot })).status).toBe(200);
    const after = await detail(callId);
    expect(after.review.corrected).toEqual({ outcome: false, sentiment: false, hot: true });
    expect(after.isHot).toBe(!after.review.ai.hot);
    expect(await outcomesOnDay()).toEqual(await outcomesOfCalls());

    expect((await review(callId, { hot: null, reviewed: false })).status).toBe(200);
    const undone = await detail(callId);
    expect(undone.review).toMatchObject({ reviewedAt: null, corrected: { hot: false } });
    expect(undone.isHot).toBe(undone.review.ai.hot);
  });

  it("counts a call once when several reviewers correct it at the same time", async () => {
    const id = await sendAutocallsCall(source.slug, onDay(10));
    const outcomes = ["not_interested", "callback_requested", "meeting_scheduled", "voicemail", "interested", "not_interested"] as const;
    const answers = await Promise.all(
      outcomes.map((outcome, i) => review(id, { outcome, sentiment: i % 2 ? "negative" : "positive" }, i % 2 ? TEST_ADMIN : TEST_MANAGER)),
    );
    expect(answers.map((a) => a.status)).toEqual(outcomes.map(() => 200));
    expect(await outcomesOnDay()).toEqual(await outcomesOfCalls());
    const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'call.review' AND target_id = $1`, [id]);
    expect(n).toBe(outcomes.length);
  });

  it("refuses what it cannot take: an unknown outcome, an empty change, a stranger", async () => {
    expect((await review(callId, { outcome: "maybe" })).status).toBe(400);
    expect((await review(callId, {})).status).toBe(400);
    expect((await review(callId, { note: "x".repeat(1001) })).status).toBe(400);
    expect((await review("0196f000-0000-7000-8000-00000000dead", { reviewed: true })).status).toBe(404);
    // An API key reads; it does not review.
    const withKey = await api(`/api/calls/${callId}/review`, { method: "PATCH", headers: { "content-type": "application/json" }, body: '{"reviewed":true}' });
    expect(withKey.status).toBe(403);
    const anonymous = await fetch(`${baseUrl()}/api/calls/${callId}/review`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ reviewed: true }),
    });
    expect(anonymous.status).toBe(401);
  });
});

describe("a reviewed call the vendor changes", () => {
  it("goes back to To review when the AI's outcome changes under a reviewer who kept it; a correction stays", async () => {
    const kept = await sendAutocallsCall(source.slug, onDay(40, { extracted_variables: { status: true, outcome: "Interested", interest_level: "high" } }));
    const corrected = await sendAutocallsCall(source.slug, onDay(44, { extracted_variables: { status: true, outcome: "Interested", interest_level: "high" } }));
    expect((await review(kept, { reviewed: true })).status).toBe(200);
    expect((await review(corrected, { outcome: "callback_requested" })).status).toBe(200);
    for (const [id, minute] of [
      [kept, 40],
      [corrected, 44],
    ] as const) {
      const later = onDay(minute, { finished_at: `${day}T12:${minute + 5}:00Z`, extracted_variables: { status: true, outcome: "Not interested" } });
      expect(await sendAutocallsCall(source.slug, { ...later, id: Number((await detail(id)).externalId) })).toBe(id);
    }
    expect((await detail(kept)).review).toMatchObject({ reviewedAt: null, ai: { outcome: "not_interested" } });
    expect(await detail(corrected)).toMatchObject({
      outcome: "callback_requested",
      review: { ai: { outcome: "not_interested" }, corrected: { outcome: true } },
    });
    expect((await detail(corrected)).review.reviewedAt).not.toBeNull();
    expect(await outcomesOnDay()).toEqual(await outcomesOfCalls());
  });
});

describe("review filters", () => {
  it("list reviewed, not reviewed, corrected, and the calls to review", async () => {
    const campaign = uniq("review-filters");
    const ids = await Promise.all([0, 1, 2].map((i) => sendAutocallsCall(source.slug, onDay(20 + i, { campaign: { name: campaign } }))));
    await review(ids[0], { reviewed: true });
    await review(ids[1], { sentiment: "negative" });
    const list = async (query: string) =>
      callListSchema
        .parse(await (await api(`/api/calls?campaign=${campaign}&${query}`)).json())
        .items.map((c) => c.id)
        .sort();
    expect(await list("reviewed=yes")).toEqual([ids[0], ids[1]].sort());
    expect(await list("reviewed=no")).toEqual([ids[2]]);
    expect(await list("corrected=yes")).toEqual([ids[1]]);
    expect(await list("corrected=no")).toEqual([ids[0], ids[2]].sort());
    // The fixture's call is a hot lead: to review until someone reviews it.
    expect((await detail(ids[2])).isHot).toBe(true);
    expect(await list("review=todo")).toEqual([ids[2]]);
    expect((await api(`/api/calls?reviewed=maybe`)).status).toBe(400);
  });
});

describe("forwarding a correction", () => {
  let receiver: Receiver;
  let updates: { id: string };
  let once: { id: string };
  let off: { id: string };
  beforeAll(async () => {
    receiver = await startReceiver({ status: 204 });
    const rules = { calls: "all", sourceIds: [source.id] };
    updates = await createDestination({
      kind: "webhook",
      name: "CRM with updates",
      config: { url: `${receiver.url}/updates` },
      rules: { ...rules, updates: true },
    });
    once = await createDestination({ kind: "webhook", name: "CRM once", config: { url: `${receiver.url}/once` }, rules });
    // Updates asked for, calls turned off: it gets neither.
    off = await createDestination({
      kind: "webhook",
      name: "CRM off",
      config: { url: `${receiver.url}/off` },
      rules: { ...rules, calls: "none", updates: true },
    });
  });
  afterAll(async () => {
    await deleteDestination(updates.id);
    await deleteDestination(once.id);
    await deleteDestination(off.id);
    await receiver.close();
  });

  const delivered = (destinationId: string, id: string) =>
    expect.poll(async () => (await deliveriesOf(destinationId)).filter((d) => d.callId === id && d.status === "delivered").length, {
      timeout: 20_000,
      interval: 250,
    });

  it("sends the corrected call again only where the rules ask for updates", async () => {
    const id = await sendAutocallsCall(source.slug, onDay(30));
    await delivered(updates.id, id).toBe(1);
    await delivered(once.id, id).toBe(1);
    expect((await review(id, { outcome: "not_interested", note: "Private: her husband decides" })).status).toBe(200);
    await delivered(updates.id, id).toBe(2);
    const sent = receiver.requests
      .filter((r) => r.path.startsWith("/updates") && r.body.includes(id))
      .map((r) => JSON.parse(r.body) as { type: string; data: { call: CallDetail } });
    expect(sent.map((e) => e.type)).toEqual(["call.forwarded", "call.updated"]);
    expect(sent[1].data.call).toMatchObject({
      outcome: "not_interested",
      review: { corrected: { outcome: true }, note: null, noteBy: null, reviewedBy: null },
    });
    // The team's notes and reviewers stay in the app.
    expect(receiver.requests.some((r) => r.body.includes("her husband decides"))).toBe(false);
    // The other destination got the call once and hears nothing of the correction.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await deliveriesOf(once.id)).filter((d) => d.callId === id)).toHaveLength(1);
    expect(receiver.requests.filter((r) => r.path.startsWith("/once") && r.body.includes(id))).toHaveLength(1);
    expect(receiver.requests.filter((r) => r.path.startsWith("/off"))).toHaveLength(0);
  });
});
