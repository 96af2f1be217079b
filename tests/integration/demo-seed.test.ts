import { describe, expect, it } from "vitest";
import { seedDemoReviews } from "@/lib/demo/reviews";
import { seedDemoCalls } from "@/lib/demo/seed";
import { seedDemoViews } from "@/lib/demo/views";
import { checkViewFilters } from "@/lib/views/validate";
import { TEST_ADMIN } from "../support/credentials";
import { sql } from "../support/http";

describe("demo data", () => {
  it("goes through the real pipeline: a raw event per call, every vendor, spread over past days", async () => {
    const [{ now: since }] = await sql<{ now: Date }>("SELECT now()");
    const progress: number[] = [];
    expect(await seedDemoCalls(25, (done) => progress.push(done))).toBe(25);
    expect(progress.at(-1)).toBe(25);
    const events = await sql<{ status: string; provider: string; day: string }>(
      `
      SELECT e.status, c.provider, c.started_at::date::text AS day
      FROM raw_events e JOIN calls c ON c.id = e.call_id
      WHERE e.headers->>'user-agent' = 'demo-data' AND c.created_at >= $1`,
      [since],
    );
    expect(events).toHaveLength(25);
    expect(new Set(events.map((e) => e.status))).toEqual(new Set(["stored"]));
    expect(new Set(events.map((e) => e.provider))).toEqual(new Set(["unpod", "cllr", "hooman", "autocalls", "hubtalk"]));
    // Cllr sends no call times: its demo calls still spread over days, not all "now".
    const cllrDays = new Set(events.filter((e) => e.provider === "cllr").map((e) => e.day));
    expect(cllrDays.size).toBeGreaterThan(1);
    // Every demo transcript has its talk metrics, Cllr's (put in place as its fetch job would) included.
    const metrics = await sql<{ provider: string; has_metrics: boolean }>(
      `SELECT c.provider, EXISTS (SELECT 1 FROM call_metrics m WHERE m.call_id = c.id) AS has_metrics
       FROM calls c JOIN transcripts t ON t.call_id = c.id JOIN raw_events e ON e.call_id = c.id
       WHERE e.headers->>'user-agent' = 'demo-data' AND c.created_at >= $1`,
      [since],
    );
    expect(metrics.some((m) => m.provider === "cllr")).toBe(true);
    expect(metrics.filter((m) => !m.has_metrics)).toEqual([]);
  });

  it("gives connected calls a spoken recording in the archive, shared by the calls that use the same clip", async () => {
    const [{ now: since }] = await sql<{ now: Date }>("SELECT now()");
    await seedDemoCalls(40, () => {}, { first: 1000 });
    const kept = await sql<{ status: string; content_type: string; points: number; storage_key: string; turn_at: number | null }>(
      `SELECT a.status, a.content_type, jsonb_array_length(a.levels) AS points, a.storage_key, (t.turns->1->>'atMs')::int AS turn_at
       FROM recording_archives a JOIN calls c ON c.id = a.call_id LEFT JOIN transcripts t ON t.call_id = c.id
       WHERE c.created_at >= $1`,
      [since],
    );
    expect(kept.length).toBeGreaterThan(10);
    for (const k of kept) expect(k).toMatchObject({ status: "stored", content_type: "audio/ogg" });
    expect(Math.min(...kept.map((k) => k.points))).toBeGreaterThan(100);
    // Ten clips at most, however many calls.
    expect(new Set(kept.map((k) => k.storage_key)).size).toBeLessThanOrEqual(10);
    // Lines carry the times they are spoken at in the clip (not whole seconds from a generator).
    expect(kept.some((k) => k.turn_at !== null && k.turn_at % 1000 !== 0)).toBe(true);
    // Cllr's spoken calls come as a file with end times (where the audio pauses): real silences, and no one talks over anyone.
    const cllr = await sql<{ timing: string; interruptions: number | null; silence_ms: number | null }>(
      `SELECT m.timing, m.interruptions, m.silence_ms FROM call_metrics m JOIN calls c ON c.id = m.call_id JOIN recording_archives a ON a.call_id = c.id
       WHERE c.created_at >= $1 AND c.provider = 'cllr'`,
      [since],
    );
    expect(cllr.length).toBeGreaterThan(0);
    for (const m of cllr) expect(m).toMatchObject({ timing: "vendor", interruptions: 0, silence_ms: expect.any(Number) as number });
    expect(Math.min(...cllr.map((m) => m.silence_ms!))).toBeGreaterThan(1000);
  });

  it("has a share of connected calls reviewed, some with the AI's outcome corrected, through the review code", async () => {
    const [{ now: since }] = await sql<{ now: Date }>("SELECT now()");
    await seedDemoCalls(100, () => {}, { first: 2000 });
    const [{ id: admin }] = await sql<{ id: string }>("SELECT id FROM users WHERE email = $1", [TEST_ADMIN.email]);
    const reviewed = await seedDemoReviews(admin, since);
    const rows = await sql<{ reviewed: boolean; corrected: boolean; kept: boolean }>(
      `SELECT reviewed_at IS NOT NULL AS reviewed, outcome_override IS NOT NULL AS corrected, outcome IS NOT DISTINCT FROM ai_outcome AS kept
       FROM calls WHERE created_at >= $1 AND status = 'completed' AND started_at < now() - interval '1 day'`,
      [since],
    );
    expect(reviewed).toBe(rows.filter((r) => r.reviewed).length);
    expect(reviewed).toBeGreaterThanOrEqual(Math.floor(rows.length / 6));
    const corrected = rows.filter((r) => r.corrected);
    expect(corrected.length).toBeGreaterThan(0);
    expect(corrected.length).toBeLessThan(reviewed);
    expect(corrected.every((r) => r.reviewed && !r.kept)).toBe(true);
  });

  it("shares a few saved views the Views menu opens, with filters the pages take, once however often it runs", async () => {
    const [{ id: admin }] = await sql<{ id: string }>("SELECT id FROM users WHERE email = $1", [TEST_ADMIN.email]);
    await seedDemoViews(admin);
    await seedDemoViews(admin);
    const views = await sql<{ id: string; name: string; page: string; query: string; shared: boolean }>(
      "SELECT id, name, page, query, shared FROM saved_views WHERE owner_id = $1 AND name IN ('Meetings this week', 'Spring Promo hot leads', 'Unhappy customers, 30 days')",
      [admin],
    );
    try {
      expect(views.map((v) => v.name).sort()).toEqual(["Meetings this week", "Spring Promo hot leads", "Unhappy customers, 30 days"]);
      for (const view of views) {
        expect(view.shared).toBe(true);
        await expect(checkViewFilters(view)).resolves.toBeUndefined();
      }
    } finally {
      await sql("DELETE FROM saved_views WHERE id = ANY($1::uuid[])", [views.map((v) => v.id)]);
    }
  });
});
