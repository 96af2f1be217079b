import type { Turn } from "@/lib/providers/canonical";
import { logger } from "@/lib/log";
import { MAX_CALL_MS, spansFrom, talkOfSpans, toInt, vendorCallMs, vendorSpans, type TurnSpan } from "@/lib/calls/talk-time";
import { timeTurns } from "@/lib/calls/turn-times";
import { countQuestions, countWords } from "./text";

// Talk metrics of one call, from its transcript and length: a pure function,
// run when a call or its transcript is saved and by the backfill.
//
// Timing is the vendor's when every turn has a vendor time and the call a
// length or its last turn an end (the same spans as the Compare page's talk time); otherwise the turns
// are spread by text length (as the player seeks) and the metrics are marked
// "estimated". Estimated timing says nothing about gaps or overlaps, so
// silence and interruptions are null then. Both also need the vendor's end
// time of every agent and customer turn (only some Cllr transcript files give
// them): with starts only, a turn lasts until the next starts, so silence
// would be the lead-in alone and no turn could overlap another.

/** Bump when a formula changes: the backfill recomputes calls stored with an older version. */
export const METRICS_VERSION = 2;

/** How long text takes to say when the call's length is unknown too: about 150 words a minute. */
const MS_PER_CHAR = 70;

export type Timing = "vendor" | "estimated";

/** The metrics as stored (lib/calls/metrics/store.ts): times in ms, counts. */
export interface CallMetrics {
  agentTalkMs: number;
  customerTalkMs: number;
  longestMonologueMs: number;
  longestCustomerMs: number;
  /** Turns that start before the other side's turn ended; null unless every agent and customer turn has a vendor end time. */
  interruptions: number | null;
  /** Time in the call when neither side talks; null unless every agent and customer turn has a vendor end time. */
  silenceMs: number | null;
  agentQuestions: number;
  words: number;
  /** Words of both sides per minute of talk; null without talk. */
  wordsPerMinute: number | null;
  timing: Timing;
}

type Side = "agent" | "customer";
const isSide = (role: Turn["role"]): role is Side => role === "agent" || role === "customer";

/**
 * The call's talk metrics, for a save: a vendor's odd transcript must never
 * fail the save of its call, so an error is logged and gives no metrics.
 */
export function safeCallMetrics(turns: Turn[], durationSec: number | null, callId?: string): CallMetrics | null {
  try {
    return callMetrics(turns, durationSec);
  } catch (err) {
    logger.error({ err, callId, turns: turns.length }, "talk metrics could not be computed");
    return null;
  }
}

/** The call's talk metrics; null when no turn is the agent's or the customer's. */
export function callMetrics(turns: Turn[], durationSec: number | null): CallMetrics | null {
  if (!turns.some((t) => isSide(t.role))) return null;
  const vendor = vendorSpans(turns, durationSec);
  const ended = vendor !== null && turns.every((t) => !isSide(t.role) || t.endMs !== undefined);
  const callMs = vendor ? vendorCallMs(turns, durationSec)! : estimatedCallMs(turns, durationSec);
  const spans = vendor ?? estimatedSpans(turns, callMs);
  const talk = talkOfSpans(spans) ?? { agentMs: 0, customerMs: 0 };
  const stretches = longestStretches(spans);
  const words = turns.reduce((n, t) => n + (isSide(t.role) ? countWords(t.text) : 0), 0);
  const talkMs = talk.agentMs + talk.customerMs;
  return {
    agentTalkMs: talk.agentMs,
    customerTalkMs: talk.customerMs,
    longestMonologueMs: toInt(stretches.agent),
    longestCustomerMs: toInt(stretches.customer),
    interruptions: ended ? interruptions(turns) : null,
    silenceMs: ended ? toInt(callMs - unionMs(spans.filter((s) => isSide(s.role)))) : null,
    agentQuestions: toInt(turns.reduce((n, t) => n + (t.role === "agent" ? countQuestions(t.text) : 0), 0)),
    words: toInt(words),
    wordsPerMinute: talkMs > 0 ? toInt((words * 60_000) / talkMs) : null,
    timing: vendor ? "vendor" : "estimated",
  };
}

/** The call's length to spread the turns over, at most MAX_CALL_MS (see lib/calls/talk-time.ts). */
function estimatedCallMs(turns: Turn[], durationSec: number | null): number {
  if (durationSec) return Math.min(durationSec * 1000, MAX_CALL_MS);
  const said = turns.reduce((n, t) => n + t.text.length, 0) * MS_PER_CHAR;
  // Vendor times that some turns have still place them, even past the text's length.
  // A reduce, not Math.max(...turns): a spread of some 120k turns overflows the call stack.
  return Math.min(
    MAX_CALL_MS,
    turns.reduce((max, t) => Math.max(max, t.endMs ?? t.atMs ?? 0), said),
  );
}

function estimatedSpans(turns: Turn[], callMs: number): TurnSpan[] {
  return spansFrom(
    timeTurns(turns, callMs / 1000).map((t) => ({ role: t.role, startMs: t.startMs, endMs: t.exact ? t.endMs : undefined })),
    callMs,
  );
}

/** Each side's longest stretch: its consecutive turns (system lines aside) as one, from the first start to the last end. */
function longestStretches(spans: TurnSpan[]): Record<Side, number> {
  const longest: Record<Side, number> = { agent: 0, customer: 0 };
  let role: Side | null = null;
  let startMs = 0;
  let endMs = 0;
  for (const s of spans) {
    if (!isSide(s.role)) continue;
    if (s.role === role) endMs = Math.max(endMs, s.endMs);
    else [role, startMs, endMs] = [s.role, s.startMs, s.endMs];
    longest[s.role] = Math.max(longest[s.role], endMs - startMs);
  }
  return longest;
}

/** Turns that start while the other side's latest turn is still going, by that turn's vendor end time. */
function interruptions(turns: Turn[]): number {
  const last: Partial<Record<Side, Turn>> = {};
  let count = 0;
  for (const t of turns) {
    if (!isSide(t.role)) continue;
    const other = last[t.role === "agent" ? "customer" : "agent"];
    if (other?.endMs !== undefined && t.atMs! < other.endMs && t.atMs! >= other.atMs!) count++;
    last[t.role] = t;
  }
  return count;
}

/** How long at least one of the spans runs. */
function unionMs(spans: TurnSpan[]): number {
  const sorted = [...spans].sort((a, b) => a.startMs - b.startMs);
  let total = 0;
  let from = -1;
  let to = -1;
  for (const s of sorted) {
    if (s.startMs > to) {
      total += to - from;
      from = s.startMs;
      to = s.endMs;
    } else to = Math.max(to, s.endMs);
  }
  return total + (to - from);
}
