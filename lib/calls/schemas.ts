import { z } from "zod";
import { callTrackerSchema } from "@/lib/trackers/detail";
import { CALL_STATUSES, DIRECTIONS, OUTCOMES, SENTIMENTS, turnSchema } from "@/lib/providers/canonical";
import { PROVIDER_IDS } from "@/lib/providers/lookup";
import { reviewStateSchema } from "@/lib/reviews/schemas";

// The read API's responses, described once: routes build them, tests check them.

const isoDate = z.iso.datetime({ offset: true });

export const callItemSchema = z.object({
  id: z.uuid(),
  provider: z.enum(PROVIDER_IDS),
  source: z.string(),
  externalId: z.string(),
  groupKey: z.string().nullable(),
  attempt: z.number().int().nullable(),
  direction: z.enum(DIRECTIONS).nullable(),
  status: z.enum(CALL_STATUSES),
  startedAt: isoDate,
  endedAt: isoDate.nullable(),
  durationSec: z.number().int().nullable(),
  customer: z.object({
    name: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    company: z.string().nullable(),
  }),
  agent: z.string().nullable(),
  campaign: z.string().nullable(),
  summary: z.string().nullable(),
  sentiment: z.enum(SENTIMENTS).nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  outcomeRaw: z.string().nullable(),
  interestLevel: z.string().nullable(),
  score: z.number().nullable(),
  leadScore: z.number().int().min(0).max(100),
  isHot: z.boolean(),
  labels: z.array(z.string()),
  nextAction: z.string().nullable(),
  callbackAt: isoDate.nullable(),
  costAmount: z.number().nullable(),
  costCurrency: z.string().nullable(),
  hasRecording: z.boolean(),
  hasTranscript: z.boolean(),
  /** A manager marked the call reviewed (lib/reviews). */
  reviewed: z.boolean(),
  /** Outcome, sentiment or hot is a reviewer's correction, not the AI's value. */
  corrected: z.boolean(),
  // Optional until list-backend (B) lands them; the UI renders them when present.
  isTest: z.boolean().optional(),
  /** Where the search matched, as segments (hit = a matched word); plain text, never HTML. */
  snippet: z
    .array(z.object({ text: z.string(), hit: z.boolean() }))
    .nullable()
    .optional(),
  snippetFrom: z.enum(["summary", "transcript", "name"]).nullable().optional(),
});
export type CallItem = z.infer<typeof callItemSchema>;

/** A piece of a search result's snippet: plain text, `hit` for the words that matched (never HTML). */
export const snippetSegmentSchema = z.object({ text: z.string(), hit: z.boolean() });

export const callListItemSchema = callItemSchema.extend({
  /** The customer's contact (one per phone number): its page lists every call with the number. Null without a number. */
  contactId: z.uuid().nullable(),
  /** Made by an admin's "Send test event": listed, with a badge. */
  isTest: z.boolean(),
  /** Only when the list was searched (q): the text around the match, and where it was found (null: a phone number matched). */
  snippet: z.array(snippetSegmentSchema).nullable().optional(),
  snippetFrom: z.enum(["summary", "transcript", "name"]).nullable().optional(),
  /** The trackers with a hit in the call, by name (lib/trackers). */
  trackers: z.array(callTrackerSchema.pick({ id: true, name: true })).optional(),
});
export type CallListItem = z.infer<typeof callListItemSchema>;

export const callTotalSchema = z.object({
  count: z.number().int().min(0),
  /** False above the count's cap (10,000): `count` is then an estimate, shown as "10,000+". */
  exact: z.boolean(),
});

export const callListSchema = z.object({
  items: z.array(callListItemSchema),
  nextCursor: z.string().nullable(),
  /** The page before this one; null on the first page. */
  prevCursor: z.string().nullable(),
  total: callTotalSchema,
});
export type CallList = z.infer<typeof callListSchema>;

/** Raw events a call's detail names, and its page shows: the newest ones. */
export const RAW_EVENTS_SHOWN = 20;

/** Why a signal counted: the transcript turn a tracker matched, or the vendor field it read. */
export const signalEvidenceSchema = z.union([
  z.object({ turn: z.number().int().nonnegative(), atMs: z.number().nonnegative(), text: z.string() }),
  z.object({ field: z.string() }),
]);

