
// The daily rollup behind the charts: one row per UTC day and dimensions,
// adjusted in the same transaction that saves a call.

export interface RollupFacts {
  startedAt: Date;
  provider: string;
  campaign: string | null;
  status: string;
  sentiment: string | null;
  outcome: string | null;
  durationSec: number | null;
  isHot: boolean;
}

interface Delta {
  /** day, provider, campaign, status, sentiment, outcome */
  key: string[];
  calls: number;
  talkSec: number;
  hotCalls: number;
}

function bucketKey(f: RollupFacts): string[] {
  const day = f.startedAt.toISOString().slice(0, 10);
  return [day, f.provider, f.campaign ?? "", f.status, f.sentiment ?? "", f.outcome ?? ""];
}

/** Deltas that move a call from `before` (if any) to `after`, merged per bucket, in a stable order. */
export function rollupDeltas(before: RollupFacts | null, after: RollupFacts): Delta[] {
  const deltas = new Map<string, Delta>();
  const add = (f: RollupFacts, sign: 1 | -1) => {
    const key = bucketKey(f);
    const id = key.join("\u0000");
    const d = deltas.get(id) ?? { key, calls: 0, talkSec: 0, hotCalls: 0 };
    d.calls += sign;
    d.talkSec += sign * (f.durationSec ?? 0);
    d.hotCalls += sign * (f.isHot ? 1 : 0);
    deltas.set(id, d);
  };
  if (before) add(before, -1);
  add(after, 1);
  // Sorted so that concurrent transactions lock bucket rows in the same order.
  return [...deltas.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d)
    .filter((d) => d.calls !== 0 || d.talkSec !== 0 || d.hotCalls !== 0);
}

/**
 * The upsert applying `deltas`. Its parameters are numbered after `offset`
 * others; `onlyIf` is an SQL condition, for use inside a larger statement.
 */
export function rollupStatement(deltas: Delta[], opts: { offset?: number; onlyIf?: string } = {}) {
  if (deltas.length === 0) return null;
  const values: unknown[] = [];
  const rows = deltas.map(({ key, calls, talkSec, hotCalls }) => {
    const at = (opts.offset ?? 0) + values.length;
    values.push(...key, calls, talkSec, hotCalls);
    const dims = [2, 3, 4, 5, 6].map((i) => `$${at + i}`).join(", ");
    return `($${at + 1}::date, ${dims}, $${at + 7}::int, $${at + 8}::bigint, $${at + 9}::int)`;
  });
  return {
    text: `INSERT INTO daily_call_stats (day, provider, campaign, status, sentiment, outcome, calls, talk_sec, hot_calls)
      SELECT * FROM (VALUES ${rows.join(", ")}) AS delta ${opts.onlyIf ? `WHERE ${opts.onlyIf}` : ""}
      ON CONFLICT (day, provider, campaign, status, sentiment, outcome) DO UPDATE SET
        calls = daily_call_stats.calls + EXCLUDED.calls,
        talk_sec = daily_call_stats.talk_sec + EXCLUDED.talk_sec,
        hot_calls = daily_call_stats.hot_calls + EXCLUDED.hot_calls`,
    values,
  };
}
