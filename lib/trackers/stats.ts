import { z } from "zod";
import { Prisma } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/rows";
import { readTimeZone } from "@/lib/settings/time-zone";
import { dayIn, dayString } from "@/lib/stats/trends";

// Tracker mentions by day: for each tracker, the share of the day's connected
// calls that hit it. Read from the rollups alone (daily_tracker_stats, and
// daily_outcome_stats for the connected calls), days in the organisation's
// time zone as every chart's.

export const TRACKER_STATS_PERIODS = ["7d", "30d", "90d", "365d"] as const;

export const trackerStatsQuerySchema = z.object({
  period: z.preprocess((v) => (v === "" ? undefined : v), z.enum(TRACKER_STATS_PERIODS).default("30d")).transform((p) => Number.parseInt(p, 10)),
});

export interface TrackerDay {
  day: string;
  /** Connected (completed) calls that day. */
  connected: number;
  /** By tracker id: calls with a hit, connected ones with a hit, and those as a share of the day's connected calls (null: none connected). */
  trackers: Record<string, { calls: number; connected: number; share: number | null }>;
}

export interface TrackerStats {
  timeZone: string;
  from: string;
  to: string;
  /** Every tracker, by name (also those without a hit in the period). */
  trackers: { id: string; name: string }[];
  days: TrackerDay[];
}

/** The last `days` days, today included. */
export async function trackerStats(days: number, today = new Date()): Promise<TrackerStats> {
  const timeZone = await readTimeZone();
  // Calendar dates: midnight UTC stands for the date, whatever the zone.
  const to = new Date(Date.parse(`${dayIn(timeZone, today)}T00:00:00Z`) + 86_400_000);
  const from = new Date(to.getTime() - days * 86_400_000);
  const [trackers, hits, connected] = await Promise.all([
    sqlRows<{ id: string; name: string }>(Prisma.sql`SELECT id, name FROM trackers ORDER BY name`),
    // Days as text: pg would send a Date in the server process's own zone.
    sqlRows<{ day: Date; tracker_id: string; calls: number; connected: number }>(Prisma.sql`
      SELECT day, tracker_id, sum(calls)::int AS calls, sum(connected)::int AS connected FROM daily_tracker_stats
      WHERE day >= ${dayString(from)}::date AND day < ${dayString(to)}::date GROUP BY 1, 2 HAVING sum(calls) <> 0`),
    sqlRows<{ day: Date; calls: number }>(Prisma.sql`
      SELECT day, sum(calls)::int AS calls FROM daily_outcome_stats
      WHERE day >= ${dayString(from)}::date AND day < ${dayString(to)}::date AND status = 'completed' GROUP BY day`),
  ]);
  const known = new Set(trackers.map((t) => t.id));
  const byDay = new Map<number, TrackerDay>(
    Array.from({ length: days }, (_, i) => from.getTime() + i * 86_400_000).map((t) => [t, { day: dayString(new Date(t)), connected: 0, trackers: {} }]),
  );
  for (const c of connected) {
    const day = byDay.get(c.day.getTime());
    if (day) day.connected = c.calls;
  }
  for (const h of hits) {
    const day = byDay.get(h.day.getTime());
    // A row of a tracker deleted while a call was being saved counts nowhere.
    if (day && known.has(h.tracker_id)) day.trackers[h.tracker_id] = { calls: h.calls, connected: h.connected, share: null };
  }
  for (const day of byDay.values())
    for (const t of Object.values(day.trackers)) t.share = day.connected ? Math.round((10_000 * t.connected) / day.connected) / 10_000 : null;
  return { timeZone, from: dayString(from), to: dayString(new Date(to.getTime() - 86_400_000)), trackers, days: [...byDay.values()] };
}
