// npm run worker: one more process working the job queue (Unpod polls,
// transcript fetches, maintenance) beside the app. Needs DATABASE_URL and
// SECRETS_KEY, the same as the app's. Ctrl-C finishes running jobs, then exits.
import { pool } from "../db/pool";
import { stopJobs } from "../jobs/boss";
import { startWorkers } from "../jobs/worker";
import { logger } from "../log";

await startWorkers();
logger.info("worker running; Ctrl-C to stop");

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  logger.info("stopping: finishing running jobs");
  await stopJobs();
  await pool.end();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
