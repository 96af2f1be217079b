import type pg from "pg";
import { inTransaction, pool } from "@/lib/db/pool";
import type { ColumnsAs, SettingColumns } from "@/lib/db/columns";
import { ROLLUP_ZONE_KEY } from "@/lib/rollups/zone";
import { conflictKey } from "@/lib/rollups/shards";
import { addExcluded, callRowsSql, ROLLUP_TABLES, ROLLUPS, storedSums, type Rollup } from "@/lib/rollups/deltas";
import { enqueue, QUEUE } from "@/lib/jobs/boss";
import { logger } from "@/lib/log";
import { DEFAULT_TIME_ZONE, storedTimeZone } from "@/lib/settings/time-zone";

// After the organisation's time zone changes, the rollups move to days in the
// new zone in the background: oldest calls first, BATCH calls at a time, each
// step one transaction that moves its calls from their old day to their new
// one and advances the boundary (lib/rollups/zone.ts). Each step holds a
// lock on the rollup tables that the pipeline's rollup writes wait for (and
// that waits for them), so a call saved meanwhile is either seen by the step
// or bucketed by the boundary the step left: never counted twice or lost.
// The totals never change, only the days they fall on.

const BATCH = 2_000;

export interface RebucketState {
  /** The zone the rollups' days are in (before `to`, during a move). */
  zone: string;
  /** The zone they are moving to; null when none is under way. */
  to: string | null;
  /** Calls that started before this are already on their day in `to` ("-infinity" at the start). */
  boundary: string | null;
  status: "running" | "done" | "failed";
  total: number;
  done: number;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

const AT_REST: RebucketState = {
  zone: DEFAULT_TIME_ZONE,
  to: null,
  boundary: null,
  status: "done",
  total: 0,
  done: 0,
  startedAt: null,
  finishedAt: null,
  error: null,
};

async function readState(client: Pick<pg.PoolClient, "query">, lock = false): Promise<RebucketState> {
  const { rows } = await client.query<ColumnsAs<SettingColumns, "value", RebucketState>>(
    `SELECT value FROM settings WHERE key = $1 ${lock ? "FOR UPDATE" : ""}`,
    [ROLLUP_ZONE_KEY],
  );
  return { ...AT_REST, ...rows[0]?.value };
}

async function saveState(client: pg.PoolClient, state: RebucketState): Promise<void> {
  await client.query(
    `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, now()) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [ROLLUP_ZONE_KEY, JSON.stringify(state)],
  );
}

/** Where the rollups stand: their zone, and the progress of a move to another. */
export async function rebucketState(): Promise<RebucketState> {
  return readState(pool);
}

/** Queues the job that brings the rollups to the organisation's zone (it does nothing when they are there). */
export async function startRebucket(): Promise<void> {
  await enqueue(QUEUE.rebucket, {}, { key: "rebucket" });
}

/** Queues the job again when the rollups are not in the organisation's zone and no move is under way (its queueing failed). */
export async function sweepRebucket(): Promise<void> {
  const [state, zone] = await Promise.all([rebucketState(), storedTimeZone()]);
  if (state.to === null && state.zone !== zone) await startRebucket();
}

/** SQL: moves the calls of [$3, $4) (no upper end when $4 is null) from their day in zone $1 to their day in zone $2. */
function moveStatement(rollup: Rollup): string {
  const keys = ["day", ...rollup.columns];
  const measures = rollup.measures.map((m) => m.column);
  const groups = keys.map((_, i) => i + 1).join(", ");
  const range = "NOT is_test AND started_at >= $3::timestamptz AND ($4::timestamptz IS NULL OR started_at < $4::timestamptz)";
  const side = (zone: string, sign: "" | "-") => callRowsSql(rollup, `(started_at AT TIME ZONE ${zone})::date`, range, sign);
  return `INSERT INTO ${rollup.table} (${keys.join(", ")}, ${measures.join(", ")})
    SELECT ${keys.map((k) => `m.${k}`).join(", ")}, ${storedSums(rollup, "m")}
    FROM (${side("$1", "-")} UNION ALL ${side("$2", "")}) AS m (${keys.join(", ")}, ${measures.join(", ")})
    GROUP BY ${groups}
    HAVING ${measures.map((c) => `sum(m.${c}) <> 0`).join(" OR ")}
    ORDER BY ${groups}
    ON CONFLICT (${conflictKey(rollup)}) DO UPDATE SET
      ${addExcluded(rollup)}`;
}

/**
 * One step, in one transaction: starts a move when the organisation's zone
 * differs from the rollups', or moves the next batch of a move under way.
 * False when there is nothing left to do.
 */
export async function rebucketStep(targetZone: string, batch = BATCH): Promise<boolean> {
  return inTransaction(async (client) => {
    // The pipeline's rollup writes wait for this step, and it for them (SHARE ROW EXCLUSIVE conflicts with their ROW EXCLUSIVE).
    await client.query(`LOCK TABLE ${ROLLUP_TABLES} IN SHARE ROW EXCLUSIVE MODE`);
    const state = await readState(client, true);
    if (!state.to) {
      if (state.zone === targetZone) return false;
      const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM calls WHERE NOT is_test");
      await saveState(client, {
        ...state,
        to: targetZone,
        boundary: "-infinity",
        status: "running",
        total: rows[0].n,
        done: 0,
        startedAt: new Date().toISOString(),
        finishedAt: null,
        error: null,
      });
      return true;
    }

    // The batch ends before the start of the (batch+1)-th call from the boundary, or past the last one.
    const { rows } = await client.query<{ upper: Date | null }>(
      `SELECT (SELECT started_at FROM calls WHERE NOT is_test AND started_at > $1::timestamptz ORDER BY started_at OFFSET $2::int - 1 LIMIT 1) AS upper`,
      [state.boundary, batch],
    );
    const upper = rows[0].upper;
    const range = [state.zone, state.to, state.boundary, upper];
    const { rows: moved } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM calls WHERE NOT is_test AND started_at >= $1::timestamptz AND ($2::timestamptz IS NULL OR started_at < $2::timestamptz)`,
      [state.boundary, upper],
    );
    for (const rollup of ROLLUPS) await client.query(moveStatement(rollup), range);
    const done = state.done + moved[0].n;
    if (upper) {
      await saveState(client, { ...state, status: "running", error: null, boundary: upper.toISOString(), done, total: Math.max(state.total, done) });
      return true;
    }
    // Rows the move emptied would only be scanned for nothing.
    for (const { table, measures } of ROLLUPS) await client.query(`DELETE FROM ${table} WHERE ${measures.map((m) => `${m.column} = 0`).join(" AND ")}`);
    await saveState(client, {
      ...state,
      zone: state.to,
      to: null,
      boundary: null,
      status: "done",
      error: null,
      done,
      total: done,
      finishedAt: new Date().toISOString(),
    });
    logger.info({ zone: state.to, calls: done }, "rollups re-bucketed");
    return true;
  });
}

/** The job: steps until the rollups are in the organisation's zone (a zone changed meanwhile is moved to next). */
export async function runRebucket(): Promise<string> {
  let steps = 0;
  try {
    while (await rebucketStep(await storedTimeZone())) steps++;
  } catch (e) {
    // Shown on the settings page; pg-boss retries the job, which carries on from the boundary.
    await inTransaction(async (client) => saveState(client, { ...(await readState(client, true)), status: "failed", error: (e as Error).message }));
    throw e;
  }
  return steps ? `${steps} steps` : "nothing to do";
}
