import { rollupDeltas, rollupStatement } from "@/lib/rollups/deltas";
import { factColumnsSql, factsOf, type FactRow } from "@/lib/rollups/facts";
import { sql } from "./http";

/**
 * Turns a saved call into a test call as the app would count it: out of
 * every rollup too, so that the other tests' "rollups equal the calls"
 * checks still hold.
 */
export async function markTestCall(callId: string): Promise<void> {
  const [row] = await sql<FactRow>(`SELECT ${factColumnsSql()} FROM calls WHERE id = $1`, [callId]);
  const before = factsOf(row);
  await sql("UPDATE calls SET is_test = true WHERE id = $1", [callId]);
  const rollup = rollupStatement(rollupDeltas(before, { ...before, isTest: true }));
  if (rollup) await sql(rollup.text, rollup.values);
}
