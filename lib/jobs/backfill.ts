import { v7 as uuidv7 } from "uuid";
import type { Prisma } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { saveSetting } from "@/lib/settings/store";

// A change every stored call must follow (re-scoring, agent aliases) runs as a
// backfill: queued with a run id, walked in batches by call id with progress
// saved (in the settings table) after each, so a page can show it. A newer
// change supersedes a run in progress: the older one stops at its next batch.

export interface BackfillState {
  runId: string;
  status: "queued" | "running" | "done" | "failed" | "superseded";
  total: number;
  done: number;
  changed: number;
  queuedAt: string;
  finishedAt: string | null;
  error: string | null;
}

export interface BatchResult {
  seen: number;
  changed: number;
  /** The last call id of a full batch; null once the calls are through. */
  lastId: string | null;
}

export const FIRST_ID = "00000000-0000-0000-0000-000000000000";

/** The backfill whose progress is kept under `key`. */
export function backfill(key: string) {
  const read = async (): Promise<BackfillState | null> => {
    const row = await db.setting.findUnique({ where: { key } });
    return (row?.value as unknown as BackfillState) ?? null;
  };
  const save = (state: BackfillState) => saveSetting(key, state as unknown as Prisma.InputJsonObject);

  return {
    read,

    /** A new run, queued; the caller queues the job that will do it. */
    async start(): Promise<BackfillState> {
      const state: BackfillState = {
        runId: uuidv7(),
        status: "queued",
        total: await db.call.count(),
        done: 0,
        changed: 0,
        queuedAt: new Date().toISOString(),
        finishedAt: null,
        error: null,
      };
      await save(state);
      return state;
    },

    /** The job: `prepare` reads the latest settings once and gives the batch step to run from each id on. */
    async run(finished: string, prepare: () => Promise<(afterId: string) => Promise<BatchResult>>): Promise<string> {
      let state = await read();
      if (!state || state.status === "done") return "nothing to do";
      const { runId } = state;
      const step = await prepare();
      state = { ...state, status: "running", done: 0, changed: 0 };
      await save(state);
      let afterId = FIRST_ID;
      try {
        for (;;) {
          const batch = await step(afterId);
          if ((await read())?.runId !== runId) return "superseded";
          state = { ...state, done: state.done + batch.seen, changed: state.changed + batch.changed, total: Math.max(state.total, state.done + batch.seen) };
          if (!batch.lastId) break;
          afterId = batch.lastId;
          await save(state);
        }
        state = { ...state, status: "done", total: state.done, finishedAt: new Date().toISOString() };
        await save(state);
        logger.info({ runId, calls: state.done, changed: state.changed }, finished);
        return `${state.changed} of ${state.done} calls changed`;
      } catch (e) {
        await save({ ...state, status: "failed", error: (e as Error).message, finishedAt: new Date().toISOString() });
        throw e;
      }
    },
  };
}
