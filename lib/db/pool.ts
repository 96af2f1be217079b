import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

// One pg pool per process, shared by Prisma (through its adapter) and the few
// hot paths that speak SQL directly (webhook ingestion), where Prisma's
// per-query overhead would dominate.
const globalForPool = globalThis as unknown as { pgPool?: pg.Pool };

// `next build` loads route modules to collect their settings, with no database
// needed; the pool is only checked and used once the app serves.
const building = process.env.NEXT_PHASE === "phase-production-build";

function createPool(): pg.Pool {
  // A database that drops packets (a partition, a failover's stale address) fails a connection in 5 s instead of
  // hanging it for minutes: webhooks then go to the spool (lib/ingest/spool) before the vendor gives up.
  const created = new pg.Pool({ connectionString: building ? process.env.DATABASE_URL : env().DATABASE_URL, max: 20, connectionTimeoutMillis: 5000 });
  // An idle connection can fail (a database restart); without a listener that would crash the process.
  // end() resolves before its connections have closed, so the database stopping
  // right after it (benches, tests) can still reach them: no failure then.
  created.on("error", (err) => {
    if (!created.ending) logger.warn({ err: err.message }, "idle database connection failed");
  });
  return created;
}

export const pool: pg.Pool = (globalForPool.pgPool ??= createPool());

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
