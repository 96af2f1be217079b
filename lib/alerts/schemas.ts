import { z } from "zod";
import { COMPARISONS, DEFAULT_COOLDOWN_MINUTES, DEFAULT_MIN_COUNT, isChange, METRICS, WINDOW_MINUTES } from "./catalog";

// What managers send to create or change an alert rule (POST /api/alerts/rules, PATCH /api/alerts/rules/{id}).
// Whether the view, tracker, source and destinations exist and may be used is checked by lib/alerts/manage.ts.

export const MAX_RULE_NAME = 120;
export const MAX_DESTINATIONS = 10;

const fields = {
  name: z.string().trim().min(1).max(MAX_RULE_NAME),
  viewId: z.uuid().nullable(),
  metric: z.enum(METRICS),
  trackerId: z.uuid().nullable(),
  sourceId: z.uuid().nullable(),
  windowMinutes: z.number().int().min(WINDOW_MINUTES.min).max(WINDOW_MINUTES.max),
  comparison: z.enum(COMPARISONS),
  threshold: z.number().finite().min(0).max(1_000_000),
  minCount: z.number().int().min(1).max(1_000_000),
  cooldownMinutes: z.number().int().min(0).max(WINDOW_MINUTES.max),
  email: z.boolean(),
  destinationIds: z.array(z.uuid()).max(MAX_DESTINATIONS),
  enabled: z.boolean(),
};

type Rule = { [K in keyof typeof fields]: z.output<(typeof fields)[K]> };

/** The checks that need several fields; a change is checked on the rule as it would be after it. */
export function ruleProblems(r: Omit<Rule, "email">): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (r.metric === "tracker_mentions" && !r.trackerId) problems.push({ path: "trackerId", message: "Choose the tracker whose mentions to count." });
  if (r.metric === "source_silence" && !r.sourceId) problems.push({ path: "sourceId", message: "Choose the source to watch." });
  if (r.metric === "source_silence" && r.comparison !== "above")
    problems.push({ path: "comparison", message: "A source's silence alerts when it lasts above a number of minutes." });
  if (r.metric === "source_silence" && r.viewId)
    problems.push({ path: "viewId", message: "A source's silence does not depend on a view: leave the view empty." });
  if ((r.metric === "connect_rate" || r.metric === "negative_share" || r.metric === "meeting_rate") && !isChange(r.comparison) && r.threshold > 100)
    problems.push({ path: "threshold", message: "A share is between 0 and 100%." });
  if (isChange(r.comparison) && r.threshold <= 0) problems.push({ path: "threshold", message: "A change needs a percentage above 0." });
  if (r.metric === "source_silence" && r.threshold < 1) problems.push({ path: "threshold", message: "Silence is at least 1 minute." });
  return problems;
}

const checkRule = (r: Omit<Rule, "email">, ctx: z.RefinementCtx) => {
  for (const p of ruleProblems(r)) ctx.addIssue({ code: "custom", path: [p.path], message: p.message });
};

export const ruleInput = z
  .object({
    ...fields,
    viewId: fields.viewId.default(null),
    trackerId: fields.trackerId.default(null),
    sourceId: fields.sourceId.default(null),
    // A source's silence needs no window of calls; one is kept all the same.
    windowMinutes: fields.windowMinutes.default(60),
    minCount: fields.minCount.default(DEFAULT_MIN_COUNT),
    cooldownMinutes: fields.cooldownMinutes.default(DEFAULT_COOLDOWN_MINUTES),
    // Unsaid: on when this server can send email (lib/alerts/manage.ts).
    email: fields.email.optional(),
    destinationIds: fields.destinationIds.default([]),
    enabled: fields.enabled.default(true),
  })
  .strict()
  .superRefine(checkRule);
export type RuleInput = z.output<typeof ruleInput>;

/** A change: any of the fields; the rule it makes is checked again whole (lib/alerts/manage.ts). */
export const ruleChange = z
  .object(fields)
  .partial()
  .strict()
  .refine((c) => Object.keys(c).length > 0, { message: "Nothing to change." });
export type RuleChange = z.output<typeof ruleChange>;

/** GET /api/alerts: history, newest first. */
export const alertsQuery = z.object({
  open: z.enum(["true", "false"]).optional(),
  ruleId: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AlertsQuery = z.output<typeof alertsQuery>;
