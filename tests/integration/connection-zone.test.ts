import { afterAll, describe, expect, inject, it } from "vitest";
import { sendAutocallsCall } from "../support/destinations";
import { createSource } from "../support/sources";

// The app's connections read times in UTC whatever zone the server is set to
// (lib/db/pool.ts). Prisma sends a time as UTC clock time without a zone and pg
// with its offset: on a connection in another zone, a list's page (read through
// pg) and its total (through Prisma) would have counted different hours.

// This file's connections start in New York, as a server set to that zone would have them.
const url = new URL(inject("databaseUrl"));
url.searchParams.set("options", "-c TimeZone=America/New_York");
process.env.DATABASE_URL = url.toString();
const { db, Prisma } = await import("@/lib/db/client");
const { endPools } = await import("@/lib/db/pool");
const { sqlRows } = await import("@/lib/db/rows");
const { getTrends } = await import("@/lib/stats/trends");
const { trackerStats } = await import("@/lib/trackers/stats");

afterAll(async () => {
  await db.$disconnect();
  await endPools();
});

describe("the app's connections", () => {
  it("read a time the same through pg and through Prisma, on a server in another zone", async () => {
    const at = new Date("2026-01-15T00:30:00.000Z");
    const [viaPg] = await sqlRows<{ t: Date; day: Date }>(Prisma.sql`SELECT ${at}::timestamptz AS t, (${at}::timestamptz)::date::text AS day`);
    const [viaPrisma] = await db.$queryRaw<{ t: Date; day: string }[]>`SELECT ${at}::timestamptz AS t, (${at}::timestamptz)::date::text AS day`;
    expect(viaPg.t.toISOString()).toBe(at.toISOString());
    expect(viaPrisma.t.toISOString()).toBe(at.toISOString());
    // A day worked out in SQL without a zone is the UTC day, as the rollups without an organisation zone count it.
    expect([viaPg.day, viaPrisma.day]).toEqual(["2026-01-15", "2026-01-15"]);
  });

  it("read a calendar date as the same day in a process set to another zone, as Prisma does", async () => {
    // A rollup's day: pg's own parser would make it local midnight, in Los Angeles the day's 08:00 UTC.
    const zone = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    try {
      expect(new Date(2026, 2, 1).getTimezoneOffset()).toBe(480);
      const [viaPg] = await sqlRows<{ day: Date }>(Prisma.sql`SELECT '2026-03-01'::date AS day`);
      const [viaPrisma] = await db.$queryRaw<{ day: Date }[]>`SELECT '2026-03-01'::date AS day`;
      expect(viaPg.day.toISOString()).toBe("2026-03-01T00:00:00.000Z");
      expect(viaPrisma.day.toISOString()).toBe(viaPg.day.toISOString());
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("count the overview's and the trackers' days alike in a process set to another zone", async () => {
    // Today's call: a day sent as a Date would be the day before in Los Angeles, and today's rollup rows left out.
    const source = await createSource("autocalls");
    const now = new Date();
    await sendAutocallsCall(source.slug, { created_at: now.toISOString(), finished_at: new Date(now.getTime() + 60_000).toISOString() });
    const inUtc = await Promise.all([getTrends(7, now), trackerStats(7, now)]);
    expect(inUtc[0].current.calls).toBeGreaterThan(0);
    const zone = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    try {
      expect(await Promise.all([getTrends(7, now), trackerStats(7, now)])).toEqual(inUtc);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
