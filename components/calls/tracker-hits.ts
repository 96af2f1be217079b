// A call's tracker hits as GET /api/calls/{id} gives them (lib/trackers), and
// the names of the trackers that hit each transcript turn.

export interface CallTrackerHits {
  id: string;
  name: string;
  hits: { turn: number; atMs: number; text: string }[];
  /** Every turn that matched (hits keeps the first few). */
  hitCount: number;
}

export function trackersByTurn(trackers: CallTrackerHits[]): Map<number, string[]> {
  const byTurn = new Map<number, string[]>();
  for (const t of trackers) {
    for (const turn of new Set(t.hits.map((h) => h.turn))) byTurn.set(turn, [...(byTurn.get(turn) ?? []), t.name]);
  }
  return byTurn;
}
