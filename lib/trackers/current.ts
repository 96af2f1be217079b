import { pool } from "@/lib/db/pool";
import { TRACKER_SPEAKERS, type TrackerSpeaker } from "./limits";
import type { MatchableTracker, TrackerPhrase } from "./match";

// The enabled trackers as this process matches them against new calls, read
// at most every few seconds; a change is applied to stored calls by a
// backfill that waits this long first, so no call is left with old hits.

export const TRACKERS_CACHE_MS = 5_000;

let cached: { at: number; value: MatchableTracker[] } | null = null;

const isPhrase = (p: unknown): p is TrackerPhrase => typeof p === "object" && p !== null && typeof (p as { text?: unknown }).text === "string";

const asPhrases = (value: unknown): TrackerPhrase[] =>
  Array.isArray(value) ? value.filter(isPhrase).map((p) => ({ text: p.text, stem: p.stem === true })) : [];

const asSpeaker = (value: string): TrackerSpeaker => ((TRACKER_SPEAKERS as readonly string[]).includes(value) ? (value as TrackerSpeaker) : "any");

/** The enabled trackers, read now. */
export async function readEnabledTrackers(): Promise<MatchableTracker[]> {
  const { rows } = await pool.query<{ id: string; name: string; phrases: unknown; speaker: string; points: number | null }>(
    `SELECT id, name, phrases, speaker, points FROM trackers WHERE enabled ORDER BY id`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, phrases: asPhrases(r.phrases), speaker: asSpeaker(r.speaker), points: r.points }));
}

/** The enabled trackers as new calls are matched against them. */
export async function currentTrackers(): Promise<MatchableTracker[]> {
  if (!cached || Date.now() - cached.at > TRACKERS_CACHE_MS) cached = { at: Date.now(), value: await readEnabledTrackers() };
  return cached.value;
}
