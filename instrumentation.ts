// Next.js calls register() once when the server starts. The job queue's
// workers run here, in the app's own process, so `npm start` is the whole
// product on one machine; `npm run worker` adds more worker processes.
// JOBS_IN_PROCESS=off leaves the work to those processes alone.

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.JOBS_IN_PROCESS === "off") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startWorkersInApp } = await import("./lib/jobs/in-app");
  await startWorkersInApp();
}
