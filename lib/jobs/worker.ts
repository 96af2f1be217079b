import type { JobResult, JobWithMetadata, PgBoss } from "pg-boss";
import { runDelivery } from "@/lib/destinations/deliver";
import { fetchCallTranscript } from "@/lib/ingest/transcript-fetch";
import { runRescore } from "@/lib/scoring/rescore";
import { runRebucket } from "@/lib/stats/rebucket";
import { runReapply } from "@/lib/agents/reapply";
import { runTrackerReapply, startTrackerReapplyIfNeverRun } from "@/lib/trackers/reapply";
import { logger } from "@/lib/log";
import { jobs, QUEUE, type JobData } from "./boss";
import { archiveRecording } from "@/lib/recordings/archive-job";
import { runArchiveBackfill } from "@/lib/recordings/backfill";
import { runRetention } from "@/lib/recordings/retention";
import { runMetricsBackfill, startMetricsBackfillIfNeeded } from "@/lib/calls/metrics/backfill";
import { runMaintenance } from "./maintenance";
import { runDigestSend } from "@/lib/digests/send";
import { runMetricAlerts } from "@/lib/alerts/job";
import { sendAlertMail } from "@/lib/alerts/mail";
import { runPollJob } from "./poll";

// Registers this process as a worker for every queue. Runs inside the app
// (instrumentation.ts) and in each `npm run worker` process.

const DELIVERY_BATCH = 25;
// Four copies at once per process: each holds its file in memory (RECORDINGS_MAX_BYTES at most).
const ARCHIVE_BATCH = 4;

export async function startWorkers(): Promise<PgBoss> {
  const boss = await jobs();
  const polling = { pollingIntervalSeconds: 1 };

  await boss.work<JobData[typeof QUEUE.poll]>(QUEUE.poll, polling, async ([job]) => runPollJob(job.data.sourceId));
  await boss.work(QUEUE.transcriptFetch, { ...polling, includeMetadata: true }, async ([job]: JobWithMetadata<JobData[typeof QUEUE.transcriptFetch]>[]) => ({
    result: await fetchCallTranscript(job.data.callId, job.retryCount >= job.retryLimit),
  }));
  // Deliveries go out in batches, two at once per process; a full batch means
  // more are waiting, so the worker fetches again at once (burstWhenBatchFull).
  // Each job is settled on its own: one delivery that throws is retried by
  // pg-boss without sending the rest of its batch round again.
  await boss.work<JobData[typeof QUEUE.delivery]>(
    QUEUE.delivery,
    { ...polling, batchSize: DELIVERY_BATCH, localConcurrency: 2, burstWhenBatchFull: true, perJobResults: true },
    async (batch) =>
      Promise.all(
        batch.map(async (job): Promise<JobResult> => {
          try {
            return { id: job.id, status: "completed", output: { result: await runDelivery(job.data.deliveryId) } };
          } catch (err) {
            logger.error({ err, deliveryId: job.data.deliveryId }, "delivery failed to run; it is retried");
            return { id: job.id, status: "failed", output: { message: err instanceof Error ? err.message : String(err) } };
          }
        }),
      ),
  );
  await boss.work(QUEUE.rescore, polling, async () => ({ result: await runRescore() }));
  await boss.work(QUEUE.rebucket, polling, async () => ({ result: await runRebucket() }));
  await boss.work(QUEUE.agentAliases, polling, async () => ({ result: await runReapply() }));
  await boss.work(QUEUE.trackers, polling, async () => ({ result: await runTrackerReapply() }));
  // Recordings are copied in batches, all of a batch at once; a full batch
  // means more wait (a backfill), so the worker fetches again at once. A copy
  // that throws is retried on its own, with the queue's back-off.
  await boss.work(
    QUEUE.recordingArchive,
    { ...polling, batchSize: ARCHIVE_BATCH, burstWhenBatchFull: true, perJobResults: true, includeMetadata: true },
    async (batch: JobWithMetadata<JobData[typeof QUEUE.recordingArchive]>[]) =>
      Promise.all(
        batch.map(async (job): Promise<JobResult> => {
          try {
            return { id: job.id, status: "completed", output: { result: await archiveRecording(job.data.callId, job.retryCount >= job.retryLimit) } };
          } catch (err) {
            return { id: job.id, status: "failed", output: { message: err instanceof Error ? err.message : String(err) } };
          }
        }),
      ),
  );
  await boss.work(QUEUE.recordingBackfill, polling, async () => ({ result: await runArchiveBackfill() }));
  await boss.work(QUEUE.talkMetrics, polling, async () => ({ result: await runMetricsBackfill() }));
  await boss.work(QUEUE.retention, polling, async () => ({ result: await runRetention() }));
  await boss.work<JobData[typeof QUEUE.digests]>(QUEUE.digests, polling, async ([job]) => ({ result: await runDigestSend(job.data.sendId) }));
  await boss.work(QUEUE.maintenance, polling, async () => runMaintenance());
  await boss.work(QUEUE.metricAlerts, polling, async () => ({ result: await runMetricAlerts() }));
  await boss.work(QUEUE.metricAlertMail, { ...polling, includeMetadata: true }, async ([job]: JobWithMetadata<JobData[typeof QUEUE.metricAlertMail]>[]) => ({
    result: await sendAlertMail(job.data.alertId, job.data.state, job.retryCount >= job.retryLimit),
  }));

  await boss.schedule(QUEUE.maintenance, "* * * * *");
  await boss.schedule(QUEUE.metricAlerts, "* * * * *");
  // Once a day, at night in UTC; RETENTION_CRON moves it (tests run it every minute).
  await boss.schedule(QUEUE.retention, process.env.RETENTION_CRON ?? "17 3 * * *");
  // A first round now rather than at the next full minute.
  await boss.send(QUEUE.maintenance, {} satisfies JobData[typeof QUEUE.maintenance]);
  // Calls stored before talk metrics existed (or before a formula changed) get them in the background.
  void startMetricsBackfillIfNeeded().catch((err) => logger.error({ err: (err as Error).message }, "could not check for calls without talk metrics"));
  void startTrackerReapplyIfNeverRun().catch((err) => logger.error({ err: (err as Error).message }, "could not check whether trackers were applied"));
  logger.info("job workers started");
  return boss;
}
