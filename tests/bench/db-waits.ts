import pg from "pg";

// What the database's connections are busy with while a load runs: the
// average number of them running (CPU) or waiting on each thing (a row lock
// held by another transaction, the WAL flush of a commit...), sampled from
// pg_stat_activity every few milliseconds. It is how the row locks every save
// queued on were found (README, Benchmark).

export type Waits = { what: string; busy: number }[];

export async function sampleWaits<T>(databaseUrl: string, during: () => Promise<T>): Promise<{ result: T; waits: Waits }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const counts = new Map<string, number>();
  let samples = 0;
  let done = false;
  const sampling = (async () => {
    while (!done) {
      const { rows } = await client.query<{ what: string }>(
        `SELECT COALESCE(wait_event_type || ':' || wait_event, 'CPU') AS what FROM pg_stat_activity
         WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      );
      samples++;
      for (const { what } of rows) counts.set(what, (counts.get(what) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  try {
    const result = await during();
    return { result, waits: [...counts].map(([what, n]) => ({ what, busy: n / Math.max(1, samples) })).sort((a, b) => b.busy - a.busy) };
  } finally {
    done = true;
    await sampling;
    await client.end();
  }
}

/** "CPU 0.87, LWLock:WALWrite 0.61, ..." (the top `n`). */
export const formatWaits = (waits: Waits, n = 5) =>
  waits
    .slice(0, n)
    .map((w) => `${w.what} ${w.busy.toFixed(2)}`)
    .join(", ");
