import type pg from "pg";

// Keeps call_variables and call_variable_keys in step with calls.variables when a call is saved
// (lib/ingest/save-call.ts), with the SQL functions the migration's backfill used, so both read values alike.

/** Keys kept per call (the first in key order): bounds the rows one vendor event can write. */
export const MAX_VARIABLES_PER_CALL = 100;

/**
 * Keys counted per source: a vendor that sends a new key with every call (ids or times as keys) must not grow
 * call_variable_keys, which the filter bar reads on every Calls page view. A key past it is still stored with
 * its call and filtered by (`var.<key>.<op>`), only not offered. A soft cap: saves running at once may together pass
 * it by a few keys.
 */
export const MAX_KEYS_PER_SOURCE = 500;

/** A key a call brought, to be counted: whether its value read as a number or a date. */
export interface NewKey {
  key: string;
  num: boolean;
  day: boolean;
}

/** Several calls' worth of one key: how many brought it, and how many of those values read as a number or a date. */
export interface KeyCount {
  key: string;
  calls: number;
  numbers: number;
  dates: number;
}

/**
 * A CTE `vv`: the call's variables into call_variables, returning `key`, `num` and `day`.
 * `callId`, `startedAt` and `provider` (the call's, as saved) and `variables` (JSON text) are SQL expressions or
 * parameters; `from` is a FROM item that yields one row when the call is to be saved.
 */
export function variablesCte(p: { callId: string; startedAt: string; provider: string; variables: string; from: string }): string {
  return `vv AS (
      INSERT INTO call_variables (call_id, key, text, num, day, started_at, provider)
      SELECT ${p.callId}, e.key, call_variable_text(e.value), call_variable_number(e.value), call_variable_day(e.value),
        ${p.startedAt}::timestamptz, ${p.provider}::text
      FROM ${p.from} CROSS JOIN LATERAL (
        SELECT key, value FROM jsonb_each(CASE WHEN jsonb_typeof(${p.variables}::jsonb) = 'object' THEN ${p.variables}::jsonb ELSE '{}' END)
        WHERE call_variable_key_ok(key) AND call_variable_text(value) <> '' ORDER BY key LIMIT ${MAX_VARIABLES_PER_CALL}) e
      RETURNING key, num, day)`;
}

/** SQL reading `vv`'s rows as NewKey JSON (`[]` when none). */
export const newKeysJson = (where = "true") =>
  `(SELECT COALESCE(jsonb_agg(jsonb_build_object('key', key, 'num', num IS NOT NULL, 'day', day IS NOT NULL)), '[]') FROM vv WHERE ${where})`;

/**
 * Counts the keys a call (or, as KeyCounts, several calls) brought for its source. A statement of its own, run after the rollups (or after the
 * save's statement): the source's key rows are its busiest, locked last and in key order, so two saves never
 * wait on each other in a cycle. A key past MAX_KEYS_PER_SOURCE is not added.
 */
export async function countNewKeys(client: Pick<pg.PoolClient, "query">, sourceId: string, keys: Array<NewKey | KeyCount>): Promise<void> {
  if (keys.length === 0) return;
  const counts = keys.map((k) => ("calls" in k ? k : { key: k.key, calls: 1, numbers: k.num ? 1 : 0, dates: k.day ? 1 : 0 }));
  // Prepared (one text, run for most calls): parsed and planned once per connection.
  await client.query({
    name: "count-variable-keys",
    text: `INSERT INTO call_variable_keys (source_id, key, calls, numbers, dates, last_seen_at, updated_at)
     SELECT $1::uuid, key, calls, numbers, dates, now(), now()
     FROM (SELECT m.*, count(*) FILTER (WHERE NOT m.known) OVER (ORDER BY m.key) AS nth
           FROM (SELECT n.*, k.key IS NOT NULL AS known
                 FROM unnest($2::text[], $3::int[], $4::int[], $5::int[]) AS n(key, calls, numbers, dates)
                 LEFT JOIN call_variable_keys k ON k.source_id = $1::uuid AND k.key = n.key) m) w
     -- A new key only while the source has room for it, the first in key order.
     WHERE known OR nth <= ${MAX_KEYS_PER_SOURCE} - (SELECT count(*) FROM (SELECT FROM call_variable_keys WHERE source_id = $1::uuid LIMIT ${MAX_KEYS_PER_SOURCE}) had)
     ORDER BY key
     ON CONFLICT (source_id, key) DO UPDATE SET
       calls = call_variable_keys.calls + EXCLUDED.calls,
       numbers = call_variable_keys.numbers + EXCLUDED.numbers,
       dates = call_variable_keys.dates + EXCLUDED.dates,
       last_seen_at = now(), updated_at = now()`,
    values: [sourceId, counts.map((k) => k.key), counts.map((k) => k.calls), counts.map((k) => k.numbers), counts.map((k) => k.dates)],
  });
}
