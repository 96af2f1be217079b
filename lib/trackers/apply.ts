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
 * an SQL expression), skipping trackers deleted meanwhile.
 */
export const hitRowsSql = (json: string) =>
  `SELECT x.tracker_id, x.hits, x.hit_count FROM jsonb_to_recordset(${json}::jsonb) AS x (tracker_id uuid, hits jsonb, hit_count int)
   WHERE EXISTS (SELECT 1 FROM trackers t WHERE t.id = x.tracker_id)`;

/** The hits and tracker signals a call has stored: kept when there is no transcript left to match (retention deleted it). */
export async function storedMatch(client: pg.PoolClient, callId: string): Promise<TrackerMatch> {
  const [{ rows }, { rows: call }] = await Promise.all([
    client.query<{ tracker_id: string; hits: TrackerHit[]; hit_count: number }>(
      `SELECT tracker_id, hits, hit_count FROM call_tracker_hits WHERE call_id = $1 ORDER BY tracker_id`,
      [callId],
    ),
    client.query<{ lead_signals: LeadSignal[] }>(`SELECT lead_signals FROM calls WHERE id = $1`, [callId]),
  ]);
  const found = rows.map((r) => ({ trackerId: r.tracker_id, hits: r.hits, hitCount: r.hit_count }));
  return { found, signals: (call[0]?.lead_signals ?? []).filter((s) => s.signal === "tracker"), trackerIds: found.map((f) => f.trackerId) };
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
