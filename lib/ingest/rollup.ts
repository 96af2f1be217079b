import { Prisma } from "@/lib/db/generated/client";

// The daily rollup behind the charts: one row per UTC day and dimensions,
// adjusted in the same transaction that saves a call.

export interface RollupFacts {
  startedAt: Date;
  provider: string;
  campaign: string | null;
  agent: string | null;
  status: string;
  sentiment: string | null;
  outcome: string | null;
  durationSec: number | null;
  isHot: boolean;
}

interface Delta {
  key: string[];
  calls: number;
  talkSec: number;
  hotCalls: number;
}

function bucketKey(f: RollupFacts): string[] {
  const day = f.startedAt.toISOString().slice(0, 10);
  return [day, f.provider, f.campaign ?? "", f.agent ?? "", f.status, f.sentiment ?? "", f.outcome ?? ""];
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

export function rollupSql(deltas: Delta[]): Prisma.Sql | null {
  if (deltas.length === 0) return null;
  const rows = deltas.map(
    ({ key: [day, ...dims], calls, talkSec, hotCalls }) =>
      Prisma.sql`(${day}::date, ${Prisma.join(dims)}, ${calls}, ${talkSec}, ${hotCalls})`,
  );
  return Prisma.sql`
    INSERT INTO daily_call_stats (day, provider, campaign, agent, status, sentiment, outcome, calls, talk_sec, hot_calls)
    VALUES ${Prisma.join(rows)}
    ON CONFLICT (day, provider, campaign, agent, status, sentiment, outcome) DO UPDATE SET
      calls = daily_call_stats.calls + EXCLUDED.calls,
      talk_sec = daily_call_stats.talk_sec + EXCLUDED.talk_sec,
      hot_calls = daily_call_stats.hot_calls + EXCLUDED.hot_calls`;
}
