import type { CallColumns, ColumnsAs } from "@/lib/db/columns";
import type { RollupFacts } from "./deltas";

// A saved call's rollup facts, read from its row: what it counts as before a
// change (an update, a re-score, a correction) moves it in the rollups.

export const FACT_COLUMNS = [
  "started_at",
  "provider",
  "source_id",
  "campaign",
  "status",
  "sentiment",
  "outcome",
  "duration_sec",
  "is_hot",
  "is_test",
  "agent_name",
  "lead_score",
  "cost_amount",
  "cost_currency",
  "agent_talk_ms",
  "customer_talk_ms",
  "reviewed_at",
  "outcome_override",
] as const;

/** FACT_COLUMNS for a SELECT list (over `calls`, optionally under an alias), with the call's trackers as tracker_ids. */
export const factColumnsSql = (alias?: string) =>
  [
    ...FACT_COLUMNS.map((c) => (alias ? `${alias}.${c}` : c)),
    `ARRAY(SELECT th.tracker_id::text FROM call_tracker_hits th WHERE th.call_id = ${alias ?? "calls"}.id ORDER BY 1) AS tracker_ids`,
  ].join(", ");

export type FactRow = Omit<Pick<CallColumns, (typeof FACT_COLUMNS)[number]>, "cost_amount"> &
  // pg reads numeric as text.
  ColumnsAs<CallColumns, "cost_amount", string | number | null> & { tracker_ids: string[] };

export function factsOf(r: FactRow): RollupFacts {
  return {
    startedAt: r.started_at,
    provider: r.provider,
    sourceId: r.source_id,
    campaign: r.campaign,
    status: r.status,
    sentiment: r.sentiment,
    outcome: r.outcome,
    durationSec: r.duration_sec,
    isHot: r.is_hot,
    isTest: r.is_test,
    agentName: r.agent_name,
    leadScore: r.lead_score,
    costAmount: r.cost_amount === null ? null : Number(r.cost_amount),
    costCurrency: r.cost_currency,
    agentTalkMs: r.agent_talk_ms,
    customerTalkMs: r.customer_talk_ms,
    reviewed: r.reviewed_at !== null,
    outcomeKept: r.reviewed_at !== null && r.outcome_override === null,
    trackerIds: r.tracker_ids,
  };
}
