import { db } from "@/lib/db/client";

// The variable keys the sources have sent, for the filter bar and GET /api/calls/variables: read from
// call_variable_keys (kept in step when calls are saved), never from the calls themselves. A small table read on
// every Calls page view: at most MAX_KEYS_PER_SOURCE (500) rows a source (lib/calls/variables/store.ts).

export type VariableKind = "number" | "date" | "text";

export interface VariableKey {
  key: string;
  /** What most of its values read as: the filter bar offers at least / at most for numbers and dates. */
  kind: VariableKind;
  calls: number;
  sources: { id: string; name: string; calls: number }[];
}

/** Keys listed at most, most used first (a vendor sending a new key per call must not bloat the page). */
export const MAX_KEYS = 300;

/** A kind when more than half of the values read as it (free text like "not sure" is common beside numbers). */
export function kindOf(calls: number, numbers: number, dates: number): VariableKind {
  if (calls > 0 && numbers * 2 > calls) return "number";
  if (calls > 0 && dates * 2 > calls) return "date";
  return "text";
}

export async function variableKeys(): Promise<{ keys: VariableKey[] }> {
  const rows = await db.$queryRaw<{ key: string; calls: number; numbers: number; dates: number; sources: { id: string; name: string; calls: number }[] }[]>`
    SELECT k.key, sum(k.calls)::int AS calls, sum(k.numbers)::int AS numbers, sum(k.dates)::int AS dates,
           jsonb_agg(jsonb_build_object('id', s.id, 'name', s.name, 'calls', k.calls) ORDER BY k.calls DESC, s.name) AS sources
    FROM call_variable_keys k JOIN sources s ON s.id = k.source_id
    GROUP BY k.key ORDER BY sum(k.calls) DESC, k.key LIMIT ${MAX_KEYS}`;
  return { keys: rows.map((r) => ({ key: r.key, kind: kindOf(r.calls, r.numbers, r.dates), calls: r.calls, sources: r.sources })) };
}
