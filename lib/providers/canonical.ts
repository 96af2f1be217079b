import { z } from "zod";
import { CALL_STATUSES, DIRECTIONS, OUTCOMES, SENTIMENTS, TURN_ROLES } from "./values";

// The one call model every provider adapter produces (DESIGN.md).

export * from "./values";

export const turnSchema = z.object({
  role: z.enum(TURN_ROLES),
  text: z.string(),
  atMs: z.number().int().nonnegative().optional(),
  /** When the turn ended, where the vendor says so (Cllr transcript files with end times or durations). */
  endMs: z.number().int().nonnegative().optional(),
});
export type Turn = z.infer<typeof turnSchema>;

export const canonicalCallSchema = z.object({
  externalId: z.string().min(1),
  groupKey: z.string().nullable(),
  attempt: z.number().int().positive().nullable(),
  direction: z.enum(DIRECTIONS).nullable(),
  status: z.enum(CALL_STATUSES),
  startedAt: z.date(),
  endedAt: z.date().nullable(),
  durationSec: z.number().int().nonnegative().nullable(),
  billedSec: z.number().int().nonnegative().nullable(),
  customer: z.object({
    phone: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    company: z.string().nullable(),
  }),
  agent: z.object({ name: z.string().nullable(), id: z.string().nullable() }),
  /** The vendor's phone number the call was made from or to (a line, not an agent). */
  line: z.string().nullable(),
  campaign: z.string().nullable(),
  recordingUrl: z.string().nullable(),
  recordingKey: z.string().nullable(),
  transcriptUrl: z.string().nullable(),
  transcript: z.array(turnSchema),
  summary: z.string().nullable(),
  sentiment: z.enum(SENTIMENTS).nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  outcomeRaw: z.string().nullable(),
  interestLevel: z.string().nullable(),
  score: z.number().nullable(),
  labels: z.array(z.string()),
  nextAction: z.string().nullable(),
  callbackAt: z.date().nullable(),
  /** Whether the call reached its objective, when the vendor says so. */
  objectiveAchieved: z.boolean().nullable(),
  variables: z.record(z.string(), z.unknown()),
  costAmount: z.number().nullable(),
  costCurrency: z.string().nullable(),
  /** ISO 639-1 code when the vendor says which language was spoken; search stems English and Russian. */
  language: z.string().optional(),
  /** "arrival" when the vendor sent no call time and the arrival time stands in. */
  timeSource: z.enum(["vendor", "arrival"]),
  /** The moment this version of the call describes; an older version never replaces a newer one. */
  eventAt: z.date(),
});

export type CanonicalCall = z.infer<typeof canonicalCallSchema>;
