import { pool } from "@/lib/db/pool";
import { QUEUE } from "./queues";

// What the queue has been doing, for admins: per queue the jobs waiting,
// running, done and failed in the last 24 hours, and the latest failures.
// Read from pg-boss's own table (pgboss.job).

export interface QueueStats {
  queue: string;
  waiting: number;
  running: number;
  completed: number;
  failed: number;
}

export interface FailedJob {
  id: string;
  queue: string;
  failedAt: Date;
  attempts: number;
  error: string;
}

export async function jobStats(): Promise<{ queues: QueueStats[]; failures: FailedJob[] }> {
  const names = Object.values(QUEUE);
  const [counts, failures] = await Promise.all([
    pool.query<{ name: string; state: string; n: number }>(
      `SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job
       WHERE name = ANY($1) AND (state < 'completed' OR completed_on > now() - interval '24 hours')
       GROUP BY 1, 2`,
      [names],
    ),
    pool.query<{ id: string; name: string; completed_on: Date; retry_count: number; output: { message?: string } | null }>(
      `SELECT id, name, completed_on, retry_count, output FROM pgboss.job
       WHERE name = ANY($1) AND state = 'failed' ORDER BY completed_on DESC LIMIT 10`,
      [names],
    ),
  ]);
  const count = (name: string, ...states: string[]) => counts.rows.filter((r) => r.name === name && states.includes(r.state)).reduce((a, r) => a + r.n, 0);
  return {
    queues: names.map((queue) => ({
      queue,
      waiting: count(queue, "created", "retry"),
      running: count(queue, "active"),
      completed: count(queue, "completed"),
      failed: count(queue, "failed"),
    })),
    failures: failures.rows.map((r) => ({
      id: r.id,
      queue: r.name,
      failedAt: r.completed_on,
      attempts: r.retry_count + 1,
      error: r.output?.message ?? "No message",
    })),
  };
}
