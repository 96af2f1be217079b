import type { Turn } from "@/lib/providers/canonical";

export interface TimedTurn extends Turn {
  /** Start of the turn in ms from the call's start. */
  startMs: number;
  /** False when the vendor gave no time and it was spread by text length. */
  exact: boolean;
}

/**
 * Start times for every turn. Where the vendor gave none, turns are spread over
 * the call by their text length, so seeking to a line still lands near it.
 */
export function timeTurns(turns: Turn[], durationSec: number | null): TimedTurn[] {
  const totalMs = Math.max(0, (durationSec ?? 0) * 1000);
  const totalChars = turns.reduce((sum, t) => sum + t.text.length, 0) || 1;
  let chars = 0;
  return turns.map((turn) => {
    const estimate = Math.round((chars / totalChars) * totalMs);
    chars += turn.text.length;
    return turn.atMs !== undefined ? { ...turn, startMs: turn.atMs, exact: true } : { ...turn, startMs: estimate, exact: false };
  });
}
