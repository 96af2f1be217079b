import { conflictKey, SHARD_SQL } from "./shards";
import { ROLLUP_JOIN, rollupDay } from "./zone";

// The daily rollups behind the charts, adjusted in the same statement or
// transaction that saves a call. One narrow table per kind of chart keeps
// each small enough to aggregate a year at a time. A call's day is its local
// day in the organisation's time zone, worked out in SQL (./zone.ts)
// so that it follows a re-bucketing in progress. Saving a call, updating it and
// re-scoring all change the rollups through this module alone: a new chart
// dimension is one more entry in ROLLUPS (and its table), which declares the
// rows a call counts in and the measures it adds to them (as facts here and
// as SQL over a calls row, for re-bucketing and filling).

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
  /** A reviewer marked the call reviewed (a correction does so too, unless the request says otherwise). */
  reviewed: boolean;
  /** Reviewed, and the reviewer kept the AI's outcome. */
  outcomeKept: boolean;
  /** The trackers with a hit in the call (lib/trackers), sorted. */
  trackerIds: string[];
}

/** One figure a rollup keeps per row: how much one call adds to it. */
export interface Measure {
  column: string;
  /** What one call adds (an integer: cost is counted in COST_UNITs, so sums stay exact). */
  of: (f: RollupFacts) => number;
  /** The same over a calls row, as SQL. */
  sql: string;
  /** SQL storing a sum of such values into the column (default: the sum as a bigint). */
  store?: (sum: string) => string;
}

export interface Rollup {
  table: string;
  /** The key columns after `day`. */
  columns: string[];
  /** The rows a call counts in (most rollups: one), each as values of `columns`. */
  rows: (f: RollupFacts) => string[][];
  /** The same rows as SQL over a calls row; `sqlFrom` is joined after `calls` for them (e.g. a LATERAL VALUES). */
  sqlRows: { from?: string; columns: string[] };
  measures: Measure[];
  /** SQL over the delta row (`delta.<column>`): rows it is false for are not written (e.g. a tracker deleted meanwhile). */
  onlyIf?: string;
}

/** Cost is added up in ten-thousandths (calls.cost_amount is numeric(12,4)): integers, exact in JS and SQL. */
export const COST_UNIT = 10_000;

const count = (column: string, of: (f: RollupFacts) => boolean, sql: string): Measure => ({ column, of: (f) => (of(f) ? 1 : 0), sql: `(${sql})::int` });

/** calls, talk_sec, hot_calls: what the overview's rollups keep. */
const BASIC: Measure[] = [
  { column: "calls", of: () => 1, sql: "1" },
  { column: "talk_sec", of: (f) => f.durationSec ?? 0, sql: "COALESCE(duration_sec, 0)" },
  count("hot_calls", (f) => f.isHot, "is_hot"),
];

const timed = (f: RollupFacts) => f.agentTalkMs !== null && f.customerTalkMs !== null;
const TIMED_SQL = "agent_talk_ms IS NOT NULL AND customer_talk_ms IS NOT NULL";

/** The Compare page's figures (lib/stats/compare*.ts). "Connected" is status completed, as on the overview. */
const COMPARE: Measure[] = [
  { column: "calls", of: () => 1, sql: "1" },
  count("connected", (f) => f.status === "completed", "status = 'completed'"),
  {
    column: "talk_sec",
    of: (f) => (f.status === "completed" ? (f.durationSec ?? 0) : 0),
    sql: "CASE WHEN status = 'completed' THEN COALESCE(duration_sec, 0) ELSE 0 END",
  },
  count("timed_calls", timed, TIMED_SQL),
  { column: "agent_talk_ms", of: (f) => (timed(f) ? f.agentTalkMs! : 0), sql: `CASE WHEN ${TIMED_SQL} THEN agent_talk_ms ELSE 0 END` },
  { column: "customer_talk_ms", of: (f) => (timed(f) ? f.customerTalkMs! : 0), sql: `CASE WHEN ${TIMED_SQL} THEN customer_talk_ms ELSE 0 END` },
  count("meetings", (f) => f.outcome === "meeting_scheduled", "outcome IS NOT DISTINCT FROM 'meeting_scheduled'"),
  count("hot_calls", (f) => f.isHot, "is_hot"),
  { column: "score_sum", of: (f) => f.leadScore, sql: "lead_score" },
  count("positive", (f) => f.sentiment === "positive", "sentiment IS NOT DISTINCT FROM 'positive'"),
  count("negative", (f) => f.sentiment === "negative", "sentiment IS NOT DISTINCT FROM 'negative'"),
  count("rated", (f) => f.sentiment !== null, "sentiment IS NOT NULL"),
  count("costed_calls", (f) => f.costAmount !== null, "cost_amount IS NOT NULL"),
  {
    column: "cost",
    of: (f) => (f.costAmount === null ? 0 : Math.round(f.costAmount * COST_UNIT)),
    sql: `COALESCE(round(cost_amount * ${COST_UNIT}), 0)::bigint`,
    store: (sum) => `(${sum}::numeric / ${COST_UNIT})::numeric(18, 4)`,
  },
  count("reviewed", (f) => f.reviewed, "reviewed_at IS NOT NULL"),
  count("outcome_kept", (f) => f.outcomeKept, "reviewed_at IS NOT NULL AND outcome_override IS NULL"),
];

