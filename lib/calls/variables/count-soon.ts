import { pool } from "@/lib/db/pool";
import { logger } from "@/lib/log";
import { coalescing } from "@/lib/jobs/coalesce";
import { countNewKeys, type NewKey } from "./store";

// The variable keys of new calls are counted after the webhook's answer,
// together with those of every call saved meanwhile: one statement for many
// calls, instead of a second commit (and a wait on the source's busiest rows)
// inside each webhook. The counts only say which keys the filter bar offers
// and what their values read as, so one a process dies holding is a count
// short, as before when the count failed.

type Counts = Map<string, { calls: number; numbers: number; dates: number }>;
type Batch = Map<string, Counts>;

const keyCounts = coalescing<Batch>(
  "keyCounts",
  () => new Map(),
  async (bySource) => {
    // One source after the other, each in key order (countNewKeys): concurrent writers lock the rows in the same order.
    for (const [sourceId, counts] of [...bySource].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const keys = [...counts].map(([key, c]) => ({ key, ...c }));
      await countNewKeys(pool, sourceId, keys).catch((err: Error) => logger.warn({ sourceId, err: err.message }, "could not count the calls' variable keys"));
    }
  },
);

/** Counts `keys` for the source with the next batch; resolves once that batch is written (or failed, logged). */
export function countKeysSoon(sourceId: string, keys: NewKey[]): Promise<void> {
  if (keys.length === 0) return Promise.resolve();
  return keyCounts.add((bySource) => {
    const counts: Counts = bySource.get(sourceId) ?? (new Map() as Counts);
    for (const k of keys) {
      const c = counts.get(k.key) ?? { calls: 0, numbers: 0, dates: 0 };
      c.calls += 1;
      c.numbers += k.num ? 1 : 0;
      c.dates += k.day ? 1 : 0;
      counts.set(k.key, c);
    }
    bySource.set(sourceId, counts);
  });
}

/** Resolves once every count asked for so far is written (a seed's last calls, before it says it is done). */
export const keyCountsWritten = (): Promise<void> => keyCounts.written();
