import { queueCallDeliveries, queueCallDeliveryJobs } from "@/lib/destinations/queue";
import { enqueueSoon } from "@/lib/jobs/batch";
import { QUEUE } from "@/lib/jobs/boss";
import { logger } from "@/lib/log";
import type { CanonicalCall } from "@/lib/providers/canonical";
import { queueArchive, queueArchiveJob } from "@/lib/recordings/queue";
import type { SavedFacts, WrittenFollowUps } from "./save-call";

// Step 5: work that can wait until after the answer (transcript fetch,
// the recording's archive copy, forwarding). A new call's archive row and
// deliveries are written with it; here their jobs are queued. Queueing must
// not fail the ingestion: the call is already saved, and the maintenance sweep
// (lib/jobs/maintenance.ts) queues transcript fetches, archive copies and
// deliveries whose job was not queued here.

/** `written`: the rows a new call's statement wrote (lib/ingest/save-call.ts); only their jobs are left to queue. */
export async function enqueueFollowUps(callId: string, call: CanonicalCall, saved: SavedFacts, written?: WrittenFollowUps): Promise<void> {
  if (call.transcriptUrl && call.transcript.length === 0) {
    await enqueueSoon(QUEUE.transcriptFetch, { callId }, callId).catch((err: Error) =>
      logger.warn({ callId, err: err.message }, "could not queue the transcript fetch; the sweep will"),
    );
  }
  const archive = !written ? queueArchive(callId) : written.archiveRow ? queueArchiveJob(callId) : Promise.resolve();
  await archive.catch((err: Error) => logger.warn({ callId, err: err.message }, "could not queue the recording's archive copy; the sweep will"));
  await (written ? queueCallDeliveryJobs(written.deliveryIds) : queueCallDeliveries(callId, saved)).catch((err: Error) =>
    logger.warn({ callId, err: err.message }, "could not queue deliveries"),
  );
}
