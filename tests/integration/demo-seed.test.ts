import { describe, expect, it } from "vitest";
import { seedDemoCalls } from "@/lib/demo/seed";
import { sql } from "../support/http";

describe("demo data", () => {
  it("goes through the real pipeline: a raw event per call, every vendor, spread over past days", async () => {
    const progress: number[] = [];
    expect(await seedDemoCalls(25, (done) => progress.push(done))).toBe(25);
    expect(progress.at(-1)).toBe(25);
    const events = await sql<{ status: string; provider: string; day: string }>(`
      SELECT e.status, c.provider, c.started_at::date::text AS day
      FROM raw_events e JOIN calls c ON c.id = e.call_id
      WHERE e.headers->>'user-agent' = 'demo-data'`);
    expect(events).toHaveLength(25);
    expect(new Set(events.map((e) => e.status))).toEqual(new Set(["stored"]));
    expect(new Set(events.map((e) => e.provider))).toEqual(new Set(["unpod", "cllr", "hooman", "autocalls", "hubtalk"]));
    // Cllr sends no call times: its demo calls still spread over days, not all "now".
    const cllrDays = new Set(events.filter((e) => e.provider === "cllr").map((e) => e.day));
    expect(cllrDays.size).toBeGreaterThan(1);
  });
});
