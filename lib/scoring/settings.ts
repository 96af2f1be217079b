import { env } from "@/lib/env";
import { db } from "@/lib/db/client";
import type { Outcome } from "@/lib/providers/values";
import { outcomeMap, scoringSchema, type Scoring } from "./outcome-map";

export { outcomeMap, resolveOutcome, scoringSchema, type Scoring } from "./outcome-map";

// The scoring settings (./outcome-map.ts) as saved in the settings table under
// "scoring"; the environment's LEAD_HOT_THRESHOLD is the default.

/** How long a process keeps using settings it read; a re-score waits this long before it starts. */
export const SCORING_CACHE_MS = 5_000;

let cached: { at: number; value: Scoring; map: Map<string, Outcome> } | null = null;

export async function readScoring(): Promise<Scoring> {
  const row = await db.setting.findUnique({ where: { key: "scoring" } });
  const parsed = scoringSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : { hotThreshold: env().LEAD_HOT_THRESHOLD, outcomeMap: [] };
}

/** The settings as this process uses them for new calls (read at most every few seconds). */
export async function currentScoring(): Promise<{ hotThreshold: number; map: Map<string, Outcome> }> {
  if (!cached || Date.now() - cached.at > SCORING_CACHE_MS) {
    const value = await readScoring();
    cached = { at: Date.now(), value, map: outcomeMap(value) };
  }
  return { hotThreshold: cached.value.hotThreshold, map: cached.map };
}
