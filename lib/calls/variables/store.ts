// Keeps call_variables and call_variable_keys in step with calls.variables when a call is saved
// (lib/ingest/save-call.ts), with the SQL functions the migration's backfill used, so both read values alike.

/** Keys kept per call (the first in key order): bounds the rows one vendor event can write. */
export const MAX_VARIABLES_PER_CALL = 100;

/**
 * Two CTEs (`vv`, `vk`): the call's variables into call_variables, and the keys' counts for its source.
 * `callId`, `sourceId`, `startedAt` and `provider` (the call's, as saved), `variables` (JSON text) and `knownKeys` (text[] of keys the call had before, or null)
 * are SQL expressions or parameters; `from` is a FROM item that yields one row when the call is to be saved.
 */
export function variableCtes(p: {
  callId: string;
  sourceId: string;
  startedAt: string;
  provider: string;
  variables: string;
  knownKeys: string | null;
  from: string;
}): string {
  const isNew = p.knownKeys ? `(NOT key = ANY(${p.knownKeys}::text[]))` : "true";
  return `vv AS (
      INSERT INTO call_variables (call_id, key, text, num, day, started_at, provider)
      SELECT ${p.callId}, e.key, call_variable_text(e.value), call_variable_number(e.value), call_variable_day(e.value),
        ${p.startedAt}::timestamptz, ${p.provider}::text
      FROM ${p.from} CROSS JOIN LATERAL (
        SELECT key, value FROM jsonb_each(CASE WHEN jsonb_typeof(${p.variables}::jsonb) = 'object' THEN ${p.variables}::jsonb ELSE '{}' END)
        WHERE call_variable_key_ok(key) AND call_variable_text(value) <> '' ORDER BY key LIMIT ${MAX_VARIABLES_PER_CALL}) e
      RETURNING key, num, day),
    vk AS (
      -- In key order, so that two calls of one source lock the same rows in the same order.
      INSERT INTO call_variable_keys (source_id, key, calls, numbers, dates, last_seen_at, updated_at)
      SELECT ${p.sourceId}::uuid, key, ${isNew}::int, (${isNew} AND num IS NOT NULL)::int, (${isNew} AND day IS NOT NULL)::int, now(), now()
      FROM vv ORDER BY key
      ON CONFLICT (source_id, key) DO UPDATE SET
        calls = call_variable_keys.calls + EXCLUDED.calls,
        numbers = call_variable_keys.numbers + EXCLUDED.numbers,
        dates = call_variable_keys.dates + EXCLUDED.dates,
        last_seen_at = now(), updated_at = now())`;
}
