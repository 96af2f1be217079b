import { pool } from "./pool";

/**
 * Runs `work` only if no other process holds the advisory lock named `key` (null if one does). The lock goes with
 * the connection, so a process that dies mid-work (killed, crashed) lets go of it at once.
 */
export async function withTryLock<T>(key: string, work: () => Promise<T>): Promise<T | null> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked", [key]);
    if (!rows[0].locked) return null;
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [key]);
    }
  } finally {
    client.release();
  }
}