/** The currency a call's cost is in ('' without a cost). */
export const costCurrency = (f: Pick<RollupFacts, "costAmount" | "costCurrency">) => (f.costAmount === null ? "" : (f.costCurrency ?? ""));
const COST_CURRENCY_SQL = "CASE WHEN cost_amount IS NULL THEN '' ELSE COALESCE(cost_currency, '') END";

export const COMPARE_DIMENSIONS = ["provider", "agent", "campaign", "source"] as const;
export type CompareDimension = (typeof COMPARE_DIMENSIONS)[number];

/** The value a call has in each Compare dimension ('' for none). */
export const compareValues = (f: RollupFacts): Record<CompareDimension, string> => ({
  provider: f.provider,
  agent: f.agentName ?? "",
  campaign: f.campaign ?? "",
  source: f.sourceId,
});

export const ROLLUPS: Rollup[] = [
  {
    table: "daily_outcome_stats",
    columns: ["status", "sentiment", "outcome"],
    rows: (f) => [[f.status, f.sentiment ?? "", f.outcome ?? ""]],
    sqlRows: { columns: ["status", "COALESCE(sentiment, '')", "COALESCE(outcome, '')"] },
    measures: BASIC,
  },
  {
    table: "daily_source_stats",
    columns: ["provider", "campaign"],
    rows: (f) => [[f.provider, f.campaign ?? ""]],
    sqlRows: { columns: ["provider", "COALESCE(campaign, '')"] },
    measures: BASIC,
  },
  {
    // One row per dimension for each call: a day's rows of one dimension are read together.
    table: "daily_compare_stats",
    columns: ["dimension", "value", "currency"],
    rows: (f) => {
      const values = compareValues(f);
      return COMPARE_DIMENSIONS.map((d) => [d, values[d], costCurrency(f)]);
    },
    sqlRows: {
      from: `CROSS JOIN LATERAL (VALUES ('provider', provider), ('agent', COALESCE(agent_name, '')), ('campaign', COALESCE(campaign, '')), ('source', source_id::text)) AS cmp (dimension, value)`,
      columns: ["cmp.dimension", "cmp.value", COST_CURRENCY_SQL],
    },
    measures: COMPARE,
  },
  {
    // One row per tracker with a hit in the call (call_tracker_hits): the overview's tracker mentions.
    table: "daily_tracker_stats",
    columns: ["tracker_id"],
    rows: (f) => f.trackerIds.map((id) => [id]),
    sqlRows: {
      from: "CROSS JOIN LATERAL (SELECT th.tracker_id FROM call_tracker_hits th WHERE th.call_id = calls.id) AS trk",
      columns: ["trk.tracker_id::text"],
    },
    measures: [{ column: "calls", of: () => 1, sql: "1" }, count("connected", (f) => f.status === "completed", "status = 'completed'")],
    // A tracker's rows go with it; a call saved with trackers read before one was deleted does not bring them back.
    onlyIf: "EXISTS (SELECT 1 FROM trackers t WHERE t.id::text = delta.tracker_id)",
  },
];

/** The tables of ROLLUPS, for a LOCK TABLE. */
export const ROLLUP_TABLES = ROLLUPS.map((r) => r.table).join(", ");

export interface Delta {
  table: string;
  /** The call's start (ISO; SQL turns it into its day), then the table's dimensions. */
  key: string[];
  /** By measure column, in the rollup's order. */
  measures: Record<string, number>;
}

