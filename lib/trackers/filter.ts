import { z } from "zod";
import { db, Prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";

// The call list's `tracker` filter: calls with a hit of any of the trackers
// named, as "a,b" or as repeated parameters (lib/calls/filters.ts).

export const MAX_TRACKER_FILTER = 20;

export const trackerFilterSchema = z.preprocess((v) => {
  if (v === undefined || v === "") return undefined;
  const parts = (Array.isArray(v) ? v : [v]).filter((s): s is string => typeof s === "string");
  const ids = [
    ...new Set(
      parts
        .flatMap((s) => s.split(","))
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  return ids.length ? ids : undefined;
}, z.array(z.uuid()).min(1).max(MAX_TRACKER_FILTER).optional());

/**
 * SQL on `c` (calls): a hit of any of the trackers. A semi-join the planner
 * runs from the call side (probing the hits' primary key) or from
 * call_tracker_hits (tracker_id, started_at DESC) for a rare tracker.
 */
export const trackerCondition = (ids: string[]) =>
  Prisma.sql`EXISTS (SELECT 1 FROM call_tracker_hits th WHERE th.call_id = c.id AND th.tracker_id IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))}))`;

/** The API wrapper keeps a repeated parameter's last value: the list routes read every `tracker` themselves. */
export function withRepeatedTrackers<Q extends { tracker?: string[] }>(request: Request, query: Q): Q {
  const all = new URL(request.url).searchParams.getAll("tracker");
  if (all.length < 2) return query;
  const parsed = trackerFilterSchema.safeParse(all);
  if (!parsed.success) {
    const detail = `tracker: each value is a tracker id, at most ${MAX_TRACKER_FILTER} of them.`;
    throw new DomainError("invalid", "Invalid query", detail, { errors: [{ field: "tracker", message: detail }] });
  }
  return { ...query, tracker: parsed.data };
}

/** The trackers with a hit in each of the calls: for the list's chips and the CSV column. */
export async function trackersOfCalls(ids: string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const byCall = new Map<string, { id: string; name: string }[]>();
  if (ids.length === 0) return byCall;
  const rows = await db.$queryRaw<{ call_id: string; id: string; name: string }[]>`
    SELECT h.call_id, t.id, t.name FROM call_tracker_hits h JOIN trackers t ON t.id = h.tracker_id
    WHERE h.call_id = ANY(${ids}::uuid[]) ORDER BY t.name`;
  for (const r of rows) byCall.set(r.call_id, [...(byCall.get(r.call_id) ?? []), { id: r.id, name: r.name }]);
  return byCall;
}
