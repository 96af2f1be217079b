import { pool } from "@/lib/db/pool";
import { addExcluded, ROLLUPS, type Rollup } from "./deltas";
import { conflictKey } from "./shards";

// Maintenance: the shards of days past their busy time back into one row per key (./shards.ts).

/** Stored values are summed as they are (not through a measure's `store`, which takes cost in ten-thousandths). */
function foldStatement(rollup: Rollup): string {
  const keys = ["day", ...rollup.columns];
  const measures = rollup.measures.map((m) => m.column);
  const groups = keys.map((_, i) => i + 1).join(", ");
  // Locked in key order first, as saves lock their rows (mergeDeltas): the fold and a save never wait on each other in a cycle.
  return `WITH doomed AS (SELECT ctid FROM ${rollup.table} WHERE shard <> 0 AND day < $1::date ORDER BY ${conflictKey(rollup)} FOR UPDATE),
    moved AS (DELETE FROM ${rollup.table} t USING doomed WHERE t.ctid = doomed.ctid RETURNING ${[...keys, ...measures].map((c) => `t.${c}`).join(", ")})
    INSERT INTO ${rollup.table} (${keys.join(", ")}, shard, ${measures.join(", ")})
    SELECT ${keys.map((k) => `moved.${k}`).join(", ")}, 0, ${measures.map((m) => `sum(moved.${m})`).join(", ")}
    FROM moved GROUP BY ${groups} ORDER BY ${groups}
    ON CONFLICT (${conflictKey(rollup)}) DO UPDATE SET
      ${addExcluded(rollup)}`;
}

/**
 * Folds the shards of days before `before` (a calendar date; default: two days ago, in UTC, so that no time zone's
 * today or yesterday is folded while it is busy) into shard 0. Returns the rows folded.
 */
export async function foldRollupShards(before = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10)): Promise<number> {
  let folded = 0;
  for (const rollup of ROLLUPS) folded += (await pool.query(foldStatement(rollup), [before])).rowCount ?? 0;
  return folded;
}
