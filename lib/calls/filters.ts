import { z } from "zod";
import { CALL_STATUSES, OUTCOMES, SENTIMENTS } from "@/lib/providers/canonical";
import { PROVIDER_IDS } from "@/lib/providers/lookup";
import { CALL_PERIODS } from "./period";
import { CALL_SORTS } from "./sort";
import { trackerFilterSchema } from "@/lib/trackers/filter";
import { variableFiltersField, withVariableParams } from "./variable-filters";

// Filters of the call list, as query parameters. Shared by the API and the pages.

/** "a,b" or repeated parameters: one or more values from a fixed list. */
const oneOrMore = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => {
      if (v === undefined || v === "") return undefined;
      // A repeated parameter arrives as an array of strings; each may hold a list itself.
      const parts = (Array.isArray(v) ? v : [v]).filter((s): s is string => typeof s === "string");
      return parts
        .flatMap((s) => s.split(","))
        .map((s) => s.trim())
        .filter(Boolean);
    },
    z.array(z.enum(values)).min(1).optional(),
  );

const trimmed = z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim() : undefined), z.string().max(200).optional());

const yesNo = z.preprocess((v) => (v === "" ? undefined : v), z.enum(["yes", "no"]).optional());

/** A day ("2026-01-31") or an instant; a day as `to` includes the whole day. */
const dateParam = z.preprocess((v) => (v === "" ? undefined : v), z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional());

/** The filters' fields; callFiltersSchema reads `var.<key>.<op>` parameters into `vars` first. */
export const callFilterFields = z.object({
  provider: oneOrMore(PROVIDER_IDS),
  status: oneOrMore(CALL_STATUSES),
  sentiment: oneOrMore(SENTIMENTS),
  outcome: oneOrMore(OUTCOMES),
  hot: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  minScore: z.coerce.number().int().min(0).max(100).optional(),
  q: trimmed,
  from: dateParam,
  to: dateParam,
  /** A period relative to today in the organisation's time zone, resolved at each request; from/to win over it. */
  period: z.preprocess((v) => (v === "" ? undefined : v), z.enum(CALL_PERIODS).optional()),
  /** Search only what the customer (or the agent) said in the transcript. */
  said: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["customer", "agent"]).optional()),
  campaign: trimmed,
  agent: trimmed,
  /** Marked reviewed by a manager, or not. */
  reviewed: yesNo,
  /** Outcome, sentiment or hot corrected by a reviewer (or none of them). */
  corrected: yesNo,
  /** Calls with a hit of any of these trackers (ids, "a,b" or repeated). */
  tracker: trackerFilterSchema,
  /** "todo": the To review view, hot or doubtful calls nobody has reviewed yet (lib/reviews/to-review.ts). */
  review: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["todo"]).optional()),
  sort: z.preprocess((v) => (v === "" ? undefined : v), z.enum(CALL_SORTS).default("newest")),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
  /** Vendor variables: `var.budget.gte=5000` (lib/calls/variable-filters.ts). */
  vars: variableFiltersField,
});

export const callFiltersSchema = withVariableParams(callFilterFields);

export type CallFilters = z.output<typeof callFilterFields>;
