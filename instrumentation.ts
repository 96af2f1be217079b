// Next.js calls register() once when the server starts. The job queue's
// workers run here, in the app's own process, so `npm start` is the whole
// product on one machine; `npm run worker` adds more worker processes.
// JOBS_IN_PROCESS=off leaves the work to those processes alone.

// Each process also drains its own spool of webhooks kept while the database
// was away (lib/ingest/spool), whatever JOBS_IN_PROCESS says.

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startSpoolDrainer } = await import("./lib/ingest/spool/drainer");
  startSpoolDrainer();
  if (process.env.JOBS_IN_PROCESS === "off") return;
  const { startWorkersInApp } = await import("./lib/jobs/in-app");
  await startWorkersInApp();
}
