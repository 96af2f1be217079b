import { pool } from "@/lib/db/pool";
import type { RecordingArchiveColumns } from "@/lib/db/columns";
import { enqueueSoon } from "@/lib/jobs/batch";
import { enqueue, enqueueMany, QUEUE } from "@/lib/jobs/boss";

// A call with a recording gets an archive row ("pending") and a job to fill
// it. The row is the record of the work: the maintenance sweep queues a job
// for any pending row that has none (a queue that was down at save time, a
// backfill), so no recording is left behind for good.

const SWEEP_BATCH = 500;

/** A new call's job, its pending row written with the call (lib/ingest/save-call.ts); sent with the next batch of jobs. */
export function queueArchiveJob(callId: string): Promise<void> {
  return enqueueSoon(QUEUE.recordingArchive, { callId }, callId);
}

/** After a call is saved: a pending row and a job, unless the call has no recording or already has its row. */
export async function queueArchive(callId: string): Promise<void> {
  const { rowCount } = await pool.query(
    `INSERT INTO recording_archives (call_id)
     SELECT id FROM calls WHERE id = $1 AND (recording_url IS NOT NULL OR recording_key IS NOT NULL)
     ON CONFLICT (call_id) DO NOTHING`,
    [callId],
  );
  if (rowCount) await enqueue(QUEUE.recordingArchive, { callId }, { key: callId });
}

/** Pending rows with no job queued, running or waiting to retry: each gets one. */
export async function sweepArchives(): Promise<number> {
  const { rows } = await pool.query<Pick<RecordingArchiveColumns, "call_id">>(
    `SELECT a.call_id FROM recording_archives a
     WHERE a.status = 'pending' AND a.created_at < now() - interval '1 minute'
       AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = $1 AND j.singleton_key = a.call_id::text AND j.state < 'completed')
     LIMIT ${SWEEP_BATCH}`,
    [QUEUE.recordingArchive],
  );
  await enqueueMany(
    QUEUE.recordingArchive,
    rows.map(({ call_id }) => ({ data: { callId: call_id }, key: call_id })),
  );
  return rows.length;
}
