import { describe, expect, it } from "vitest";
import { samplePayload } from "@/lib/providers/modules";
import { scenario } from "@/lib/demo/scenario";
import type { Kpis, Trends } from "@/lib/stats/trends";
import { api, baseUrl, jsonOf, problemDetail, sendWebhook, sql, uniq } from "../support/http";

const DAY = 86_400_000;

/** The KPIs of the calls started in [from, to) (UTC days, the tests' zone), from the calls table itself. */
async function kpisFromCalls(from: string, to: string): Promise<Kpis> {
  const [r] = await sql<{ calls: number; connected: number; talk: number; hot: number; positive: number; rated: number; meetings: number }>(
    `SELECT count(*)::int AS calls,
       count(*) FILTER (WHERE status = 'completed')::int AS connected,
       COALESCE(sum(duration_sec) FILTER (WHERE status = 'completed'), 0)::float8 AS talk,
       count(*) FILTER (WHERE is_hot)::int AS hot,
       count(*) FILTER (WHERE sentiment = 'positive')::int AS positive,
       count(*) FILTER (WHERE sentiment IS NOT NULL)::int AS rated,
       count(*) FILTER (WHERE outcome = 'meeting_scheduled')::int AS meetings
     FROM calls WHERE NOT is_test AND started_at >= $1::date AND started_at < $2::date`,
    [from, to],
  );
  return {
    calls: r.calls,
    connectRate: r.calls ? r.connected / r.calls : null,
    avgTalkSec: r.connected ? Math.round(r.talk / r.connected) : null,
    hotLeads: r.hot,
    positiveShare: r.rated ? r.positive / r.rated : null,
    meetings: r.meetings,
  };
}

describe("GET /api/stats/trends", () => {
  it("counts the last days' calls from the rollup, as the calls table has them", async () => {
    await sendWebhook("cllr", { callId: uniq("tr"), callAnalysis: { summary: "x", mood: "Negative" } });
    const res = await api("/api/stats/trends?days=7");
    expect(res.status).toBe(200);
    const trends = await jsonOf<{ current: { calls: number }; byDaySentiment: Record<string, number>[] }>(res);
    const [{ count }] = await sql<{ count: number }>(
      "SELECT count(*)::int AS count FROM calls WHERE NOT is_test AND started_at >= (now() at time zone 'utc')::date - 6",
    );
    expect(trends.current.calls).toBe(count);
    expect(trends.byDaySentiment).toHaveLength(7);
    const perDay = trends.byDaySentiment.reduce((sum, d) => sum + d.positive + d.neutral + d.negative + d.mixed + d.none, 0);
    expect(perDay).toBe(count);
  });

  it("gives this period's and the previous period's KPIs, and each day's outcomes, as the calls table has them", async () => {
    // Calls in this week and in the week before it, so both periods hold some.
    for (const [i, now] of [new Date(), new Date(Date.now() - 9 * DAY)].flatMap((now) => [0, 1, 2, 3].map((i) => [i, now] as const))) {
      const payload = samplePayload("autocalls", scenario(7, i, { now, days: 3 }));
      expect((await sendWebhook("autocalls", { ...payload, id: uniq("trend"), lead: null })).status).toBe(202);
    }
    const trends = await jsonOf<Trends>(api("/api/stats/trends?days=7"));
    const to = new Date(Date.parse(`${trends.to}T00:00:00Z`) + DAY);
    const from = new Date(to.getTime() - 7 * DAY);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    expect(trends.from).toBe(day(from));

    const [current, previous] = await Promise.all([kpisFromCalls(day(from), day(to)), kpisFromCalls(day(new Date(from.getTime() - 7 * DAY)), day(from))]);
    expect(previous.calls).toBeGreaterThan(0);
    expect(trends.current).toEqual(current);
    expect(trends.previous).toEqual(previous);

    const outcomes = await sql<{ day: string; outcome: string; calls: number }>(
      `SELECT to_char(started_at at time zone 'utc', 'YYYY-MM-DD') AS day, outcome, count(*)::int AS calls
       FROM calls WHERE NOT is_test AND outcome IS NOT NULL AND started_at >= $1::date AND started_at < $2::date GROUP BY 1, 2`,
      [day(from), day(to)],
    );
    const expected = Object.fromEntries(outcomes.map((o) => [`${o.day} ${o.outcome}`, o.calls]));
    const got = Object.fromEntries(
      trends.byDayOutcome.flatMap(({ day: d, ...byOutcome }) => Object.entries(byOutcome).map(([outcome, calls]) => [`${d} ${outcome}`, calls])),
    );
    expect(got).toEqual(expected);
  });

  it("explains a bad period and needs a key or a session", async () => {
    const bad = await api("/api/stats/trends?days=12");
    expect(bad.status).toBe(400);
    expect(await problemDetail(bad)).toMatch(/7, 30, 90 or 365/);
    expect((await fetch(`${baseUrl()}/api/stats/trends`)).status).toBe(401);
  });
});