export const leadSignalSchema = z.object({
  signal: z.string(),
  value: z.string(),
  points: z.number(),
  evidence: signalEvidenceSchema.optional(),
  trackerId: z.uuid().optional(),
});

/**
 * The app's own copy of the recording (lib/recordings). "none": the vendor sent
 * no recording; "vendor": it plays from the vendor and was never queued for a
 * copy (a call stored before the archive existed, until the backfill runs).
 */
export const recordingStateSchema = z.object({
  status: z.enum(["none", "vendor", "pending", "stored", "failed", "deleted"]),
  /** The container sniffed from the file, e.g. audio/ogg. */
  contentType: z.string().nullable(),
  bytes: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  /** Loudness 0 to 100 at equal steps over the duration, for the waveform; empty when unknown. */
  levels: z.array(z.number().int().min(0).max(100)),
  /** Why the last copy attempt failed (final once status is failed). */
  error: z.string().nullable(),
  archivedAt: isoDate.nullable(),
  deletedAt: isoDate.nullable(),
  deletedAfterDays: z.number().int().nullable(),
});
export type RecordingState = z.infer<typeof recordingStateSchema>;

/** Talk metrics read from the transcript (lib/calls/metrics): seconds to one decimal, the agent's share of talk 0..1. */
export const talkMetricsSchema = z.object({
  agentTalkSec: z.number().min(0),
  customerTalkSec: z.number().min(0),
  talkRatio: z.number().min(0).max(1).nullable(),
  longestMonologueSec: z.number().min(0),
  longestCustomerSec: z.number().min(0),
  /** Turns started before the other side's turn ended; null without the vendor's end times. */
  interruptions: z.number().int().min(0).nullable(),
  /** Time when neither side talks; null when timing is estimated. */
  silenceSec: z.number().min(0).nullable(),
  agentQuestions: z.number().int().min(0),
  wordsPerMinute: z.number().int().min(0).nullable(),
  /** "estimated": the vendor gave no time for some turn (or no call length), so turns were spread by text length. */
  timing: z.enum(["vendor", "estimated"]),
});

export const callDetailSchema = callItemSchema.extend({
  agentId: z.string().nullable(),
  /** The agent's name as the vendor sent it; `agent` is what lists show (an admin's alias for it). */
  vendorAgentName: z.string().nullable(),
  /** The vendor's phone line the call used. */
  line: z.string().nullable(),
  contactId: z.uuid().nullable(),
  billedSec: z.number().int().nullable(),
  transcript: z.array(turnSchema),
  /**
   * The vendor sent its transcript as a file that is still to be fetched. The
   * file's URL itself is never shown: vendors sign it, so it opens for anyone.
   */
  transcriptPending: z.boolean(),
  /** Why the transcript file could not be fetched, after retries. */
  transcriptError: z.string().nullable(),
  /** The retention setting deleted the transcript and raw payloads: when, and after how many days. */
  transcriptDeleted: z.object({ at: isoDate, afterDays: z.number().int() }).nullable(),
  /** Null when there is no transcript. */
  metrics: talkMetricsSchema.nullable(),
  recording: recordingStateSchema,
  /** The review: what the AI said beside the values in use, who reviewed, the note. */
  review: reviewStateSchema,
  variables: z.record(z.string(), z.unknown()),
  leadSignals: z.array(leadSignalSchema),
  /** Trackers with a hit in the call (lib/trackers), by name. */
  trackers: z.array(callTrackerSchema),
  /** The newest RAW_EVENTS_SHOWN requests behind the call, newest first (a vendor may send one call any number of times). */
  rawEventIds: z.array(z.uuid()).max(RAW_EVENTS_SHOWN),
  /** How many requests there are in all: the admin inbox lists every one (?call=id). */
  rawEventCount: z.number().int().min(0),
  /** Made by an admin's "Send test event": kept out of KPIs, charts, hot leads and forwarding. */
  isTest: z.boolean(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type CallDetail = z.infer<typeof callDetailSchema>;
