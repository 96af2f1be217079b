import { pool } from "@/lib/db/pool";
import type { RecordingArchiveColumns } from "@/lib/db/columns";
import { backfill, type BackfillState, type BatchResult } from "@/lib/jobs/backfill";
import { enqueue, enqueueMany, QUEUE } from "@/lib/jobs/boss";

// Calls stored before the archive existed (or whose copy failed and may
// succeed now, say after an admin fixed a source's storage settings) are
// walked in batches by id: each recording gets a pending row and a job.
// Progress is the walk's; the archive's own counts say how far the copies are.

const BATCH = 1000;

const archiving = backfill("recordings-backfill");

export type ArchiveBackfillState = BackfillState;
export const archiveBackfillState = archiving.read;

export async function startArchiveBackfill(): Promise<ArchiveBackfillState> {
  const state = await archiving.start();
  await enqueue(QUEUE.recordingBackfill, {}, { key: "recordings-backfill" });
  return state;
}

async function archiveBatch(afterId: string): Promise<BatchResult> {
  const { rows } = await pool.query<{ id: string; queued: string | null }>(
    `WITH batch AS (SELECT id, recording_url IS NOT NULL OR recording_key IS NOT NULL AS has_recording FROM calls WHERE id > $1 ORDER BY id LIMIT ${BATCH}),
     queued AS (
       INSERT INTO recording_archives (call_id) SELECT id FROM batch WHERE has_recording
       ON CONFLICT (call_id) DO UPDATE SET status = 'pending', error = NULL, attempts = 0, updated_at = now()
       WHERE recording_archives.status = 'failed'
       RETURNING call_id)
     SELECT b.id::text, q.call_id::text AS queued FROM batch b LEFT JOIN queued q ON q.call_id = b.id ORDER BY b.id`,
    [afterId],
  );
  const queued = rows.flatMap((r) => (r.queued ? [r.queued] : []));
  await enqueueMany(
    QUEUE.recordingArchive,
    queued.map((callId) => ({ data: { callId }, key: callId })),
  );
  return { seen: rows.length, changed: queued.length, lastId: rows.length === BATCH ? rows[rows.length - 1].id : null };
}

export function runArchiveBackfill(): Promise<string> {
  return archiving.run("recordings queued for the archive", () => Promise.resolve(archiveBatch));
}

export interface ArchiveCounts {
  pending: number;
  stored: number;
  failed: number;
  deleted: number;
  /** Bytes the stored copies take (files shared by several calls counted once). */
  bytes: number;
}

export async function archiveCounts(): Promise<ArchiveCounts> {
  const [byStatus, size] = await Promise.all([
    pool.query<Pick<RecordingArchiveColumns, "status"> & { count: number }>(`SELECT status, count(*)::int AS count FROM recording_archives GROUP BY status`),
    pool.query<{ bytes: string | null }>(
      `SELECT sum(bytes) AS bytes FROM (SELECT DISTINCT ON (storage_key) bytes FROM recording_archives WHERE status = 'stored' ORDER BY storage_key) f`,
    ),
  ]);
  const counts: ArchiveCounts = { pending: 0, stored: 0, failed: 0, deleted: 0, bytes: Number(size.rows[0]?.bytes ?? 0) };
  for (const r of byStatus.rows) counts[r.status] = r.count;
  return counts;
}
