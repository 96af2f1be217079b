// npm run worker: one more process working the job queue (Unpod polls,
// transcript fetches, maintenance) beside the app. It uses the same
// DATABASE_URL and SECRETS_KEY as the app; next to `npm start` on this machine
// it finds them itself (the embedded database, .data/secrets-key).
// Ctrl-C lets running jobs finish, then exits.
import { existsSync, readFileSync } from "node:fs";

if (!process.env.DATABASE_URL) {
  process.env.DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${process.env.EMBEDDED_PG_PORT ?? 54329}/calls`;
  console.log("DATABASE_URL is not set: using npm start's embedded database.");
}
if (!process.env.SECRETS_KEY && existsSync(".data/secrets-key")) process.env.SECRETS_KEY = readFileSync(".data/secrets-key", "utf8").trim();

const { endPools } = await import("../db/pool");
const { stopJobs } = await import("../jobs/boss");
const { startWorkers } = await import("../jobs/worker");
const { logger } = await import("../log");

await startWorkers().catch((e: Error) => {
  console.error(`The worker could not start: ${e.message}`);
  process.exit(1);
});
logger.info("worker running; Ctrl-C to stop");

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  logger.info("stopping: finishing running jobs");
  await stopJobs();
  // Polled calls' variable keys are counted after each save: written before the pool closes.
  await (await import("../calls/variables/count-soon")).keyCountsWritten();
  await endPools();
  process.exit(0);
};
const stopOrFail = () => {
  stop().catch((e: unknown) => {
    logger.error({ err: e }, "stopping failed");
    process.exit(1);
  });
};
process.on("SIGINT", stopOrFail);
process.on("SIGTERM", stopOrFail);
