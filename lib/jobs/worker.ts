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

const DELIVERY_BATCH = 25;

export async function startWorkers(): Promise<PgBoss> {
  const boss = await jobs();
  const polling = { pollingIntervalSeconds: 1 };

  await boss.work<{ sourceId: string }>(QUEUE.unpodPoll, polling, async ([job]) => runUnpodPollJob(job.data.sourceId));
  await boss.work<{ callId: string }>(QUEUE.transcriptFetch, { ...polling, includeMetadata: true }, async ([job]) => ({
    result: await fetchCallTranscript(job.data.callId, job.retryCount >= job.retryLimit),
  }));
  // pg-boss 10 fetches a batch per worker and then waits out its polling
  // interval; a full batch means more are waiting, so the worker is woken at
  // once. A delivery that throws is left to its lease and the maintenance
  // sweep, not to pg-boss, so that one bad delivery does not send its whole
  // batch round again.
  for (let i = 0; i < 2; i++) {
    const worker: { id?: string } = {};
    worker.id = await boss.work<{ deliveryId: string }>(QUEUE.delivery, { ...polling, batchSize: DELIVERY_BATCH }, async (batch) => {
      const results = await Promise.all(
        batch.map((job) =>
          runDelivery(job.data.deliveryId).catch((err: Error) => {
            logger.error({ err, deliveryId: job.data.deliveryId }, "delivery failed to run; the sweep will retry it");
            return "error";
          }),
        ),
      );
      if (batch.length === DELIVERY_BATCH && worker.id) boss.notifyWorker(worker.id);
      return { results };
    });
  }
  await boss.work(QUEUE.rescore, polling, async () => ({ result: await runRescore() }));
  await boss.work(QUEUE.maintenance, polling, async () => runMaintenance());

  await boss.schedule(QUEUE.maintenance, "* * * * *");
  // A first round now rather than at the next full minute.
  await boss.send(QUEUE.maintenance, {});
  logger.info("job workers started");
  return boss;
}
