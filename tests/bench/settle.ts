import pg from "pg";

// Before each measured run: Postgres writes out what the run before left in its
// buffers (CHECKPOINT) and finishes the autovacuum that run started, so that a
// run does not pay for the one before it. Without this, the first run at half
// the peak, right after three runs at full speed, met the checkpoint of their
// writes: its p99 was twice the next run's at the same rate (README, Benchmark).

const AUTOVACUUM_WAIT_MS = 30_000;

export async function settle(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const until = Date.now() + AUTOVACUUM_WAIT_MS;
    for (;;) {
      const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'");
      if (rows[0].n === 0) break;
      if (Date.now() > until) {
        console.log(`(autovacuum still running after ${AUTOVACUUM_WAIT_MS / 1000} s: measuring beside it)`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // A superuser's or pg_checkpoint's: without it the run is measured as it comes, and says so.
    await client.query("CHECKPOINT").catch((err: Error) => console.log(`(no CHECKPOINT before this run: ${err.message})`));
  } finally {
    await client.end();
  }
}
