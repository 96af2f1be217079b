import { z } from "zod";
import { squash, toCallOutcome, toOutcome } from "@/lib/providers/normalize";
import { OUTCOMES, type CallStatus, type Outcome } from "@/lib/providers/values";

// The two scoring choices admins make: which vendor outcome words mean which
// canonical outcome (on top of the built-in reading in lib/providers/normalize.ts),
// and the lead score from which a call is a hot lead. Pure; stored by ./settings.ts.

export const scoringSchema = z.object({
  hotThreshold: z.int().min(0).max(100),
  outcomeMap: z
    .array(z.object({ raw: z.string().trim().min(1).max(200), outcome: z.enum(OUTCOMES) }))
    .max(500)
    .refine((rows) => new Set(rows.map((r) => squash(r.raw))).size === rows.length, "Each vendor outcome may be mapped once."),
});
export type Scoring = z.infer<typeof scoringSchema>;

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
