import { describe, expect, it } from "vitest";
import { api, baseUrl, jsonOf, problemDetail, sendWebhook, sql, uniq } from "../support/http";

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

  it("explains a bad period and needs a key or a session", async () => {
    const bad = await api("/api/stats/trends?days=12");
    expect(bad.status).toBe(400);
    expect(await problemDetail(bad)).toMatch(/7, 30, 90 or 365/);
    expect((await fetch(`${baseUrl()}/api/stats/trends`)).status).toBe(401);
  });
});
