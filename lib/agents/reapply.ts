import { inTransaction } from "@/lib/db/pool";
import type { CallColumns } from "@/lib/db/columns";
import { mergeDeltas, rollupDeltas, rollupStatement } from "@/lib/rollups/deltas";
import { factColumnsSql, factsOf, type FactRow } from "@/lib/rollups/facts";
import { backfill, type BackfillState, type BatchResult } from "@/lib/jobs/backfill";
import { enqueue, QUEUE } from "@/lib/jobs/boss";
import { aliasMap, resolveAgent, type AliasMap } from "./aliases";
import { AGENTS_CACHE_MS, readAgentAliases } from "./settings";

// After the agent aliases change, every saved call's agent is worked out again
// in the background, in batches by id with progress saved after each (as the
// re-score does), with the Compare rollup's agent rows moved in the same
// transaction. A newer change supersedes a run in progress.

const BATCH = 1000;

const reapplying = backfill("agents-reapply");

export type ReapplyState = BackfillState;
export const reapplyState = reapplying.read;

/** Queues re-applying the aliases to every call, once every process has seen them. */
export async function startReapply(): Promise<ReapplyState> {
  const state = await reapplying.start();
  await enqueue(QUEUE.agentAliases, {}, { key: "agent-aliases", startAfterSeconds: AGENTS_CACHE_MS / 1000 + 1 });
  return state;
}

async function reapplyBatch(afterId: string, map: AliasMap): Promise<BatchResult> {
  return inTransaction(async (client) => {
    const { rows } = await client.query<FactRow & Pick<CallColumns, "id" | "agent_name_raw" | "agent_id">>(
      `SELECT id, agent_name_raw, agent_id, ${factColumnsSql()} FROM calls WHERE id > $1 ORDER BY id LIMIT ${BATCH} FOR UPDATE`,
      [afterId],
    );
    const updates = rows.map((r) => ({ id: r.id, agent: resolveAgent(r.agent_name_raw, r.agent_id, map), row: r })).filter((u) => u.agent !== u.row.agent_name);
    if (updates.length) {
      await client.query(`UPDATE calls c SET agent_name = u.agent, updated_at = now() FROM unnest($1::uuid[], $2::text[]) AS u(id, agent) WHERE c.id = u.id`, [
        updates.map((u) => u.id),
        updates.map((u) => u.agent),
      ]);
      const deltas = updates.flatMap((u) => {
        const before = factsOf(u.row);
        return rollupDeltas(before, { ...before, agentName: u.agent });
      });
      const rollup = rollupStatement(mergeDeltas(deltas));
      if (rollup) await client.query(rollup.text, rollup.values);
    }
    return { seen: rows.length, changed: updates.length, lastId: rows.length === BATCH ? rows[rows.length - 1].id : null };
  });
}

/** The job: applies the latest aliases to every call, unless a newer change replaces the run meanwhile. */
export function runReapply(): Promise<string> {
  return reapplying.run("agent aliases applied", async () => {
    const map = aliasMap(await readAgentAliases());
    return (afterId) => reapplyBatch(afterId, map);
  });
}
