import { v7 as uuidv7 } from "uuid";
import type { Prisma } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/pool";
import { enqueue, QUEUE } from "@/lib/jobs/boss";
import { logger } from "@/lib/log";
import { aliasMap, resolveAgent, type AliasMap } from "./aliases";
import { AGENTS_CACHE_MS, readAgentAliases } from "./settings";

// After the agent aliases change, every saved call's agent is worked out again
// in the background, in batches by id with progress saved after each (as the
// re-score does). A newer change supersedes a run in progress.

const BATCH = 1000;

export interface ReapplyState {
  runId: string;
  status: "queued" | "running" | "done" | "failed" | "superseded";
  total: number;
  done: number;
  changed: number;
  queuedAt: string;
  finishedAt: string | null;
  error: string | null;
}

const KEY = "agents-reapply";

export async function reapplyState(): Promise<ReapplyState | null> {
  const row = await db.setting.findUnique({ where: { key: KEY } });
  return (row?.value as unknown as ReapplyState) ?? null;
}

async function saveState(state: ReapplyState): Promise<void> {
  const value = state as unknown as Prisma.InputJsonObject;
  await db.setting.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: { value } });
}

/** Queues re-applying the aliases to every call, once every process has seen them. */
export async function startReapply(): Promise<ReapplyState> {
  const state: ReapplyState = {
    runId: uuidv7(),
    status: "queued",
    total: await db.call.count(),
    done: 0,
    changed: 0,
    queuedAt: new Date().toISOString(),
    finishedAt: null,
    error: null,
  };
  await saveState(state);
  await enqueue(QUEUE.agentAliases, {}, { key: "agent-aliases", startAfterSeconds: AGENTS_CACHE_MS / 1000 + 1 });
  return state;
}

async function reapplyBatch(afterId: string, map: AliasMap): Promise<{ seen: number; changed: number; lastId: string | null }> {
  return inTransaction(async (client) => {
    const { rows } = await client.query<{ id: string; agent_name: string | null; agent_name_raw: string | null; agent_id: string | null }>(
      `SELECT id, agent_name, agent_name_raw, agent_id FROM calls WHERE id > $1 ORDER BY id LIMIT ${BATCH} FOR UPDATE`,
      [afterId],
    );
    const updates = rows
      .map((r) => ({ id: r.id, agent: resolveAgent(r.agent_name_raw, r.agent_id, map), before: r.agent_name }))
      .filter((u) => u.agent !== u.before);
    if (updates.length) {
      await client.query(`UPDATE calls c SET agent_name = u.agent, updated_at = now() FROM unnest($1::uuid[], $2::text[]) AS u(id, agent) WHERE c.id = u.id`, [
        updates.map((u) => u.id),
        updates.map((u) => u.agent),
      ]);
    }
    return { seen: rows.length, changed: updates.length, lastId: rows.length === BATCH ? rows[rows.length - 1].id : null };
  });
}

/** The job: applies the latest aliases to every call, unless a newer change replaces the run meanwhile. */
export async function runReapply(): Promise<string> {
  let state = await reapplyState();
  if (!state || state.status === "done") return "nothing to do";
  const { runId } = state;
  const map = aliasMap(await readAgentAliases());
  state = { ...state, status: "running", done: 0, changed: 0 };
  await saveState(state);
  let afterId = "00000000-0000-0000-0000-000000000000";
  try {
    for (;;) {
      const batch = await reapplyBatch(afterId, map);
      if ((await reapplyState())?.runId !== runId) return "superseded";
      state = { ...state, done: state.done + batch.seen, changed: state.changed + batch.changed, total: Math.max(state.total, state.done + batch.seen) };
      if (!batch.lastId) break;
      afterId = batch.lastId;
      await saveState(state);
    }
    state = { ...state, status: "done", total: state.done, finishedAt: new Date().toISOString() };
    await saveState(state);
    logger.info({ runId, calls: state.done, changed: state.changed }, "agent aliases applied");
    return `${state.changed} of ${state.done} calls changed`;
  } catch (e) {
    await saveState({ ...state, status: "failed", error: (e as Error).message, finishedAt: new Date().toISOString() });
    throw e;
  }
}
