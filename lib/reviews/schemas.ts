import { z } from "zod";
import { OUTCOMES, SENTIMENTS } from "@/lib/providers/values";
import { REVIEW_NOTE_MAX } from "./limits";

// A reviewer's change to one call. Every field is optional: only what is sent
// changes. null takes a correction back (the AI's value stands again).

export { REVIEW_NOTE_MAX };

export const reviewInputSchema = z
  .object({
    outcome: z.enum(OUTCOMES).nullable().optional(),
    sentiment: z.enum(SENTIMENTS).nullable().optional(),
    hot: z.boolean().nullable().optional(),
    reviewed: z.boolean().optional(),
    note: z.string().trim().max(REVIEW_NOTE_MAX, `A note holds at most ${REVIEW_NOTE_MAX} characters.`).nullable().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, "Send at least one of outcome, sentiment, hot, reviewed or note.");
export type ReviewInput = z.infer<typeof reviewInputSchema>;

/** What the call page and the read API say about a call's review. */
export const reviewStateSchema = z.object({
  reviewedAt: z.iso.datetime({ offset: true }).nullable(),
  reviewedBy: z.string().nullable(),
  note: z.string().nullable(),
  noteBy: z.string().nullable(),
  noteAt: z.iso.datetime({ offset: true }).nullable(),
  /** What the AI said (the vendor's analysis; hot: the lead score against the threshold). */
  ai: z.object({ outcome: z.enum(OUTCOMES).nullable(), sentiment: z.enum(SENTIMENTS).nullable(), hot: z.boolean() }),
  /** Which values in use are a reviewer's rather than the AI's. */
  corrected: z.object({ outcome: z.boolean(), sentiment: z.boolean(), hot: z.boolean() }),
});
export type ReviewState = z.infer<typeof reviewStateSchema>;
