import type { LeadSignal } from "./lead-score";

// Where a vendor-read signal came from: the canonical call's field (each
// vendor module maps its own payload onto it, see lib/providers). Signals
// stored before evidence was kept get it on reading, so every call shows it.

const SIGNAL_FIELDS: Partial<Record<string, string>> = {
  interest: "interest_level",
  outcome: "outcome",
  sentiment: "sentiment",
  vendor_score: "score",
  labels: "labels",
  objective: "objective_achieved",
  callback: "callback_at",
};

export function withEvidence<T extends Pick<LeadSignal, "signal" | "evidence"> | { signal: string; evidence?: unknown }>(signals: T[]): T[] {
  return signals.map((s) => {
    const field = SIGNAL_FIELDS[s.signal];
    return s.evidence || !field ? s : { ...s, evidence: { field } };
  });
}
