import { z } from "zod";
import { Prisma } from "@/lib/db/client";
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

/** SQL: the call `c`'s trackers with a hit, {id, name} by name, as a JSON array (for a list's page query). */
export const CALL_TRACKER_NAMES_SQL = `(SELECT coalesce(json_agg(json_build_object('id', tr.id, 'name', tr.name) ORDER BY tr.name), '[]')
  FROM call_tracker_hits h JOIN trackers tr ON tr.id = h.tracker_id WHERE h.call_id = c.id) AS trackers`;
