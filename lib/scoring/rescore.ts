import type { CallColumns, ColumnsAs } from "@/lib/db/columns";
import { inTransaction } from "@/lib/db/pool";
import { mergeDeltas, rollupDeltas, rollupStatement, type Delta, type RollupFacts } from "@/lib/rollups/deltas";
import { backfill, type BackfillState, type BatchResult } from "@/lib/jobs/backfill";
import { enqueue, QUEUE } from "@/lib/jobs/boss";
import type { CallStatus, Outcome } from "@/lib/providers/values";
import { rescoreWithOutcome, type LeadSignal } from "./lead-score";
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

type Row = Pick<
  CallColumns,
  "id" | "outcome_raw" | "lead_score" | "is_hot" | "started_at" | "provider" | "campaign" | "sentiment" | "duration_sec" | "is_test"
> &
  ColumnsAs<CallColumns, "status", CallStatus> &
  ColumnsAs<CallColumns, "outcome", Outcome | null> &
  ColumnsAs<CallColumns, "lead_signals", LeadSignal[]>;

const facts = (r: Row, outcome: Outcome | null, isHot: boolean): RollupFacts => ({
  startedAt: r.started_at,
  provider: r.provider,
  campaign: r.campaign,
  status: r.status,
  sentiment: r.sentiment,
  outcome,
  durationSec: r.duration_sec,
  isHot,
  isTest: r.is_test,
});

/** One batch after `afterId`: the calls changed and the last id seen (null at the end). */
async function rescoreBatch(afterId: string, map: Map<string, Outcome>, threshold: number): Promise<BatchResult> {
  return inTransaction(async (client) => {
    const { rows } = await client.query<Row>(
      `SELECT id, status, outcome, outcome_raw, lead_score, lead_signals, is_hot, started_at, provider, campaign, sentiment, duration_sec, is_test
       FROM calls WHERE id > $1 ORDER BY id LIMIT ${BATCH} FOR UPDATE`,
      [afterId],
    );
    const updates: { id: string; outcome: Outcome | null; score: number; signals: string; hot: boolean }[] = [];
    const deltas: Delta[] = [];
    for (const r of rows) {
      const outcome = resolveOutcome(r.status, r.outcome_raw, map);
      const { score, signals } = rescoreWithOutcome(r.lead_signals, outcome);
      const isHot = score >= threshold;
      if (outcome === r.outcome && score === r.lead_score && isHot === r.is_hot) continue;
      updates.push({ id: r.id, outcome, score, signals: JSON.stringify(signals), hot: isHot });
      deltas.push(...rollupDeltas(facts(r, r.outcome, r.is_hot), facts(r, outcome, isHot)));
    }
    if (updates.length) {
      await client.query(
        `UPDATE calls c SET outcome = u.outcome, lead_score = u.score, lead_signals = u.signals, is_hot = u.hot, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::int[], $4::jsonb[], $5::bool[]) AS u(id, outcome, score, signals, hot)
         WHERE c.id = u.id`,
        [updates.map((u) => u.id), updates.map((u) => u.outcome), updates.map((u) => u.score), updates.map((u) => u.signals), updates.map((u) => u.hot)],
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
