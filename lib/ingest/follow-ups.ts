import { queueCallDeliveries } from "@/lib/destinations/queue";
import { enqueue, QUEUE } from "@/lib/jobs/boss";
import { logger } from "@/lib/log";
import type { CanonicalCall } from "@/lib/providers/canonical";
import { queueArchive } from "@/lib/recordings/queue";
import type { SavedFacts } from "./save-call";

// Step 5: work that can wait until after the answer (transcript fetch,
// the recording's archive copy, forwarding). Queueing must not fail the ingestion: the call is already
// saved, and the maintenance sweep (lib/jobs/maintenance.ts) queues transcript
// fetches and deliveries whose job was not queued here.

export async function enqueueFollowUps(callId: string, call: CanonicalCall, saved: SavedFacts): Promise<void> {
  if (call.transcriptUrl && call.transcript.length === 0) {
    await enqueue(QUEUE.transcriptFetch, { callId }, { key: callId }).catch((err: Error) =>
      logger.warn({ callId, err: err.message }, "could not queue the transcript fetch; the sweep will"),
    );
  }
  await queueArchive(callId).catch((err: Error) => logger.warn({ callId, err: err.message }, "could not queue the recording's archive copy; the sweep will"));
  await queueCallDeliveries(callId, saved).catch((err: Error) => logger.warn({ callId, err: err.message }, "could not queue deliveries"));
}
