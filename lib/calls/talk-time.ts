import type { Turn } from "@/lib/providers/canonical";

// Talk time by side, from the vendor's own turn times only: a turn lasts
// until the next one starts (the last until the call ends). A transcript
// without a time on every turn, or a call without a length, gives null:
// the talk ratio on the Compare page counts real timings only, never the
// text-length estimate the player uses to seek.

export interface TalkTime {
  agentMs: number;
  customerMs: number;
}

export function talkTime(turns: Turn[], durationSec: number | null): TalkTime | null {
  if (turns.length === 0 || !durationSec || turns.some((t) => t.atMs === undefined)) return null;
  const endMs = durationSec * 1000;
  const talk: TalkTime = { agentMs: 0, customerMs: 0 };
  turns.forEach((turn, i) => {
    const start = Math.min(turn.atMs!, endMs);
    const next = i + 1 < turns.length ? Math.min(turns[i + 1].atMs!, endMs) : endMs;
    const ms = Math.max(0, next - start);
    if (turn.role === "agent") talk.agentMs += ms;
    else if (turn.role === "customer") talk.customerMs += ms;
  });
  return talk.agentMs + talk.customerMs > 0 ? talk : null;
}
