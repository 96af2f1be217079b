import { sql } from "./http";

type Query = (text: string, values: unknown[]) => Promise<Record<string, unknown>[]>;

// The Compare rollup's rows that differ from the calls they summarize (by
// their day in `zone`, UTC as the tests keep it), measure by measure: [] when
// it is in step.
export function compareRollupDrift(zone = "UTC", query: Query = sql): Promise<Record<string, unknown>[]> {
  return query(
    `
    WITH c AS (
      SELECT (started_at AT TIME ZONE $1)::date AS day, d.dimension, d.value,
             CASE WHEN cost_amount IS NULL THEN '' ELSE COALESCE(cost_currency, '') END AS currency, calls.*,
             agent_talk_ms IS NOT NULL AND customer_talk_ms IS NOT NULL AS timed
      FROM calls CROSS JOIN LATERAL (VALUES ('provider', provider), ('agent', COALESCE(agent_name, '')),
                                            ('campaign', COALESCE(campaign, '')), ('source', source_id::text)) AS d (dimension, value)
      WHERE NOT is_test),
    actual AS (
      SELECT day, dimension, value, currency, count(*)::int AS calls,
             count(*) FILTER (WHERE status = 'completed')::int AS connected,
             COALESCE(sum(duration_sec) FILTER (WHERE status = 'completed'), 0)::bigint AS talk_sec,
             count(*) FILTER (WHERE timed)::int AS timed_calls,
             COALESCE(sum(agent_talk_ms) FILTER (WHERE timed), 0)::bigint AS agent_talk_ms,
             COALESCE(sum(customer_talk_ms) FILTER (WHERE timed), 0)::bigint AS customer_talk_ms,
             count(*) FILTER (WHERE outcome = 'meeting_scheduled')::int AS meetings,
             count(*) FILTER (WHERE is_hot)::int AS hot_calls, sum(lead_score)::bigint AS score_sum,
             count(*) FILTER (WHERE sentiment = 'positive')::int AS positive, count(*) FILTER (WHERE sentiment = 'negative')::int AS negative,
             count(*) FILTER (WHERE sentiment IS NOT NULL)::int AS rated, count(*) FILTER (WHERE cost_amount IS NOT NULL)::int AS costed_calls,
             COALESCE(sum(cost_amount), 0)::numeric(18, 4) AS cost,
             count(*) FILTER (WHERE reviewed_at IS NOT NULL)::int AS reviewed,
             count(*) FILTER (WHERE reviewed_at IS NOT NULL AND outcome_override IS NULL)::int AS outcome_kept
      FROM c GROUP BY 1, 2, 3, 4),
    -- A key's shards added up (lib/rollups/shards.ts).
    rollup AS (
      SELECT day, dimension, value, currency, sum(calls)::int AS calls, sum(connected)::int AS connected, sum(talk_sec)::bigint AS talk_sec,
             sum(timed_calls)::int AS timed_calls, sum(agent_talk_ms)::bigint AS agent_talk_ms, sum(customer_talk_ms)::bigint AS customer_talk_ms,
             sum(meetings)::int AS meetings, sum(hot_calls)::int AS hot_calls, sum(score_sum)::bigint AS score_sum, sum(positive)::int AS positive,
             sum(negative)::int AS negative, sum(rated)::int AS rated, sum(costed_calls)::int AS costed_calls, sum(cost)::numeric(18, 4) AS cost,
             sum(reviewed)::int AS reviewed, sum(outcome_kept)::int AS outcome_kept
      FROM daily_compare_stats GROUP BY 1, 2, 3, 4 HAVING sum(calls) <> 0)
    SELECT * FROM actual a FULL JOIN rollup r USING (day, dimension, value, currency)
    WHERE (a.calls, a.connected, a.talk_sec, a.timed_calls, a.agent_talk_ms, a.customer_talk_ms, a.meetings, a.hot_calls, a.score_sum,
           a.positive, a.negative, a.rated, a.costed_calls, a.cost, a.reviewed, a.outcome_kept)
      IS DISTINCT FROM
          (r.calls, r.connected, r.talk_sec, r.timed_calls, r.agent_talk_ms, r.customer_talk_ms, r.meetings, r.hot_calls, r.score_sum,
           r.positive, r.negative, r.rated, r.costed_calls, r.cost, r.reviewed, r.outcome_kept)`,
    [zone],
  );
}
