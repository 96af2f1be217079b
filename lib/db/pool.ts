import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { stopChangeListener } from "./changes";

// One pg pool per process, shared by Prisma (through its adapter) and the hot
// paths that speak SQL directly (webhook ingestion, the call list's reads in
// lib/db/rows.ts), where Prisma's per-query overhead would dominate.
const globalForPool = globalThis as unknown as { pgPool?: pg.Pool; pgSavePool?: pg.Pool };

// `next build` loads route modules to collect their settings, with no database
// needed; the pool is only checked and used once the app serves.
const building = process.env.NEXT_PHASE === "phase-production-build";

/**
 * Every connection of the app's says that it sends a transcript's search vectors with each change to the transcript
 * (lib/ingest/transcript-vectors.ts): the table's trigger, which makes them for other writers, then leaves them be
 * even when a new version has the same words (it still makes them for a row inserted without them).
 * And it reads times in UTC whatever the server's zone: Prisma sends a time as UTC clock time without a zone,
 * which Postgres reads in the connection's zone, while pg sends it with its offset (lib/db/rows.ts); on a server
 * set to another zone a list's page (pg) and its total (Prisma) would have counted different hours.
 */
const APP_SETTINGS = { "call_analytics.search_vectors": "sent", TimeZone: "UTC" };

function createPool(max: number, settings: Record<string, string>): pg.Pool {
  // A database that drops packets (a partition, a failover's stale address) fails a connection in 5 s instead of
  // hanging it for minutes: webhooks then go to the spool (lib/ingest/spool) before the vendor gives up.
  const connectionString = building ? process.env.DATABASE_URL : env().DATABASE_URL;
  // Set on each new connection before the pool hands it out (a failure fails the connection, not a query on it).
  const set = Object.entries(settings)
    .map(([name, value]) => `SET ${name} = '${value}'`)
    .join("; ");
  // pg-pool waits for the promise onConnect returns (@types/pg says void).
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  const created = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 5000, onConnect: (client) => client.query(set) });
  // An idle connection can fail (a database restart); without a listener that would crash the process.
  // end() resolves before its connections have closed, so the database stopping
  // right after it (benches, tests) can still reach them: no failure then.
  created.on("error", (err) => {
    if (!created.ending) logger.warn({ err: err.message }, "idle database connection failed");
  });
  return created;
}

export const pool: pg.Pool = (globalForPool.pgPool ??= createPool(20, APP_SETTINGS));

/**
 * Connections for one statement: the save of a new call (lib/ingest/save-call.ts), prepared once per connection.
 * Postgres otherwise planned it again for every call (a custom plan each time: about a tenth of its work per
 * webhook, README), for a plan that never changes: each of its parts finds or inserts rows by a unique key. Apart
 * from `pool`, because for the list's queries a plan made for the values at hand is the right one.
 */
export function savePool(): pg.Pool {
  return (globalForPool.pgSavePool ??= createPool(10, { ...APP_SETTINGS, plan_cache_mode: "force_generic_plan" }));
}

/** Closes this process's connections: its pools and its change listener (a stop, the end of a test or a benchmark). */
export async function endPools(): Promise<void> {
  await Promise.all([globalForPool.pgPool?.end(), globalForPool.pgSavePool?.end(), stopChangeListener()]);
}

/** Runs `work` in a transaction on one connection; rolls back if it throws. */
export async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
