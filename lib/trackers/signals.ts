import type { LeadSignal } from "@/lib/scoring/lead-score";
import type { MatchableTracker, TrackerHits } from "./match";

/** A lead signal for each tracker with points that hit, its first hit as evidence. */
export function trackerSignals(found: TrackerHits[], trackers: Pick<MatchableTracker, "id" | "name" | "points">[]): LeadSignal[] {
  const byId = new Map(trackers.map((t) => [t.id, t]));
  const signals: LeadSignal[] = [];
  for (const f of found) {
    const t = byId.get(f.trackerId);
    if (!t?.points || f.hits.length === 0) continue;
    const { turn, atMs, text } = f.hits[0];
    signals.push({ signal: "tracker", value: t.name, points: t.points, trackerId: t.id, evidence: { turn, atMs, text } });
  }
  return signals;
}
