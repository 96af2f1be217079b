import { pool } from "@/lib/db/pool";

// The lock's name dates from when Unpod was the only polled vendor; it stays so
// that a process of the previous version and one of this never poll one source at once.

/** Runs `work` only if no other process is polling this source (null if one is); the lock goes with the connection. */
export async function withSourceLock<T>(sourceId: string, work: () => Promise<T>): Promise<T | null> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock(hashtextextended('unpod-poll:' || $1, 0)) AS locked", [sourceId]);
    if (!rows[0].locked) return null;
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtextextended('unpod-poll:' || $1, 0))", [sourceId]);
    }
  } finally {
    client.release();
  }
}
