import type { CallColumns, ColumnsAs } from "@/lib/db/columns";
import { inTransaction, pool } from "@/lib/db/pool";
import { logger } from "@/lib/log";
import { backfill, type BackfillState, type BatchResult } from "@/lib/jobs/backfill";
import { enqueue, QUEUE } from "@/lib/jobs/boss";
import type { Turn } from "@/lib/providers/canonical";
import { mergeDeltas, rollupDeltas, rollupStatement, type Delta } from "@/lib/rollups/deltas";
import { factColumnsSql, factsOf, type FactRow } from "@/lib/rollups/facts";
import { correctionsOf, isHotCall } from "@/lib/reviews/corrections";
import { withTrackerSignals, type LeadSignal } from "@/lib/scoring/lead-score";
import { readScoring } from "@/lib/scoring/settings";
import { hitsJson, hitRowsSql, keptMatch, trackerMatch } from "./apply";
import { readEnabledTrackers, TRACKERS_CACHE_MS } from "./current";
import type { MatchableTracker, TrackerHits } from "./match";

// After a tracker is created, edited or deleted, every stored call is matched
// again in the background (as re-scoring does): in batches by id, each in one
// transaction that replaces the call's hits, its tracker signals, score and
// hotness, and moves the rollups. Progress is saved after each batch; a newer
// change supersedes a run in progress.

// Transcripts are read with the calls: a smaller batch than re-scoring's.
const BATCH = 200;

const reapplying = backfill("trackers-reapply");

export type TrackerReapplyState = BackfillState;
export const trackerReapplyState = reapplying.read;

/** Queues matching every call again, once every process has seen the change. */
export async function startTrackerReapply(): Promise<TrackerReapplyState> {
  const state = await reapplying.start();
  await enqueue(QUEUE.trackers, {}, { key: "trackers", startAfterSeconds: TRACKERS_CACHE_MS / 1000 + 1 });
  return state;
}

/**
 * Calls stored before trackers existed (an upgrade: the starter set comes with
 * the migration) are matched once, when a worker first starts with them.
 */
export async function startTrackerReapplyIfNeverRun(): Promise<boolean> {
  if (await reapplying.read()) return false;
  const { rows } = await pool.query(`SELECT 1 FROM transcripts LIMIT 1`);
  if (rows.length === 0) return false;
  logger.info("trackers never applied to the stored calls: queuing it");
  await startTrackerReapply();
  return true;
}

type Row = FactRow &
  Pick<CallColumns, "id" | "outcome_override" | "sentiment_override" | "hot_override"> &
  ColumnsAs<CallColumns, "lead_signals", LeadSignal[]> & { turns: Turn[] | null; stored: TrackerHits[] | null; expired: boolean };

/** Hits and tracker signals as comparable text, whatever order jsonb gave their keys. */
const hitsKey = (found: TrackerHits[]) => JSON.stringify(found.map((f) => [f.trackerId, f.hitCount, f.hits.map((h) => [h.turn, h.atMs, h.text])]));
const signalsKey = (signals: LeadSignal[]) =>
  JSON.stringify(
    signals
      .filter((s) => s.signal === "tracker")
      .map((s) => [s.trackerId, s.value, s.points, s.evidence && "turn" in s.evidence ? [s.evidence.turn, s.evidence.atMs, s.evidence.text] : null]),
  );

async function reapplyBatch(afterId: string, trackers: MatchableTracker[], threshold: number): Promise<BatchResult> {
  return inTransaction(async (client) => {
    const { rows } = await client.query<Row>(
      `SELECT id, lead_signals, outcome_override, sentiment_override, hot_override, ${factColumnsSql()},
         (SELECT turns FROM transcripts t WHERE t.call_id = calls.id) AS turns, transcript_deleted_at IS NOT NULL AS expired,
         (SELECT jsonb_agg(jsonb_build_object('trackerId', h.tracker_id, 'hits', h.hits, 'hitCount', h.hit_count) ORDER BY h.tracker_id)
            FROM call_tracker_hits h WHERE h.call_id = calls.id) AS stored
       FROM calls WHERE id > $1 ORDER BY id LIMIT ${BATCH} FOR UPDATE`,
      [afterId],
    );
    const changed: { id: string; startedAt: Date; json: string; score: number; signals: string; hot: boolean }[] = [];
    const deltas: Delta[] = [];
    for (const r of rows) {
      // Retention deleted the transcript: the hits found while it was there stay, for the trackers still on.
      const match = r.expired ? keptMatch(r.stored ?? [], trackers) : trackerMatch(r.turns ?? [], r.duration_sec, trackers);
      const { score, signals } = withTrackerSignals(r.lead_signals, match.signals);
      const isHot = isHotCall(score, threshold, correctionsOf(r));
      if (hitsKey(match.found) === hitsKey(r.stored ?? []) && signalsKey(signals) === signalsKey(r.lead_signals) && isHot === r.is_hot) continue;
      changed.push({ id: r.id, startedAt: r.started_at, json: hitsJson(match.found), score, signals: JSON.stringify(signals), hot: isHot });
      const before = factsOf(r);
      deltas.push(...rollupDeltas(before, { ...before, leadScore: score, isHot, trackerIds: match.trackerIds }));
    }
    if (changed.length) {
      const ids = changed.map((c) => c.id);
      await client.query(`DELETE FROM call_tracker_hits WHERE call_id = ANY($1::uuid[])`, [ids]);
      await client.query(
        `INSERT INTO call_tracker_hits (call_id, tracker_id, hits, hit_count, started_at)
         SELECT u.id, x.tracker_id, x.hits, x.hit_count, u.started_at
         FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) AS u (id, started_at, json)
         CROSS JOIN LATERAL (${hitRowsSql("u.json")}) AS x`,
        [ids, changed.map((c) => c.startedAt), changed.map((c) => c.json)],
      );
      await client.query(
        `UPDATE calls c SET lead_score = u.score, lead_signals = u.signals, is_hot = u.hot, updated_at = now()
         FROM unnest($1::uuid[], $2::int[], $3::jsonb[], $4::bool[]) AS u (id, score, signals, hot) WHERE c.id = u.id`,
        [ids, changed.map((c) => c.score), changed.map((c) => c.signals), changed.map((c) => c.hot)],
      );
      const rollup = rollupStatement(mergeDeltas(deltas));
      if (rollup) await client.query(rollup.text, rollup.values);
    }
    return { seen: rows.length, changed: changed.length, lastId: rows.length === BATCH ? rows[rows.length - 1].id : null };
  });
}

/** The job: matches every call against the latest trackers, unless a newer change replaces the run meanwhile. */
export function runTrackerReapply(): Promise<string> {
  return reapplying.run("trackers applied", async () => {
    const [trackers, scoring] = await Promise.all([readEnabledTrackers(), readScoring()]);
    return (afterId) => reapplyBatch(afterId, trackers, scoring.hotThreshold);
  });
}
