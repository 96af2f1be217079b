import type PgBoss from "pg-boss";
import { fetchCallTranscript } from "@/lib/ingest/transcript-fetch";
import { logger } from "@/lib/log";
import { jobs, QUEUE } from "./boss";
import { runMaintenance } from "./maintenance";
import { runUnpodPollJob } from "./unpod";

// Registers this process as a worker for every queue. Runs inside the app
// (instrumentation.ts) and in each `npm run worker` process.

export async function startWorkers(): Promise<PgBoss> {
  const boss = await jobs();
  const polling = { pollingIntervalSeconds: 1 };

  await boss.work<{ sourceId: string }>(QUEUE.unpodPoll, polling, async ([job]) => runUnpodPollJob(job.data.sourceId));
  await boss.work<{ callId: string }>(QUEUE.transcriptFetch, { ...polling, includeMetadata: true }, async ([job]) => ({
    result: await fetchCallTranscript(job.data.callId, job.retryCount >= job.retryLimit),
  }));
  await boss.work(QUEUE.maintenance, polling, async () => runMaintenance());

  await boss.schedule(QUEUE.maintenance, "* * * * *");
  // A first round now rather than at the next full minute.
  await boss.send(QUEUE.maintenance, {});
  logger.info("job workers started");
  return boss;
}
