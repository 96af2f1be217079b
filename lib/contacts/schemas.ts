import { z } from "zod";
import { callItemSchema } from "@/lib/calls/schemas";

// GET /api/contacts/{id}: a contact (one phone number) and its calls from every
// vendor, newest first, dial attempts of one lead as one entry. Routes build
// it, tests check it.

const isoDate = z.iso.datetime({ offset: true });

/** Most calls one page of a timeline holds (the read API's default too). */
export const TIMELINE_LIMIT = 200;

/** Longest summary a timeline entry carries; the call page has all of it. */
export const SUMMARY_CHARS = 280;

export const contactQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(TIMELINE_LIMIT).default(TIMELINE_LIMIT),
  /** A page's `nextCursor`: the calls older than that page. */
  cursor: z.string().optional(),
});

export const timelineCallSchema = callItemSchema
  .pick({
    id: true,
    provider: true,
    groupKey: true,
    attempt: true,
    direction: true,
    status: true,
    startedAt: true,
    durationSec: true,
    sentiment: true,
    outcome: true,
    leadScore: true,
    isHot: true,
    nextAction: true,
    callbackAt: true,
  })
  .extend({
    /** At most SUMMARY_CHARS characters, cut at a word with "…"; plain text. */
    summary: z.string().nullable(),
    /** A manager's note from the follow-up queue. */
    followUpNote: z.string().nullable(),
    /** A reviewer's note (call page, Review). */
    reviewNote: z.string().nullable(),
  });
export type TimelineCall = z.infer<typeof timelineCallSchema>;

/** One entry: a call, or the dial attempts of one lead (same vendor and group key, one after another), newest first. */
export const timelineEntrySchema = z.object({
  /** The vendor's group key when the calls are dial attempts of one lead. */
  groupKey: z.string().nullable(),
  calls: z.array(timelineCallSchema).min(1),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const contactSummarySchema = z.object({
  id: z.uuid(),
  name: z.string().nullable(),
  phone: z.string(),
  email: z.string().nullable(),
  company: z.string().nullable(),
  /** Test calls are left out of everything here. */
  firstCallAt: isoDate.nullable(),
  lastCallAt: isoDate.nullable(),
  /** How many calls, exact up to 10,000. */
  calls: z.object({ count: z.number().int().min(0), exact: z.boolean() }),
  /** The newest next step a vendor gave, and the call it came from. */
  nextStep: z.object({ text: z.string(), callId: z.uuid(), at: isoDate }).nullable(),
  /** The soonest callback still ahead (upcoming), else the latest one asked for (passed). */
  callback: z.object({ at: isoDate, callId: z.uuid(), upcoming: z.boolean() }).nullable(),
  /** The contact's open entry in the follow-up queue, if any. */
  followUp: z.object({ callId: z.uuid(), dueAt: isoDate, snoozed: z.boolean() }).nullable(),
});
export type ContactSummary = z.infer<typeof contactSummarySchema>;

export const contactTimelineSchema = z.object({
  contact: contactSummarySchema,
  timeline: z.object({
    entries: z.array(timelineEntrySchema),
    /** Older calls: pass as `cursor`. */
    nextCursor: z.string().nullable(),
  }),
});
export type ContactTimeline = z.infer<typeof contactTimelineSchema>;
