// Next.js calls register() once when the server starts. The job queue's
// workers run here, in the app's own process, so `npm start` is the whole
// product on one machine; `npm run worker` adds more worker processes.
// JOBS_IN_PROCESS=off leaves the work to those processes alone.

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.JOBS_IN_PROCESS === "off") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startWorkers } = await import("./lib/jobs/worker");
  const { stopJobs } = await import("./lib/jobs/boss");
  const { logger } = await import("./lib/log");
  await startWorkers().catch((err: Error) => logger.error({ err: err.message }, "job workers did not start; background work waits"));
  // Next exits soon after a signal: hand running jobs back for a retry rather
  // than leave them to time out.
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void stopJobs({ graceful: false }).catch(() => {}));
}
