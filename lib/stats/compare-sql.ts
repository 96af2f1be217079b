import type { CompareTotals } from "./compare-figures";

// Reading the Compare rollup (daily_compare_stats): its measures summed in
// SQL, and such a row as CompareTotals. Sums of bigints come back as float8
// (exact far beyond any call count); cost as a whole number of ten-thousandths.

export const TOTALS_SQL = `sum(calls)::float8 AS calls, sum(connected)::float8 AS connected, sum(talk_sec)::float8 AS talk_sec,
  sum(timed_calls)::float8 AS timed_calls, sum(agent_talk_ms)::float8 AS agent_talk_ms, sum(customer_talk_ms)::float8 AS customer_talk_ms,
  sum(meetings)::float8 AS meetings, sum(hot_calls)::float8 AS hot_calls, sum(score_sum)::float8 AS score_sum,
  sum(positive)::float8 AS positive, sum(negative)::float8 AS negative, sum(rated)::float8 AS rated,
  sum(costed_calls)::float8 AS costed_calls, (sum(cost) * 10000)::bigint::text AS cost_units,
  sum(reviewed)::float8 AS reviewed, sum(outcome_kept)::float8 AS outcome_kept`;

export interface TotalsRow {
  calls: number;
  connected: number;
  talk_sec: number;
  timed_calls: number;
  agent_talk_ms: number;
  customer_talk_ms: number;
  meetings: number;
  hot_calls: number;
  score_sum: number;
  positive: number;
  negative: number;
  rated: number;
  costed_calls: number;
  cost_units: string;
  reviewed: number;
  outcome_kept: number;
}

export const totalsOf = (r: TotalsRow): CompareTotals => ({
  calls: r.calls,
  connected: r.connected,
  talkSec: r.talk_sec,
  timedCalls: r.timed_calls,
  agentTalkMs: r.agent_talk_ms,
  customerTalkMs: r.customer_talk_ms,
  meetings: r.meetings,
  hotCalls: r.hot_calls,
  scoreSum: r.score_sum,
  positive: r.positive,
  negative: r.negative,
  rated: r.rated,
  costedCalls: r.costed_calls,
  costUnits: BigInt(r.cost_units),
  reviewed: r.reviewed,
  outcomeKept: r.outcome_kept,
});
