import type { Outcome, Sentiment } from "@/lib/providers/values";

// A reviewer's corrections of what the AI said. The vendor's values stay
// stored (calls.ai_outcome, ai_sentiment); the values in use everywhere
// (lists, filters, rollups, score, forwarding) are the corrections where set.
// Saving a newer version of the call, re-scoring and replaying all apply them
// again, so a correction outlives anything the vendor sends later.

export interface Corrections {
  outcome: Outcome | null;
  sentiment: Sentiment | null;
  /** Hot or not, whatever the score says. */
  hot: boolean | null;
}

export const NO_CORRECTIONS: Corrections = { outcome: null, sentiment: null, hot: null };

export interface Analysis {
  outcome: Outcome | null;
  sentiment: Sentiment | null;
}

/** The values in use: a correction where there is one, else the AI's. */
export function inUse(ai: Analysis, c: Corrections): Analysis {
  return { outcome: c.outcome ?? ai.outcome, sentiment: c.sentiment ?? ai.sentiment };
}

/** Hot or not: a reviewer's word, else the score against the threshold. */
export const isHotCall = (score: number, threshold: number, c: Corrections) => c.hot ?? score >= threshold;

/** The corrections stored on a calls row. */
export const correctionsOf = (r: { outcome_override: string | null; sentiment_override: string | null; hot_override: boolean | null }): Corrections => ({
  outcome: r.outcome_override as Outcome | null,
  sentiment: r.sentiment_override as Sentiment | null,
  hot: r.hot_override,
});

export const isCorrected = (c: Corrections) => c.outcome !== null || c.sentiment !== null || c.hot !== null;
