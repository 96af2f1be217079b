import { ROLLUP_JOIN, rollupDay } from "./zone";

// The daily rollups behind the charts, adjusted in the same statement or
// transaction that saves a call. One narrow table per kind of chart keeps
// each small enough to aggregate a year at a time. A call's day is its local
// day in the organisation's time zone, worked out in SQL (./zone.ts)
// so that it follows a re-bucketing in progress. Saving a call, updating it and
// re-scoring all change the rollups through this module alone: a new chart
// dimension is one more entry in ROLLUPS (and its table).

export interface RollupFacts {
  startedAt: Date;
  provider: string;
  campaign: string | null;
  status: string;
  sentiment: string | null;
  outcome: string | null;
  durationSec: number | null;
  isHot: boolean;
  /** Test calls (admin's "Send test event") stay out of every rollup. */
  isTest: boolean;
  sourceId: string;
  /** The agent as the app shows it (the admin's alias, lib/agents). */
  agentName: string | null;
  leadScore: number;
  costAmount: number | null;
  costCurrency: string | null;
  /** Talk time by side from the vendor's turn times; null without real timings. */
  agentTalkMs: number | null;
  customerTalkMs: number | null;
  /** A reviewer marked the call reviewed (or corrected it). */
  reviewed: boolean;
  /** Reviewed, and the reviewer kept the AI's outcome. */
  outcomeKept: boolean;
}

interface Rollup {
  table: string;
  columns: string[];
  dimensions: (f: RollupFacts) => string[];
  /** The same dimensions as SQL over a calls row. */
  sqlDimensions: string[];
}

export const ROLLUPS: Rollup[] = [
  {
    table: "daily_outcome_stats",
    columns: ["status", "sentiment", "outcome"],
    dimensions: (f) => [f.status, f.sentiment ?? "", f.outcome ?? ""],
    sqlDimensions: ["status", "COALESCE(sentiment, '')", "COALESCE(outcome, '')"],
  },
  {
    table: "daily_source_stats",
    columns: ["provider", "campaign"],
    dimensions: (f) => [f.provider, f.campaign ?? ""],
    sqlDimensions: ["provider", "COALESCE(campaign, '')"],
  },
];

export interface Delta {
  table: string;
  /** The call's start (ISO; SQL turns it into its day), then the table's dimensions. */
  key: string[];
  calls: number;
  talkSec: number;
  hotCalls: number;
}

/** Deltas that move a call from `before` (if any) to `after`, merged per row, in a stable order. */
export function rollupDeltas(before: RollupFacts | null, after: RollupFacts): Delta[] {
  const deltas: Delta[] = [];
  const add = (f: RollupFacts, sign: 1 | -1) => {
    if (f.isTest) return;
    for (const rollup of ROLLUPS) {
      const key = [f.startedAt.toISOString(), ...rollup.dimensions(f)];
      deltas.push({ table: rollup.table, key, calls: sign, talkSec: sign * (f.durationSec ?? 0), hotCalls: sign * (f.isHot ? 1 : 0) });
    }
  };
  if (before) add(before, -1);
  add(after, 1);
  return mergeDeltas(deltas);
}

/**
 * Adds up deltas of the same rollup row and drops those that cancel out, in a
 * stable order: the statements sort rows by day too, so concurrent
 * transactions lock rollup rows in the same order.
 */
export function mergeDeltas(deltas: Delta[]): Delta[] {
  const merged = new Map<string, Delta>();
  for (const d of deltas) {
    const id = [d.table, ...d.key].join("\u0000");
    const m = merged.get(id) ?? { ...d, calls: 0, talkSec: 0, hotCalls: 0 };
    m.calls += d.calls;
    m.talkSec += d.talkSec;
    m.hotCalls += d.hotCalls;
    merged.set(id, m);
  }
  return [...merged.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d)
    .filter((d) => d.calls !== 0 || d.talkSec !== 0 || d.hotCalls !== 0);
}

/**
 * One upsert per rollup table touched by `deltas`. Parameters are numbered
 * after `offset` others; `onlyIf` is an SQL condition, for use inside a larger
 * statement.
 */
export function rollupStatements(deltas: Delta[], opts: { offset?: number; onlyIf?: string } = {}) {
  const statements: { text: string; values: unknown[] }[] = [];
  let offset = opts.offset ?? 0;
  for (const rollup of ROLLUPS) {
    const mine = deltas.filter((d) => d.table === rollup.table);
    if (mine.length === 0) continue;
    const values: unknown[] = [];
    const rows = mine.map(({ key, calls, talkSec, hotCalls }) => {
      const at = offset + values.length;
      values.push(...key, calls, talkSec, hotCalls);
      const dims = rollup.columns.map((_, i) => `$${at + i + 2}`).join(", ");
      const n = rollup.columns.length;
      return `($${at + 1}::timestamptz, ${dims}, $${at + n + 2}::int, $${at + n + 3}::bigint, $${at + n + 4}::int)`;
    });
    const keyColumns = ["day", ...rollup.columns].join(", ");
    const groups = ["day", ...rollup.columns].map((_, i) => i + 1).join(", ");
    // Several starts can fall on one day: summed here, since one statement may not update a row twice.
    statements.push({
      text: `INSERT INTO ${rollup.table} (${keyColumns}, calls, talk_sec, hot_calls)
        SELECT ${rollupDay("delta.at")}, ${rollup.columns.map((c) => `delta.${c}::text`).join(", ")},
               sum(delta.calls)::int, sum(delta.talk_sec)::bigint, sum(delta.hot_calls)::int
        FROM (VALUES ${rows.join(", ")}) AS delta (at, ${rollup.columns.join(", ")}, calls, talk_sec, hot_calls) ${ROLLUP_JOIN}
        ${opts.onlyIf ? `WHERE ${opts.onlyIf}` : ""}
        GROUP BY ${groups} ORDER BY ${groups}
        ON CONFLICT (${keyColumns}) DO UPDATE SET
          calls = ${rollup.table}.calls + EXCLUDED.calls,
          talk_sec = ${rollup.table}.talk_sec + EXCLUDED.talk_sec,
          hot_calls = ${rollup.table}.hot_calls + EXCLUDED.hot_calls`,
      values,
    });
    offset += values.length;
  }
  return statements;
}

/** All of `deltas` as one statement (upserts as data-modifying CTEs), or null when there is nothing to do. */
export function rollupStatement(deltas: Delta[]): { text: string; values: unknown[] } | null {
  const statements = rollupStatements(deltas);
  if (statements.length === 0) return null;
  return {
    text: `WITH ${statements.map((st, i) => `s${i} AS (${st.text})`).join(", ")} SELECT 1`,
    values: statements.flatMap((st) => st.values),
  };
}
