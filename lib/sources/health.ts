import { db } from "@/lib/db/client";
import type { RawEventColumns, SourceColumns } from "@/lib/db/columns";
import { hasCapability } from "@/lib/providers/lookup";
import { alertsFor, type EventCounts, type SourceHealth } from "./alert-rules";
import { healthState } from "./health-state";
import { spooledBySource } from "@/lib/ingest/spool/by-source";
import { pollingInterval } from "@/lib/polling/interval";
import { expectedGapMinutes, publicSettings } from "./settings";

export type { AlertState, EventCounts, SourceHealth } from "./alert-rules";

type Counted = Pick<RawEventColumns, "source_id"> & { status: keyof EventCounts; day: number; week: number };

/**
 * Raw events per source and status in the 24 hours and 7 days before `now`:
 * whole hours from source_event_hours (kept in step by a trigger), and the
 * part of an hour each period starts in from raw_events (at most an hour's worth).
 */
function eventCounts(now: Date) {
  return db.$queryRaw<Counted[]>`
    WITH p AS (
      SELECT ${now}::timestamptz - interval '24 hours' AS day_from, ${now}::timestamptz - interval '7 days' AS week_from),
    edges AS (
      SELECT day_from, date_trunc('hour', day_from, 'UTC') + interval '1 hour' AS day_hours,
             week_from, date_trunc('hour', week_from, 'UTC') + interval '1 hour' AS week_hours FROM p),
    counted AS (
      SELECT h.source_id, h.status, sum(h.events) FILTER (WHERE h.hour >= edges.day_hours) AS day, sum(h.events) AS week
      FROM source_event_hours h, edges
      WHERE h.hour >= edges.week_hours AND h.hour <= ${now}::timestamptz
      GROUP BY 1, 2
      UNION ALL
      SELECT e.source_id, e.status, count(*) FILTER (WHERE e.received_at >= edges.day_from AND e.received_at < edges.day_hours),
             count(*) FILTER (WHERE e.received_at >= edges.week_from AND e.received_at < edges.week_hours)
      FROM sources s CROSS JOIN edges
      JOIN raw_events e ON e.source_id = s.id AND NOT e.is_test
        AND ((e.received_at >= edges.day_from AND e.received_at < edges.day_hours) OR (e.received_at >= edges.week_from AND e.received_at < edges.week_hours))
      GROUP BY 1, 2)
    SELECT source_id, status::text AS status, COALESCE(sum(day), 0)::int AS day, sum(week)::int AS week
    FROM counted GROUP BY 1, 2 HAVING sum(week) > 0`;
}

/** Hourly counts older than the longest period read (a week), with a day to spare: nothing reads them. */
export async function pruneEventHours(): Promise<void> {
  await db.$executeRaw`DELETE FROM source_event_hours WHERE hour < now() - interval '8 days'`;
}

/** Every source with its deliveries, counts by status (24 h, 7 days), polling state and the alerts it deserves. */
export async function listSourceHealth(now = new Date()): Promise<SourceHealth[]> {
  const [sources, counts, last, spooled] = await Promise.all([
    db.source.findMany({
      orderBy: { name: "asc" },
      include: { poll: true },
    }),
    eventCounts(now),
    db.$queryRaw<(Pick<SourceColumns, "id"> & { last: Date | null })[]>`
      SELECT s.id, (SELECT max(received_at) FROM raw_events e WHERE e.source_id = s.id AND NOT e.is_test) AS last FROM sources s`,
    spooledBySource(),
  ]);
  const lastById = new Map(last.map((r) => [r.id, r.last]));

  return sources.map((s) => {
    const mine = counts.filter((c) => c.source_id === s.id);
    const polled = hasCapability(s.provider, "polled");
    const interval = polled ? pollingInterval(s.provider, s.settings) : null;
    const walk = (s.poll?.cursor as { walk?: { nextPage?: number; totalPages?: number | null } | null } | null)?.walk;
    const health: Omit<SourceHealth, "alerts" | "state" | "stateDetail"> = {
      id: s.id,
      slug: s.slug,
      name: s.name,
      provider: s.provider,
      enabled: s.enabled,
      lastEventAt: lastById.get(s.id) ?? null,
      last24h: Object.fromEntries(mine.filter((c) => c.day > 0).map((c) => [c.status, c.day])),
      last7d: Object.fromEntries(mine.map((c) => [c.status, c.week])),
      expectedGapMinutes: expectedGapMinutes(s.settings),
      settings: publicSettings(s.settings),
      spooled: spooled.get(s.id) ?? null,
      polling: polled
        ? {
            configured: interval !== null,
            intervalSec: interval ?? 0,
            lastRunAt: s.poll?.lastRunAt ?? null,
            lastSuccessAt: s.poll?.lastSuccessAt ?? null,
            lastError: s.poll?.lastError ?? null,
            importedTotal: s.poll?.importedTotal ?? 0,
            backlog: walk?.nextPage ? { page: walk.nextPage, of: walk.totalPages ?? null } : null,
          }
        : null,
    };
    const withAlerts = { ...health, alerts: alertsFor(health, s.createdAt, now) };
    return { ...withAlerts, ...healthState(withAlerts) };
  });
}
