import { db, Prisma } from "@/lib/db/client";
import type { CallFilters } from "@/lib/calls/filters";
import { whereAll } from "@/lib/calls/conditions";
import { matchAll } from "@/lib/calls/search";
import { viewQuery } from "@/lib/views/filters";
import { METRIC_INFO, type Metric } from "./catalog";

// A rule's metric over one window [from, to): counts over the view's calls
// that started in it, read through the started_at indexes (the window is a
// range on c.started_at, so only the window's calls are read, never all of
// them), or a tracker's hits through call_tracker_hits (tracker_id,
// started_at), or a source's newest event through raw_events (source_id,
// received_at DESC). Test calls never count, as on the overview.

export interface Window {
  from: Date;
  to: Date;
}

export interface Measured {
  /** The metric: a count, a share in percent (null without calls to take it of), or minutes. */
  value: number | null;
  /** The calls the metric is taken over (all, or the connected ones for a share of them): what minCount counts. */
  base: number;
}

export interface MetricScope {
  metric: Metric;
  filters: CallFilters;
  trackerId: string | null;
  sourceId: string | null;
}

/** The view's calls in the window, as one aggregate query (exported for EXPLAIN in the tests). */
export async function windowCountsSql(filters: CallFilters, window: Window): Promise<Prisma.Sql> {
  const query = await viewQuery(filters, window);
  const where = [...query.where, Prisma.sql`NOT c.is_test`, ...(query.search ? [matchAll(query.search)] : [])];
  return Prisma.sql`
    SELECT count(*)::int AS calls,
           count(*) FILTER (WHERE c.status <> 'in_progress')::int AS finished,
           count(*) FILTER (WHERE c.status = 'completed')::int AS connected,
           count(*) FILTER (WHERE c.is_hot)::int AS hot,
           count(*) FILTER (WHERE c.status = 'completed' AND c.sentiment = 'negative')::int AS negative,
           count(*) FILTER (WHERE c.status = 'completed' AND c.outcome = 'meeting_scheduled')::int AS meetings
    FROM calls c ${whereAll(where)}`;
}

/** The view's calls in the window with a hit of the tracker, read from its hits in the window. */
export async function trackerMentionsSql(filters: CallFilters, trackerId: string, window: Window): Promise<Prisma.Sql> {
  const query = await viewQuery(filters, window);
  const where = [
    Prisma.sql`th.tracker_id = ${trackerId}::uuid`,
    Prisma.sql`th.started_at >= ${window.from}`,
    Prisma.sql`th.started_at < ${window.to}`,
    ...query.where,
    Prisma.sql`NOT c.is_test`,
    ...(query.search ? [matchAll(query.search)] : []),
  ];
  return Prisma.sql`SELECT count(*)::int AS n FROM call_tracker_hits th JOIN calls c ON c.id = th.call_id ${whereAll(where)}`;
}

interface WindowCounts {
  calls: number;
  /** Calls that ended: a call still going on is neither connected nor not. */
  finished: number;
  connected: number;
  hot: number;
  negative: number;
  meetings: number;
}

const share = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : null);

/** Minutes since the source's newest event at `now` (since it was created, if it never sent one); null when it is gone. */
async function silenceMinutes(sourceId: string, now: Date): Promise<number | null> {
  const [row] = await db.$queryRaw<{ last: Date | null; created_at: Date }[]>`
    SELECT (SELECT e.received_at FROM raw_events e WHERE e.source_id = s.id AND NOT e.is_test AND e.received_at <= ${now}
            ORDER BY e.received_at DESC LIMIT 1) AS last, s.created_at
    FROM sources s WHERE s.id = ${sourceId}::uuid`;
  if (!row) return null;
  return Math.max(0, (now.getTime() - (row.last ?? row.created_at).getTime()) / 60_000);
}

export async function measure(scope: MetricScope, window: Window): Promise<Measured> {
  if (scope.metric === "source_silence") {
    const minutes = scope.sourceId ? await silenceMinutes(scope.sourceId, window.to) : null;
    return { value: minutes, base: 0 };
  }
  const [counts] = await db.$queryRaw<WindowCounts[]>(await windowCountsSql(scope.filters, window));
  const base = METRIC_INFO[scope.metric].base === "connected" ? counts.connected : scope.metric === "connect_rate" ? counts.finished : counts.calls;
  switch (scope.metric) {
    case "calls":
      return { value: counts.calls, base };
    case "connect_rate":
      return { value: share(counts.connected, counts.finished), base };
    case "hot_leads":
      return { value: counts.hot, base };
    case "negative_share":
      return { value: share(counts.negative, counts.connected), base };
    case "meeting_rate":
      return { value: share(counts.meetings, counts.connected), base };
    case "tracker_mentions": {
      const [{ n }] = await db.$queryRaw<{ n: number }[]>(await trackerMentionsSql(scope.filters, scope.trackerId!, window));
      return { value: n, base };
    }
  }
}
