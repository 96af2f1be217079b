import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { QUEUE, queueOptions, type QueueName } from "./queues";

// One pg-boss instance per process, started on first use. It creates its own
// schema ("pgboss") and queues on start, so a fresh database needs no step.
// Several processes may share a database: jobs are fetched with SKIP LOCKED, so
// no job runs twice at once.

const globalForBoss = globalThis as unknown as { boss?: Promise<PgBoss> };

async function startBoss(): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: env().DATABASE_URL,
    max: 4,
    application_name: "call-analytics-jobs",
    // Finished jobs stay in pgboss.job, where the Sources page counts them: a
    // day when done, a week when failed; then pg-boss archives and deletes them.
    archiveCompletedAfterSeconds: 24 * 3600,
    archiveFailedAfterSeconds: 7 * 24 * 3600,
    deleteAfterDays: 7,
  });
  boss.on("error", (err) => logger.error({ err: err.message }, "job queue error"));
  await boss.start();
  for (const [name, options] of Object.entries(queueOptions())) {
    if (await boss.getQueue(name)) await boss.updateQueue(name, { name, ...options });
    else await boss.createQueue(name, { name, ...options });
  }
  return boss;
}

export function jobs(): Promise<PgBoss> {
  globalForBoss.boss ??= startBoss().catch((e) => {
    globalForBoss.boss = undefined;
    throw e;
  });
  return globalForBoss.boss;
}

/**
 * Stops taking jobs. Graceful: waits (up to 10 s) for running jobs. Otherwise
 * running jobs are handed back at once, to be retried, as when the app's
 * server is shutting down and will not wait.
 */
export async function stopJobs({ graceful = true } = {}): Promise<void> {
  const boss = globalForBoss.boss;
  globalForBoss.boss = undefined;
  if (boss) await (await boss).stop({ graceful, timeout: 10_000, wait: true });
}

/**
 * Queues a job. With a key, at most one such job waits per key (the queue's
 * policy refuses a second one), so enqueueing twice is harmless.
 */
export async function enqueue(queue: QueueName, data: object, options: { key?: string; startAfterSeconds?: number } = {}): Promise<string | null> {
  const boss = await jobs();
  return boss.send(queue, data, {
    ...(options.key ? { singletonKey: options.key } : {}),
    ...(options.startAfterSeconds ? { startAfter: Math.ceil(options.startAfterSeconds) } : {}),
  });
}

export { QUEUE };
