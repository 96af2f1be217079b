import type { CallColumns, ColumnsAs } from "@/lib/db/columns";
import { inTransaction } from "@/lib/db/pool";
import { isCallId } from "@/lib/calls/ids";
import { notFound } from "@/lib/errors";
import type { Outcome, Sentiment } from "@/lib/providers/values";
import { rollupDeltas, rollupStatement } from "@/lib/rollups/deltas";
import { factColumnsSql, factsOf, type FactRow } from "@/lib/rollups/facts";
import { rescoreWith, type LeadSignal } from "@/lib/scoring/lead-score";
import { readScoring } from "@/lib/scoring/settings";
import { correctionsOf, inUse, isHotCall, type Corrections } from "./corrections";
import type { ReviewInput } from "./schemas";

// A manager's review of one call: corrections of outcome, sentiment and hot,
// the reviewed mark and a note. The call row is locked while the values in
// use, the score and the rollups move together, so two reviewers saving at
// once are applied one after the other and the rollups count the call once.

type Row = FactRow &
  Pick<
    CallColumns,
    | "id"
    | "ai_outcome"
    | "ai_sentiment"
    | "outcome_override"
    | "sentiment_override"
    | "hot_override"
    | "reviewed_by"
    | "review_note"
    | "review_note_by"
    | "review_note_at"
  > &
  ColumnsAs<CallColumns, "lead_signals", LeadSignal[]>;

/** The review as the audit log records it. */
export interface ReviewRecord {
  outcome: string | null;
  sentiment: string | null;
  isHot: boolean;
  leadScore: number;
  corrections: Corrections;
  reviewed: boolean;
  note: string | null;
}

export interface ReviewResult {
  before: ReviewRecord;
  after: ReviewRecord;
  /** What forwarding rules look at, after the change. */
  facts: { sourceId: string; status: string; outcome: Outcome | null; leadScore: number; isHot: boolean; isTest: boolean };
  /** The values in use changed (outcome, sentiment, hot or score): destinations may need to hear of it. */
  changed: boolean;
}

const record = (
  r: { outcome: string | null; sentiment: string | null; is_hot: boolean; lead_score: number; reviewed_at: Date | null; review_note: string | null },
  c: Corrections,
): ReviewRecord => ({
  outcome: r.outcome,
  sentiment: r.sentiment,
  isHot: r.is_hot,
  leadScore: r.lead_score,
  corrections: c,
  reviewed: r.reviewed_at !== null,
  note: r.review_note,
});

/** A correction equal to the AI's own value is no correction: the AI was right. */
const correctionOver = <T>(sent: T | null | undefined, stored: T | null, ai: T | null): T | null => (sent === undefined ? stored : sent === ai ? null : sent);

export async function reviewCall(callId: string, input: ReviewInput, actorId: string): Promise<ReviewResult> {
  if (!isCallId(callId)) throw notFound("call", callId);
  const { hotThreshold } = await readScoring();
  return inTransaction(async (client) => {
    const { rows } = await client.query<Row>(
      `SELECT id, lead_signals, ai_outcome, ai_sentiment, sentiment_override, hot_override, reviewed_by, review_note, review_note_by, review_note_at,
              ${factColumnsSql()}
       FROM calls WHERE id = $1 FOR UPDATE`,
      [callId],
    );
    const r = rows[0];
    if (!r) throw notFound("call", callId);
    const stored = correctionsOf(r);
    const ai = { outcome: r.ai_outcome as Outcome | null, sentiment: r.ai_sentiment as Sentiment | null };
    const outcome = correctionOver(input.outcome, stored.outcome, ai.outcome);
    const sentiment = correctionOver(input.sentiment, stored.sentiment, ai.sentiment);
    const used = inUse(ai, { outcome, sentiment, hot: null });
    const { score, signals } = rescoreWith(r.lead_signals, used);
    const corrections: Corrections = { outcome, sentiment, hot: correctionOver(input.hot, stored.hot, score >= hotThreshold) };
    const isHot = isHotCall(score, hotThreshold, corrections);

    // Correcting is reviewing; "reviewed: false" takes only the mark back.
    const corrects = input.outcome != null || input.sentiment != null || input.hot != null;
    const reviewsNow = corrects || input.reviewed === true;
    const reviewed = input.reviewed ?? (corrects || r.reviewed_at !== null);
    const reviewedAt = !reviewed ? null : reviewsNow ? new Date() : r.reviewed_at;
    const note = input.note === undefined ? r.review_note : input.note || null;
    const noteChanged = note !== r.review_note;

    const { rows: updated } = await client.query<Pick<CallColumns, "reviewed_at">>(
      `UPDATE calls SET outcome = $2, sentiment = $3, outcome_override = $4, sentiment_override = $5, hot_override = $6,
         lead_score = $7, lead_signals = $8, is_hot = $9, reviewed_at = $10, reviewed_by = $11,
         review_note = $12, review_note_by = $13, review_note_at = $14, updated_at = now()
       WHERE id = $1 RETURNING reviewed_at`,
      [
        callId,
        used.outcome,
        used.sentiment,
        corrections.outcome,
        corrections.sentiment,
        corrections.hot,
        score,
        JSON.stringify(signals),
        isHot,
        reviewedAt,
        !reviewed ? null : reviewsNow ? actorId : r.reviewed_by,
        note,
        noteChanged ? (note ? actorId : null) : r.review_note_by,
        noteChanged ? (note ? new Date() : null) : r.review_note_at,
      ],
    );
    const before = factsOf(r);
    const after = {
      ...before,
      outcome: used.outcome,
      sentiment: used.sentiment,
      leadScore: score,
      isHot,
      reviewed,
      outcomeKept: reviewed && corrections.outcome === null,
    };
    const rollup = rollupStatement(rollupDeltas(before, after));
    if (rollup) await client.query(rollup.text, rollup.values);
    return {
      before: record(r, stored),
      after: record({ ...used, is_hot: isHot, lead_score: score, reviewed_at: updated[0].reviewed_at, review_note: note }, corrections),
      facts: { sourceId: r.source_id, status: r.status, outcome: used.outcome, leadScore: score, isHot, isTest: r.is_test },
      changed: used.outcome !== r.outcome || used.sentiment !== r.sentiment || isHot !== r.is_hot || score !== r.lead_score,
    };
  });
}
