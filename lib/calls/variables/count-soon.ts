import { pool } from "@/lib/db/pool";
import { logger } from "@/lib/log";
import { countNewKeys, type NewKey } from "./store";

// The variable keys of new calls are counted after the webhook's answer,
// together with those of every call saved meanwhile: one statement for many
// calls, instead of a second commit (and a wait on the source's busiest rows)
// inside each webhook. The counts only say which keys the filter bar offers
// and what their values read as, so one a process dies holding is a count
// short, as before when the count failed.

type Counts = Map<string, { calls: number; numbers: number; dates: number }>;
interface Waiting {
  bySource: Map<string, Counts>;
  done: Promise<void>;
}

const state = ((globalThis as unknown as { keyCounts?: { next: Waiting | null; inFlight: Promise<void> } }).keyCounts ??= {
  next: null,
  inFlight: Promise.resolve(),
});

/** Counts `keys` for the source with the next batch; resolves once that batch is written (or failed, logged). */
export function countKeysSoon(sourceId: string, keys: NewKey[]): Promise<void> {
  if (keys.length === 0) return Promise.resolve();
  if (!state.next) {
    const batch: Waiting = { bySource: new Map(), done: Promise.resolve() };
    batch.done = state.inFlight.then(() => write(batch));
    state.inFlight = batch.done;
    state.next = batch;
  }
  const counts: Counts = state.next.bySource.get(sourceId) ?? (new Map() as Counts);
  for (const k of keys) {
    const c = counts.get(k.key) ?? { calls: 0, numbers: 0, dates: 0 };
    c.calls += 1;
    c.numbers += k.num ? 1 : 0;
    c.dates += k.day ? 1 : 0;
    counts.set(k.key, c);
  }
  state.next.bySource.set(sourceId, counts);
  return state.next.done;
}

/** Resolves once every count asked for so far is written (a seed's last calls, before it says it is done). */
export const keyCountsWritten = (): Promise<void> => state.inFlight;

async function write(batch: Waiting): Promise<void> {
  if (state.next === batch) state.next = null;
  // One source after the other, each in key order (countNewKeys): concurrent writers lock the rows in the same order.
  for (const [sourceId, counts] of [...batch.bySource].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const keys = [...counts].map(([key, c]) => ({ key, ...c }));
    await countNewKeys(pool, sourceId, keys).catch((err: Error) => logger.warn({ sourceId, err: err.message }, "could not count the calls' variable keys"));
  }
}
