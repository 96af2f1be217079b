import { z } from "zod";

// The Compare API's query and answer (GET /api/stats/compare and /daily).
// Safe for client components: zod only.

export const COMPARE_BYS = ["vendor", "agent", "campaign", "source"] as const;
export type CompareBy = (typeof COMPARE_BYS)[number];

/** The rollup dimension behind each `by` (vendors are stored as their provider id). */
export const DIMENSION_OF = { vendor: "provider", agent: "agent", campaign: "campaign", source: "source" } as const satisfies Record<CompareBy, string>;

export const COMPARE_PERIODS = [7, 30, 90, 365] as const;
/** Longest period asked for at once, in days. */
export const MAX_COMPARE_DAYS = 731;

const day = z.preprocess((v) => (v === "" ? undefined : v), z.iso.date().optional());

/** `from`/`to`: days in the organisation's time zone, both included; or `days` back from today (the overview's periods). Default: the last 30 days. */
const periodFields = {
  from: day,
  to: day,
  days: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(MAX_COMPARE_DAYS).optional()),
};

const checkPeriod = (q: { from?: string; to?: string }, ctx: z.RefinementCtx) => {
  if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: "custom", path: ["from"], message: "from must be on or before to" });
  if (q.from && q.to && (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1 > MAX_COMPARE_DAYS)
    ctx.addIssue({ code: "custom", path: ["from"], message: `A period is at most ${MAX_COMPARE_DAYS} days` });
};

export const compareQuerySchema = z
  .object({
    by: z.enum(COMPARE_BYS, { error: `by must be one of ${COMPARE_BYS.join(", ")}` }).default("vendor"),
    ...periodFields,
  })
  .superRefine(checkPeriod);
export type CompareQuery = z.infer<typeof compareQuerySchema>;

/** Figures by day; "cost" metrics need a row's currency, so they come per row. */
export const DAILY_METRICS = [
  "calls",
  "connectRate",
  "avgTalkSec",
  "talkRatio",
  "meetings",
  "meetingRate",
  "hotLeads",
  "hotRate",
  "avgLeadScore",
  "positiveShare",
  "negativeShare",
  "cost",
  "costPerConnected",
  "costPerMeeting",
] as const;
export type DailyMetric = (typeof DAILY_METRICS)[number];

const list = z.preprocess((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]), z.array(z.string().max(200)));

export const compareDailyQuerySchema = z
  .object({
    by: z.enum(COMPARE_BYS, { error: `by must be one of ${COMPARE_BYS.join(", ")}` }),
    /** The rows' keys (CompareRow.key), two or more... or one. */
    values: list.pipe(z.array(z.string()).min(1).max(6)),
    /**
     * For each value, the currency its row is in when its group is split by
     * currency (CompareRow.currency, "" for its calls without a cost); "*" or
     * nothing: all its calls.
     */
    currencies: list.optional(),
    metric: z.enum(DAILY_METRICS).default("calls"),
    ...periodFields,
  })
  .superRefine(checkPeriod);
export type CompareDailyQuery = z.infer<typeof compareDailyQuerySchema>;

const share = z.number().min(0).max(1).nullable();

export const compareFiguresSchema = z.object({
  calls: z.number().int(),
  connected: z.number().int(),
  connectRate: share,
  avgTalkSec: z.number().nullable(),
  /** Calls with the vendor's turn times, which talkRatio is read from. */
  timedCalls: z.number().int(),
  /** The agent's share of the timed calls' talk. */
  talkRatio: share,
  meetings: z.number().int(),
  meetingRate: share,
  hotLeads: z.number().int(),
  hotRate: share,
  avgLeadScore: z.number().nullable(),
  /** Calls with a sentiment: positiveShare and negativeShare are of these. */
  rated: z.number().int(),
  positiveShare: share,
  negativeShare: share,
  costedCalls: z.number().int(),
  /** Exact decimal, in the row's currency; null when the row has no currency. */
  cost: z.string().nullable(),
  costPerConnected: z.number().nullable(),
  costPerMeeting: z.number().nullable(),
  /** Reviewed by a manager, and of those the share whose AI outcome the reviewer kept. */
  reviewed: z.number().int(),
  keptShare: share,
});
export type CompareFigures = z.infer<typeof compareFiguresSchema>;

export const compareRowSchema = compareFiguresSchema.extend({
  /** The dimension's value: provider id, agent name, campaign, source id ("" for none). */
  key: z.string(),
  label: z.string(),
  /** The vendor behind the row: its key for by=vendor, the source's vendor for by=source, else null. */
  provider: z.string().nullable(),
  /** The cost's currency; null for calls without a cost (or none in the group). */
  currency: z.string().nullable(),
  /** The group had costs in several currencies: this row holds one of them (or its calls without a cost). */
  split: z.boolean(),
  previous: compareFiguresSchema,
});
export type CompareRow = z.infer<typeof compareRowSchema>;

export const compareAnswerSchema = z.object({
  by: z.enum(COMPARE_BYS),
  timeZone: z.string(),
  from: z.iso.date(),
  to: z.iso.date(),
  previousFrom: z.iso.date(),
  previousTo: z.iso.date(),
  rows: z.array(compareRowSchema),
});
export type CompareAnswer = z.infer<typeof compareAnswerSchema>;

export const compareDailyAnswerSchema = z.object({
  by: z.enum(COMPARE_BYS),
  metric: z.enum(DAILY_METRICS),
  from: z.iso.date(),
  to: z.iso.date(),
  series: z.array(z.object({ id: z.string(), key: z.string(), label: z.string(), currency: z.string().nullable() })),
  /** One entry a day, each series' figure under its id (null when there is nothing to divide by). */
  days: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
});
export type CompareDailyAnswer = z.infer<typeof compareDailyAnswerSchema>;

/** The query as an object, the names in `lists` as arrays of every value given. */
export function searchParamsWithLists(params: URLSearchParams, lists: string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.fromEntries(params);
  for (const name of lists) if (params.has(name)) out[name] = params.getAll(name);
  return out;
}
