import type { CallColumns, ColumnsAs } from "@/lib/db/columns";
import { inTransaction } from "@/lib/db/pool";
import { mergeDeltas, rollupDeltas, rollupStatement, type Delta } from "@/lib/rollups/deltas";
import { factColumnsSql, factsOf, type FactRow } from "@/lib/rollups/facts";
import { correctionsOf, inUse, isHotCall } from "@/lib/reviews/corrections";
import { backfill, type BackfillState, type BatchResult } from "@/lib/jobs/backfill";
import { enqueue, QUEUE } from "@/lib/jobs/boss";
import type { CallStatus, Outcome, Sentiment } from "@/lib/providers/values";
import { rescoreWith, type LeadSignal } from "./lead-score";
import { outcomeMap, readScoring, resolveOutcome, SCORING_CACHE_MS } from "./settings";

// After the outcome mapping or the hot threshold changes, every saved call is
// scored again in the background: in batches of BATCH calls (by id), each batch
// in one transaction with its rollup changes, progress saved after each. A
// newer change supersedes a run in progress; it stops at its next batch.

const BATCH = 500;

const rescoring = backfill("rescore");

export type RescoreState = BackfillState;
export const rescoreState = rescoring.read;

/** Queues a re-score of every call. It starts once every process has seen the new settings. */
export async function startRescore(): Promise<RescoreState> {
  const state = await rescoring.start();
  // One job waits at a time; whichever runs re-scores with the latest settings.
  await enqueue(QUEUE.rescore, {}, { key: "rescore", startAfterSeconds: SCORING_CACHE_MS / 1000 + 1 });
  return state;
}

type Row = FactRow &
  Pick<CallColumns, "id" | "outcome_raw" | "ai_outcome" | "ai_sentiment" | "outcome_override" | "sentiment_override" | "hot_override"> &
  ColumnsAs<CallColumns, "lead_signals", LeadSignal[]>;

/** One batch after `afterId`: the calls changed and the last id seen (null at the end). */
async function rescoreBatch(afterId: string, map: Map<string, Outcome>, threshold: number): Promise<BatchResult> {
  return inTransaction(async (client) => {
    const { rows } = await client.query<Row>(
      `SELECT id, outcome_raw, lead_signals, ai_outcome, ai_sentiment, sentiment_override, hot_override, ${factColumnsSql()}
       FROM calls WHERE id > $1 ORDER BY id LIMIT ${BATCH} FOR UPDATE`,
      [afterId],
    );
    const updates: { id: string; aiOutcome: Outcome | null; outcome: Outcome | null; score: number; signals: string; hot: boolean; unreview: boolean }[] = [];
    const deltas: Delta[] = [];
    for (const r of rows) {
      // A reviewer's corrections stand over whatever the new mapping says.
      const corrections = correctionsOf(r);
      const aiOutcome = resolveOutcome(r.status as CallStatus, r.outcome_raw, map);
      const used = inUse({ outcome: aiOutcome, sentiment: r.ai_sentiment as Sentiment | null }, corrections);
      const { score, signals } = rescoreWith(r.lead_signals, used);
      const isHot = isHotCall(score, threshold, corrections);
      if (aiOutcome === r.ai_outcome && used.outcome === r.outcome && score === r.lead_score && isHot === r.is_hot) continue;
      // A reviewer who kept the AI's outcome kept that outcome, not the one the new mapping gives: back to To review.
      const reviewStands = r.reviewed_at === null || r.outcome_override !== null || aiOutcome === r.ai_outcome;
      updates.push({ id: r.id, aiOutcome, outcome: used.outcome, score, signals: JSON.stringify(signals), hot: isHot, unreview: !reviewStands });
      const before = factsOf(r);
      const review = reviewStands ? {} : { reviewed: false, outcomeKept: false };
      deltas.push(...rollupDeltas(before, { ...before, outcome: used.outcome, leadScore: score, isHot, ...review }));
    }
    if (updates.length) {
      await client.query(
        `UPDATE calls c SET ai_outcome = u.ai_outcome, outcome = u.outcome, lead_score = u.score, lead_signals = u.signals, is_hot = u.hot,
           reviewed_at = CASE WHEN u.unreview THEN NULL ELSE c.reviewed_at END, reviewed_by = CASE WHEN u.unreview THEN NULL ELSE c.reviewed_by END,
           updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::jsonb[], $6::bool[], $7::bool[]) AS u(id, ai_outcome, outcome, score, signals, hot, unreview)
         WHERE c.id = u.id`,
        [
          updates.map((u) => u.id),
          updates.map((u) => u.aiOutcome),
          updates.map((u) => u.outcome),
          updates.map((u) => u.score),
          updates.map((u) => u.signals),
          updates.map((u) => u.hot),
          updates.map((u) => u.unreview),
        ],
      );
      const rollup = rollupStatement(mergeDeltas(deltas));
      if (rollup) await client.query(rollup.text, rollup.values);
    }
    return { seen: rows.length, changed: updates.length, lastId: rows.length === BATCH ? rows[rows.length - 1].id : null };
  });
}

/** The job: re-scores every call for the latest run, unless a newer one replaces it meanwhile. */
export function runRescore(): Promise<string> {
  return rescoring.run("re-score finished", async () => {
    const scoring = await readScoring();
    const map = outcomeMap(scoring);
    return (afterId) => rescoreBatch(afterId, map, scoring.hotThreshold);
  });
}
