import type PgBoss from "pg-boss";
import { runDelivery } from "@/lib/destinations/deliver";
import { fetchCallTranscript } from "@/lib/ingest/transcript-fetch";
import { runRescore } from "@/lib/scoring/rescore";
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
  // Deliveries wait on their destination's rate limit, so a few run side by side
  // (pg-boss 10 runs one job at a time per registered worker).
  for (let i = 0; i < 4; i++) {
    await boss.work<{ deliveryId: string }>(QUEUE.delivery, polling, async ([job]) => ({
      result: await runDelivery(job.data.deliveryId).catch((err: Error) => {
        logger.error({ err, deliveryId: job.data.deliveryId }, "delivery job failed; it will be retried");
        throw err;
      }),
    }));
  }
  await boss.work(QUEUE.rescore, polling, async () => ({ result: await runRescore() }));
  await boss.work(QUEUE.maintenance, polling, async () => runMaintenance());

  await boss.schedule(QUEUE.maintenance, "* * * * *");
  // A first round now rather than at the next full minute.
  await boss.send(QUEUE.maintenance, {});
  logger.info("job workers started");
  return boss;
}
