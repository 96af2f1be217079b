import { PgBoss } from "pg-boss";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { QUEUE, queueOptions, type JobData, type QueueName } from "./queues";
import { moveJobsFromPgBoss10 } from "./upgrade-from-10";

// One pg-boss instance per process, started on first use. It creates its own
// schema ("pgboss") and queues on start, and migrates that schema when
// pg-boss is upgraded, so a fresh database needs no step. Several processes
// may share a database: jobs are fetched with SKIP LOCKED, so no job runs
// twice at once.

const globalForBoss = globalThis as unknown as { boss?: Promise<PgBoss> };

async function startBoss(): Promise<PgBoss> {
  const connectionString = env().DATABASE_URL;
  const boss = new PgBoss({ connectionString, max: 4, application_name: "call-analytics-jobs" });
  boss.on("error", (err) => logger.error({ err: err.message }, "job queue error"));
  boss.on("warning", (warning) => logger.warn({ warning }, "job queue warning"));
  // pg-boss 11 changed its schema with no migration from 10's; 10's waiting jobs move across once.
  await moveJobsFromPgBoss10(connectionString, async (moved) => {
    await boss.start();
    await createQueues(boss);
    for (const [name, jobs] of moved) await boss.insert(name, jobs);
  });
  await boss.start();
  await createQueues(boss);
  return boss;
}

async function createQueues(boss: PgBoss): Promise<void> {
  for (const [name, { policy, ...options }] of Object.entries(queueOptions())) {
    if (await boss.getQueue(name)) await boss.updateQueue(name, options);
    else await boss.createQueue(name, { policy, ...options });
  }
}

export function jobs(): Promise<PgBoss> {
  globalForBoss.boss ??= startBoss().catch((e: unknown) => {
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
  if (boss) await (await boss).stop({ graceful, timeout: 10_000 });
}

interface EnqueueOptions {
  /** At most one such job waits per key (the queue's policy refuses a second one), so enqueueing twice is harmless. */
  key?: string;
  startAfterSeconds?: number;
}

/** Queues a job. */
export async function enqueue<Q extends QueueName>(queue: Q, data: JobData[Q], options: EnqueueOptions = {}): Promise<string | null> {
  const boss = await jobs();
  return boss.send(queue, data, {
    ...(options.key ? { singletonKey: options.key } : {}),
    ...(options.startAfterSeconds ? { startAfter: Math.ceil(options.startAfterSeconds) } : {}),
  });
}

/** Queues many jobs of one queue in one statement; a key already waiting is skipped as in enqueue. */
export async function enqueueMany<Q extends QueueName>(queue: Q, items: Array<{ data: JobData[Q]; key?: string }>): Promise<void> {
  if (items.length === 0) return;
  const boss = await jobs();
  await boss.insert(
    queue,
    items.map(({ data, key }) => ({ data, ...(key ? { singletonKey: key } : {}) })),
  );
}

export { QUEUE, type JobData };
