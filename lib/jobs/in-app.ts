import { logger } from "@/lib/log";
import { stopJobs } from "./boss";
import { startWorkers } from "./worker";

// The job workers inside the app's server process (see instrumentation.ts).

const RETRY_MS = 10_000;

export async function startWorkersInApp(): Promise<void> {
  // A database away at start (a restart of both, a failover) delays the workers; it does not leave the process without them.
  const start = async (): Promise<void> => {
    try {
      await startWorkers();
    } catch (err) {
      logger.error({ err: (err as Error).message }, `job workers did not start; trying again in ${RETRY_MS / 1000} s`);
      setTimeout(() => void start(), RETRY_MS).unref();
    }
  };
  await start();
  // Next exits soon after a signal: hand running jobs back for a retry rather
  // than leave them to time out.
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void stopJobs({ graceful: false }).catch(() => {}));
}
