import { z } from "zod";

// A call's trackers as GET /api/calls/{id} gives them: each tracker with a hit,
// by name, with its first hits (turn index, start in ms, the turn's text, bounded) and how many turns matched.

export const callTrackerHitSchema = z.object({ turn: z.number().int().min(0), atMs: z.number().int().min(0), text: z.string() });

export const callTrackerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The first hits (at most 20 are kept). */
  hits: z.array(callTrackerHitSchema),
  /** Every turn that matched. */
  hitCount: z.number().int().min(1),
});
export type CallTracker = z.infer<typeof callTrackerSchema>;

/** SQL: the call `c`'s trackers as a JSON array (for the detail query). */
export const CALL_TRACKERS_SQL = `(SELECT coalesce(jsonb_agg(jsonb_build_object('id', tr.id, 'name', tr.name, 'hits', h.hits, 'hitCount', h.hit_count) ORDER BY tr.name), '[]'::jsonb)
  FROM call_tracker_hits h JOIN trackers tr ON tr.id = h.tracker_id WHERE h.call_id = c.id) AS trackers`;
