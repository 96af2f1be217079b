import type { Turn } from "@/lib/providers/canonical";

// Talk time by side, from the vendor's own turn times only: a turn lasts
// until its end where the vendor gives one, else until the next turn starts
// (the last until the call ends). A transcript without a time on every turn,
// or a call without a length (nor an end on its last turn), gives null: the talk ratio on the Compare page
// counts real timings only, never the text-length estimate the player uses to
// seek. The talk metrics (lib/calls/metrics) read the same spans, so their
// talk seconds are the Compare page's.

/**
 * The longest call the times are read over: 24 h. A vendor sending ms in a
 * seconds field (or a turn time years out) would otherwise give talk times
 * past the INT columns they are stored in, and fail the whole save.
 */
export const MAX_CALL_MS = 24 * 3600 * 1000;

/** Stored ms and counts are INT columns: a figure past that range is held at its edge. */
export const INT_MAX = 2_147_483_647;
export const toInt = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.min(INT_MAX, Math.round(n))) : 0);

export interface TalkTime {
  agentMs: number;
  customerMs: number;
}

export interface TurnSpan {
  role: Turn["role"];
  startMs: number;
  endMs: number;
}

/**
 * When each turn starts and ends, from the vendor's times; null unless every
 * turn has a start and the call's end is known: its length, or else the end
 * the vendor gave its last turn (Cllr sends no length, some of its files ends).
 */
export function vendorSpans(turns: Turn[], durationSec: number | null): TurnSpan[] | null {
  const callMs = vendorCallMs(turns, durationSec);
  if (callMs === null) return null;
  return spansFrom(
    turns.map((t) => ({ role: t.role, startMs: t.atMs!, endMs: t.endMs })),
    callMs,
  );
}

/** The call's length in ms by the vendor's word, as vendorSpans reads it; null when not known. */
export function vendorCallMs(turns: Turn[], durationSec: number | null): number | null {
  if (turns.length === 0 || turns.some((t) => t.atMs === undefined)) return null;
  if (durationSec) return Math.min(durationSec * 1000, MAX_CALL_MS);
  const lastEnd = turns.at(-1)!.endMs;
  // A reduce, not Math.max(...turns): a spread of some 120k turns overflows the call stack.
  return lastEnd
    ? Math.min(
        MAX_CALL_MS,
        turns.reduce((max, t) => Math.max(max, t.endMs ?? t.atMs!), lastEnd),
      )
    : null;
}

/** Spans from starts (and ends where known) within a call of `callMs`: a turn without an end lasts until the next starts. */
export function spansFrom(turns: { role: Turn["role"]; startMs: number; endMs?: number }[], callMs: number): TurnSpan[] {
  return turns.map((turn, i) => {
    const start = Math.min(turn.startMs, callMs);
    const until = turn.endMs ?? (i + 1 < turns.length ? turns[i + 1].startMs : callMs);
    return { role: turn.role, startMs: start, endMs: Math.max(start, Math.min(until, callMs)) };
  });
}

export function talkTime(turns: Turn[], durationSec: number | null): TalkTime | null {
  const spans = vendorSpans(turns, durationSec);
  return spans ? talkOfSpans(spans) : null;
}

/** Each side's total; null when neither side talked. */
export function talkOfSpans(spans: TurnSpan[]): TalkTime | null {
  const talk: TalkTime = { agentMs: 0, customerMs: 0 };
  for (const s of spans) {
    if (s.role === "agent") talk.agentMs += s.endMs - s.startMs;
    else if (s.role === "customer") talk.customerMs += s.endMs - s.startMs;
  }
  // Overlapping turns with the vendor's ends can add up past the call's length, even past the INT columns.
  const held = { agentMs: toInt(talk.agentMs), customerMs: toInt(talk.customerMs) };
  return held.agentMs + held.customerMs > 0 ? held : null;
}
