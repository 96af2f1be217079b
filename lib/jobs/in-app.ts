import { logger } from "@/lib/log";
import { stopJobs } from "./boss";
import { startWorkers } from "./worker";

// The job workers inside the app's server process (see instrumentation.ts).

export async function startWorkersInApp(): Promise<void> {
  await startWorkers().catch((err: Error) => logger.error({ err: err.message }, "job workers did not start; background work waits"));
  // Next exits soon after a signal: hand running jobs back for a retry rather
  // than leave them to time out.
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void stopJobs({ graceful: false }).catch(() => {}));
}
