import { z } from "zod";
import { env } from "@/lib/env";
import { db } from "@/lib/db/client";
import { squash, toCallOutcome, toOutcome } from "@/lib/providers/normalize";
import { OUTCOMES, type CallStatus, type Outcome } from "@/lib/providers/values";

// The two scoring choices admins make: which vendor outcome words mean which
// canonical outcome (on top of the built-in reading in lib/providers/normalize.ts),
// and the lead score from which a call is a hot lead. Kept in the settings
// table under "scoring"; the environment's LEAD_HOT_THRESHOLD is the default.

export const scoringSchema = z.object({
  hotThreshold: z.int().min(0).max(100),
  outcomeMap: z
    .array(z.object({ raw: z.string().trim().min(1).max(200), outcome: z.enum(OUTCOMES) }))
    .max(500)
    .refine((rows) => new Set(rows.map((r) => squash(r.raw))).size === rows.length, "Each vendor outcome may be mapped once."),
});
export type Scoring = z.infer<typeof scoringSchema>;

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

export const outcomeMap = (scoring: Scoring) => new Map(scoring.outcomeMap.map((r) => [squash(r.raw), r.outcome]));

/**
 * The canonical outcome of a call: a call that never connected is that (no
 * answer, busy, ...); otherwise the admin's mapping of the vendor's word, else
 * the built-in reading. The adapters use the built-in reading alone.
 */
export function resolveOutcome(status: CallStatus, raw: string | null, map: Map<string, Outcome>): Outcome | null {
  const fromStatus = toCallOutcome(status, null);
  if (fromStatus) return fromStatus;
  return (raw ? map.get(squash(raw)) : undefined) ?? toOutcome(raw);
}
