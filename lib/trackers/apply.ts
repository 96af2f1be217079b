import type pg from "pg";
import type { LeadSignal } from "@/lib/scoring/lead-score";
import { matchTrackers, type MatchableTracker, type TrackerHit, type TrackerHits } from "./match";
import type { Turn } from "@/lib/providers/canonical";
import { trackerSignals } from "./signals";

// A call's tracker hits as stored (call_tracker_hits), written inside the
// transaction that saves the call or its transcript, so that hits, the
// score's tracker signals and the tracker rollup move together.

export interface TrackerMatch {
  found: TrackerHits[];
  signals: LeadSignal[];
  /** Sorted, as rollup facts keep them. */
  trackerIds: string[];
}

export function trackerMatch(turns: Turn[], durationSec: number | null, trackers: MatchableTracker[]): TrackerMatch {
  const found = matchTrackers(turns, durationSec, trackers).sort((a, b) => (a.trackerId < b.trackerId ? -1 : 1));
  return { found, signals: trackerSignals(found, trackers), trackerIds: found.map((f) => f.trackerId) };
}

export const NO_TRACKERS: TrackerMatch = { found: [], signals: [], trackerIds: [] };

/** The hits as JSON for hitRowsSql. */
export const hitsJson = (found: TrackerHits[]) => JSON.stringify(found.map((f) => ({ tracker_id: f.trackerId, hits: f.hits, hit_count: f.hitCount })));

/**
 * SQL selecting (tracker_id, hits, hit_count) from `json` (hitsJson's output as
 * an SQL expression), skipping trackers deleted meanwhile. FOR KEY SHARE: a
 * tracker being deleted right now is waited for and then skipped, where a
 * plain check would pass on the old snapshot and the insert then fail on the
 * foreign key (failing the whole call's save).
 */
export const hitRowsSql = (json: string) =>
  `SELECT x.tracker_id, x.hits, x.hit_count FROM jsonb_to_recordset(${json}::jsonb) AS x (tracker_id uuid, hits jsonb, hit_count int)
   WHERE EXISTS (SELECT 1 FROM trackers t WHERE t.id = x.tracker_id FOR KEY SHARE)`;

/**
 * A call whose transcript retention deleted cannot be matched again: its stored
 * hits stand for the trackers that still exist and are on (a deleted or
 * disabled tracker's go), and their points are the trackers' points now.
 */
export function keptMatch(stored: TrackerHits[], trackers: MatchableTracker[]): TrackerMatch {
  const current = new Set(trackers.map((t) => t.id));
  const found = stored.filter((f) => current.has(f.trackerId)).sort((a, b) => (a.trackerId < b.trackerId ? -1 : 1));
  return { found, signals: trackerSignals(found, trackers), trackerIds: found.map((f) => f.trackerId) };
}

/** The stored hits of a call whose transcript retention deleted, as keptMatch reads them. */
export async function storedMatch(client: pg.PoolClient, callId: string, trackers: MatchableTracker[]): Promise<TrackerMatch> {
  const { rows } = await client.query<{ tracker_id: string; hits: TrackerHit[]; hit_count: number }>(
    `SELECT tracker_id, hits, hit_count FROM call_tracker_hits WHERE call_id = $1`,
    [callId],
  );
  return keptMatch(
    rows.map((r) => ({ trackerId: r.tracker_id, hits: r.hits, hitCount: r.hit_count })),
    trackers,
  );
}

/** Replaces a call's hits. */
export async function replaceHits(client: pg.PoolClient, callId: string, startedAt: Date, found: TrackerHits[]): Promise<void> {
  await client.query(`DELETE FROM call_tracker_hits WHERE call_id = $1`, [callId]);
  if (found.length === 0) return;
  await client.query(
    `INSERT INTO call_tracker_hits (call_id, tracker_id, hits, hit_count, started_at)
     SELECT $1::uuid, h.tracker_id, h.hits, h.hit_count, $2::timestamptz FROM (${hitRowsSql("$3")}) AS h`,
    [callId, startedAt, hitsJson(found)],
  );
}
