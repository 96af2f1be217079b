import { z } from "zod";
import { MAX_PHRASE_LENGTH, MAX_PHRASE_WORDS, MAX_PHRASES, MAX_POINTS, MAX_TRACKER_NAME, MIN_POINTS, TRACKER_SPEAKERS } from "./limits";
import { wordsOf } from "./normalize";

// What admins send to create or change a tracker (POST /api/trackers, PATCH /api/trackers/{id}).

const phrase = z
  .object({
    text: z.string().trim().min(1).max(MAX_PHRASE_LENGTH),
    stem: z.boolean().default(false),
  })
  .strict()
  .refine((p) => wordsOf(p.text).length > 0, { message: "A phrase needs at least one letter or digit.", path: ["text"] })
  .refine((p) => wordsOf(p.text).length <= MAX_PHRASE_WORDS, { message: `A phrase has at most ${MAX_PHRASE_WORDS} words.`, path: ["text"] });

const fields = {
  name: z.string().trim().min(1).max(MAX_TRACKER_NAME),
  phrases: z.array(phrase).min(1).max(MAX_PHRASES),
  speaker: z.enum(TRACKER_SPEAKERS),
  points: z.number().int().min(MIN_POINTS).max(MAX_POINTS).nullable(),
  enabled: z.boolean(),
};

export const trackerInput = z
  .object({ ...fields, speaker: fields.speaker.default("any"), points: fields.points.default(null), enabled: fields.enabled.default(true) })
  .strict();
export type TrackerInput = z.output<typeof trackerInput>;

export const trackerChange = z
  .object(fields)
  .partial()
  .strict()
  .refine((c) => Object.keys(c).length > 0, { message: "Nothing to change." });
export type TrackerChange = z.output<typeof trackerChange>;
