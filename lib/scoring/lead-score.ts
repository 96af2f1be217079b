import type { CanonicalCall, Outcome, Sentiment } from "@/lib/providers/canonical";
import { withEvidence } from "./evidence";

// The lead score (0-100) says how promising a call's customer is, from the
// signals the vendors report. README documents the formula; keep them in step.

/**
 * Why a signal counted: the transcript turn a tracker matched (index, start in
 * ms from the call's start, the turn's text), or the vendor field it read.
 */
export type SignalEvidence = { turn: number; atMs: number; text: string } | { field: string };

export interface LeadSignal {
  signal: "base" | "interest" | "outcome" | "sentiment" | "vendor_score" | "labels" | "objective" | "callback" | "tracker";
  value: string;
  points: number;
  /** Absent on the base signal and on signals stored before evidence was kept. */
  evidence?: SignalEvidence;
  /** The tracker that gave a "tracker" signal. */
  trackerId?: string;
}

const BASE = 20;

const OUTCOME_POINTS: Record<Outcome, number> = {
  meeting_scheduled: 35,
  interested: 25,
  callback_requested: 20,
  other: 0,
  voicemail: -10,
  no_answer: -15,
  busy: -15,
  failed: -20,
  not_interested: -40,
};

const SENTIMENT_POINTS: Record<Sentiment, number> = { positive: 10, mixed: 0, neutral: 0, negative: -10 };

const HOT_LABELS = /\b(hot|interested|decision[ _-]?maker|qualified|high intent|ready to buy|budget)\b/i;
const COLD_LABELS = /\b(not interested|unqualified|do not call|spam|wrong number)\b/i;

/** Interest level as vendors word it ("Very Interested", "high", "3/5") to points. */
function interestPoints(level: string): number {
  const s = level.toLowerCase();
  if (/not|no interest|none|cold/.test(s)) return -20;
  if (/very|high|hot|strong|5\/5|4\/5/.test(s)) return 25;
  if (/medium|moderate|some|maybe|warm|3\/5/.test(s)) return 8;
  if (/low|weak|1\/5|2\/5/.test(s)) return -5;
  if (/interested/.test(s)) return 15;
  return 0;
}

export function leadScore(call: CanonicalCall): { score: number; signals: LeadSignal[] } {
  const signals: LeadSignal[] = [{ signal: "base", value: "every call", points: BASE }];
  const add = (signal: LeadSignal["signal"], value: string, points: number) => {
    if (points !== 0) signals.push({ signal, value, points });
  };

  if (call.interestLevel) add("interest", call.interestLevel, interestPoints(call.interestLevel));
  if (call.outcome) add("outcome", call.outcome, OUTCOME_POINTS[call.outcome]);
  if (call.sentiment) add("sentiment", call.sentiment, SENTIMENT_POINTS[call.sentiment]);
  if (call.score !== null) {
    // A vendor's 0-100 (or 0-10) score moves the lead score by up to ±10.
    const pct = call.score <= 10 ? call.score * 10 : call.score;
    add("vendor_score", String(call.score), Math.round((Math.min(100, Math.max(0, pct)) - 50) / 5));
  }
  const hot = call.labels.filter((l) => HOT_LABELS.test(l) && !COLD_LABELS.test(l));
  const cold = call.labels.filter((l) => COLD_LABELS.test(l));
  if (hot.length || cold.length) add("labels", [...hot, ...cold].join(", "), Math.min(10, hot.length * 5) - cold.length * 10);
  if (call.objectiveAchieved !== null) add("objective", call.objectiveAchieved ? "achieved" : "not achieved", call.objectiveAchieved ? 15 : -5);
  if (call.callbackAt) add("callback", call.callbackAt.toISOString(), 10);

  return { score: total(signals), signals: withEvidence(signals) };
}

/** The score the signals add up to, within 0-100. */
export const total = (signals: LeadSignal[]) =>
  Math.max(
    0,
    Math.min(
      100,
      signals.reduce((sum, s) => sum + s.points, 0),
    ),
  );

/**
 * A saved call's signals with its tracker signals replaced by `trackers`
 * (after its transcript or the trackers changed), and the score they give.
 */
export function withTrackerSignals(signals: LeadSignal[], trackers: LeadSignal[]): { score: number; signals: LeadSignal[] } {
  const next = [...signals.filter((s) => s.signal !== "tracker"), ...trackers];
  return { score: total(next), signals: next };
}

/**
 * A saved call's score after its outcome or sentiment changed (a new outcome
 * mapping, a reviewer's correction): its other signals stay as they were
 * computed (tracker signals included), only those two signals' points change.
 */
export function rescoreWith(
  signals: LeadSignal[],
  analysis: { outcome: Outcome | null; sentiment: Sentiment | null },
): { score: number; signals: LeadSignal[] } {
  const next = signals.filter((s) => s.signal !== "outcome" && s.signal !== "sentiment");
  const { outcome, sentiment } = analysis;
  if (outcome && OUTCOME_POINTS[outcome] !== 0) next.push({ signal: "outcome", value: outcome, points: OUTCOME_POINTS[outcome] });
  if (sentiment && SENTIMENT_POINTS[sentiment] !== 0) next.push({ signal: "sentiment", value: sentiment, points: SENTIMENT_POINTS[sentiment] });
  return { score: total(next), signals: withEvidence(next) };
}
