import type pg from "pg";
import { METRICS_VERSION, type CallMetrics } from "./compute";

// The call_metrics row of a call: written in the same statement or
// transaction as the transcript it was read from.

const COLUMNS = [
  "agent_talk_ms",
  "customer_talk_ms",
  "longest_monologue_ms",
  "longest_customer_ms",
  "interruptions",
  "silence_ms",
  "agent_questions",
  "words",
  "words_per_minute",
  "timing",
] as const;

const TYPES = ["int", "int", "int", "int", "int", "int", "int", "int", "int", "text"];

function valuesOf(m: CallMetrics): unknown[] {
  return [
    m.agentTalkMs,
    m.customerTalkMs,
    m.longestMonologueMs,
    m.longestCustomerMs,
    m.interruptions,
    m.silenceMs,
    m.agentQuestions,
    m.words,
    m.wordsPerMinute,
    m.timing,
  ];
}

const UPDATE = `ON CONFLICT (call_id) DO UPDATE SET ${[...COLUMNS, "version"].map((c) => `${c} = EXCLUDED.${c}`).join(", ")}, updated_at = now()`;

/**
 * An INSERT of the metrics for the call ids that `fromSql` selects as `id`
 * (a CTE of the save's one statement), with `param` adding each value.
 */
export function metricsInsertSql(m: CallMetrics, param: (value: unknown) => string, fromSql: string): string {
  const values = valuesOf(m).map((v, i) => `${param(v)}::${TYPES[i]}${COLUMNS[i] === "timing" ? `::"TalkTiming"` : ""}`);
  return `INSERT INTO call_metrics (call_id, ${COLUMNS.join(", ")}, version, updated_at)
    SELECT id, ${values.join(", ")}, ${METRICS_VERSION}, now() FROM ${fromSql} ${UPDATE}`;
}

/** Saves a call's metrics; null (no agent or customer turn) removes them. */
export async function saveMetrics(client: pg.PoolClient | pg.Pool, callId: string, m: CallMetrics | null): Promise<void> {
  if (!m) {
    await client.query(`DELETE FROM call_metrics WHERE call_id = $1`, [callId]);
    return;
  }
  const values: unknown[] = [callId];
  await client.query(
    metricsInsertSql(m, (v) => `$${values.push(v)}`, `(SELECT $1::uuid AS id) AS c`),
    values,
  );
}

/** Saves many calls' metrics in one statement (the backfill). */
export async function saveManyMetrics(client: pg.PoolClient, rows: { callId: string; metrics: CallMetrics }[]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((r) => valuesOf(r.metrics));
  const arrays = COLUMNS.map((_, i) => values.map((v) => v[i]));
  const params = COLUMNS.map((_, i) => `$${i + 2}::${TYPES[i]}[]`).join(", ");
  await client.query(
    `INSERT INTO call_metrics (call_id, ${COLUMNS.join(", ")}, version, updated_at)
     SELECT u.call_id, ${COLUMNS.map((c) => (c === "timing" ? `u.${c}::"TalkTiming"` : `u.${c}`)).join(", ")}, ${METRICS_VERSION}, now()
     FROM unnest($1::uuid[], ${params}) AS u(call_id, ${COLUMNS.join(", ")})
     ${UPDATE}`,
    [rows.map((r) => r.callId), ...arrays],
  );
}

/** SQL for the stored metrics of call_metrics row `m` as a JSON object shaped as CallMetrics (plus version); null without one. */
export function metricsJsonSql(m: string): string {
  return `CASE WHEN ${m}.call_id IS NULL THEN NULL ELSE json_build_object(
    'agentTalkMs', ${m}.agent_talk_ms, 'customerTalkMs', ${m}.customer_talk_ms, 'longestMonologueMs', ${m}.longest_monologue_ms,
    'longestCustomerMs', ${m}.longest_customer_ms, 'interruptions', ${m}.interruptions, 'silenceMs', ${m}.silence_ms,
    'agentQuestions', ${m}.agent_questions, 'words', ${m}.words, 'wordsPerMinute', ${m}.words_per_minute, 'timing', ${m}.timing,
    'version', ${m}.version) END`;
}

export type StoredMetrics = CallMetrics & { version: number };