/** Deltas that move a call from `before` (if any) to `after`, merged per row, in a stable order. */
export function rollupDeltas(before: RollupFacts | null, after: RollupFacts): Delta[] {
  const deltas: Delta[] = [];
  const add = (f: RollupFacts, sign: 1 | -1) => {
    if (f.isTest) return;
    for (const rollup of ROLLUPS) {
      const measures = Object.fromEntries(rollup.measures.map((m) => [m.column, sign * m.of(f) || 0]));
      for (const row of rollup.rows(f)) deltas.push({ table: rollup.table, key: [f.startedAt.toISOString(), ...row], measures: { ...measures } });
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
    const m = merged.get(id);
    if (!m) {
      merged.set(id, { ...d, measures: { ...d.measures } });
      continue;
    }
    for (const [column, value] of Object.entries(d.measures)) m.measures[column] = (m.measures[column] ?? 0) + value;
  }
  return [...merged.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d)
    .filter((d) => Object.values(d.measures).some((v) => v !== 0));
}

/** SQL: `<table>.<m> + EXCLUDED.<m>` for each measure, for an ON CONFLICT DO UPDATE. */
export const addExcluded = (rollup: Rollup) =>
  rollup.measures.map((m) => `${m.column} = ${rollup.table}.${m.column} + EXCLUDED.${m.column}`).join(",\n          ");

/** SQL: the sum of `alias.<m>` stored as the column keeps it, for each measure. */
export const storedSums = (rollup: Rollup, alias: string) =>
  rollup.measures.map((m) => (m.store ? m.store(`sum(${alias}.${m.column})`) : `sum(${alias}.${m.column})::bigint`)).join(", ");

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
    // One array per column, not a VALUES row per delta: the statement's text is the same however many rows a call
    // brings (a tracker's hits), so a prepared statement holding it is one per shape of call, not per count of trackers.
    const values: unknown[] = [
      mine.map((d) => d.key[0]),
      ...rollup.columns.map((_, i) => mine.map((d) => d.key[i + 1])),
      ...rollup.measures.map((m) => mine.map((d) => d.measures[m.column] ?? 0)),
    ];
    const arrays = [
      `$${offset + 1}::timestamptz[]`,
      ...rollup.columns.map((_, i) => `$${offset + 2 + i}::text[]`),
      ...rollup.measures.map((_, i) => `$${offset + 2 + rollup.columns.length + i}::bigint[]`),
    ];
    const keyColumns = ["day", ...rollup.columns].join(", ");
    const measureColumns = rollup.measures.map((m) => m.column).join(", ");
    const groups = ["day", ...rollup.columns].map((_, i) => i + 1).join(", ");
    // Several starts can fall on one day: summed here, since one statement may not update a row twice.
    const onlyIf = [opts.onlyIf, rollup.onlyIf].filter(Boolean).join(" AND ");
    statements.push({
      text: `INSERT INTO ${rollup.table} (${keyColumns}, shard, ${measureColumns})
        SELECT ${rollupDay("delta.at")}, ${rollup.columns.map((c) => `delta.${c}::text`).join(", ")}, ${SHARD_SQL}, ${storedSums(rollup, "delta")}
        FROM unnest(${arrays.join(", ")}) AS delta (at, ${rollup.columns.join(", ")}, ${measureColumns}) ${ROLLUP_JOIN}
        ${onlyIf ? `WHERE ${onlyIf}` : ""}
        GROUP BY ${groups} ORDER BY ${groups}
        ON CONFLICT (${conflictKey(rollup)}) DO UPDATE SET
          ${addExcluded(rollup)}`,
      values,
    });
    offset += values.length;
  }
  return statements;
}

/**
 * SQL: each rollup row the calls matching `where` (over `calls`, with its own
 * parameters) count in, with `sign` ('' or '-') on every measure, as
 * (<day>, <columns>, <measures>). `day` is SQL for the call's day.
 */
export function callRowsSql(rollup: Rollup, day: string, where: string, sign: "" | "-" = ""): string {
  return `SELECT ${day}, ${rollup.sqlRows.columns.join(", ")}, ${rollup.measures.map((m) => `${sign}(${m.sql})::bigint`).join(", ")}
     FROM calls ${rollup.sqlRows.from ?? ""} WHERE ${where}`;
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
