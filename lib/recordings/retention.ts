import { pool } from "@/lib/db/pool";
import { db } from "@/lib/db/client";
import type { RecordingArchiveColumns } from "@/lib/db/columns";
import { logger } from "@/lib/log";
import { recordingStore } from "./store";

// The daily retention job. Each source may keep recordings N days and
// transcripts with raw payloads M days after the call (unset: for ever).
// What expires is deleted for good, files and rows, but the call row stays
// with a note of what went and why: lists, counts and rollups are built from
// call rows, so they do not move. A recording past retention is marked
// deleted even where no copy was archived, so the vendor's copy stops being
// played too.

const BATCH = 1000;

export interface RetentionResult {
  recordings: number;
  files: number;
  transcripts: number;
  rawEvents: number;
}

export async function runRetention(): Promise<RetentionResult> {
  const sources = await db.source.findMany({
    where: { OR: [{ recordingRetentionDays: { not: null } }, { transcriptRetentionDays: { not: null } }] },
    select: { id: true, slug: true, recordingRetentionDays: true, transcriptRetentionDays: true },
  });
  const total: RetentionResult = { recordings: 0, files: 0, transcripts: 0, rawEvents: 0 };
  for (const source of sources) {
    const removed = { recordings: 0, files: 0, transcripts: 0, rawEvents: 0 };
    if (source.recordingRetentionDays) Object.assign(removed, await expireRecordings(source.id, source.recordingRetentionDays));
    if (source.transcriptRetentionDays) Object.assign(removed, await expireTranscripts(source.id, source.transcriptRetentionDays));
    if (Object.values(removed).some(Boolean)) {
      logger.info(
        { source: source.slug, ...removed, recordingDays: source.recordingRetentionDays, transcriptDays: source.transcriptRetentionDays },
        "retention deleted",
      );
    }
    for (const key of Object.keys(total) as (keyof RetentionResult)[]) total[key] += removed[key];
  }
  return total;
}

async function expireRecordings(sourceId: string, days: number) {
  let recordings = 0;
  let files = 0;
  for (;;) {
    const { rows } = await pool.query<Pick<RecordingArchiveColumns, "storage_key">>(
      `INSERT INTO recording_archives (call_id, status, deleted_at, deleted_after_days)
       SELECT c.id, 'deleted', now(), $2 FROM calls c
       WHERE c.source_id = $1 AND c.started_at < now() - make_interval(days => $2)
         AND (c.recording_url IS NOT NULL OR c.recording_key IS NOT NULL)
         AND NOT EXISTS (SELECT 1 FROM recording_archives a WHERE a.call_id = c.id AND a.status = 'deleted')
       LIMIT ${BATCH}
       ON CONFLICT (call_id) DO UPDATE SET status = 'deleted', deleted_at = now(), deleted_after_days = $2, levels = '[]', error = NULL, updated_at = now()
       RETURNING storage_key`,
      [sourceId, days],
    );
    recordings += rows.length;
    const keys = new Set(rows.flatMap((r) => (r.storage_key ? [r.storage_key] : [])));
    for (const key of keys) if (await removeUnlessShared(key)) files++;
    if (rows.length < BATCH) return { recordings, files };
  }
}

/** A file is named by its content, so another call may still hold it: removed only when none does. */
export async function removeUnlessShared(key: string): Promise<boolean> {
  const { rowCount } = await pool.query(`SELECT 1 FROM recording_archives WHERE storage_key = $1 AND status = 'stored' LIMIT 1`, [key]);
  if (rowCount) return false;
  await recordingStore().remove(key);
  return true;
}

async function expireTranscripts(sourceId: string, days: number) {
  let transcripts = 0;
  for (;;) {
    const { rowCount } = await pool.query(
      `WITH expired AS (
         DELETE FROM transcripts t USING calls c
         WHERE t.call_id = c.id AND c.id IN (
           SELECT c2.id FROM transcripts t2 JOIN calls c2 ON c2.id = t2.call_id
           WHERE c2.source_id = $1 AND c2.started_at < now() - make_interval(days => $2) LIMIT ${BATCH})
         RETURNING t.call_id)
       , quotes AS (
         -- Tracker hits outlive the transcript (who said "price" still counts), their quotes of it do not.
         UPDATE call_tracker_hits h SET hits = (SELECT coalesce(jsonb_agg(jsonb_set(x, '{text}', '""') ORDER BY i), '[]'::jsonb) FROM jsonb_array_elements(h.hits) WITH ORDINALITY AS l (x, i))
         FROM expired e WHERE h.call_id = e.call_id)
       UPDATE calls c SET transcript_deleted_at = now(), transcript_deleted_after_days = $2,
         lead_signals = (SELECT coalesce(jsonb_agg(CASE WHEN s->'evidence' ? 'text' THEN jsonb_set(s, '{evidence,text}', '""') ELSE s END ORDER BY i), '[]'::jsonb)
                         FROM jsonb_array_elements(c.lead_signals) WITH ORDINALITY AS l (s, i))
       FROM expired e WHERE c.id = e.call_id`,
      [sourceId, days],
    );
    transcripts += rowCount ?? 0;
    if ((rowCount ?? 0) < BATCH) break;
  }
  // A call's raw payloads go with its transcript; those of no call (refused, failed) go by when they arrived.
  // Payloads still waiting to be processed stay.
  const ofCalls = await pool.query(
    `DELETE FROM raw_events e USING calls c
     WHERE e.call_id = c.id AND c.source_id = $1 AND c.started_at < now() - make_interval(days => $2) AND e.status <> 'received'`,
    [sourceId, days],
  );
  const unattached = await pool.query(
    `DELETE FROM raw_events WHERE source_id = $1 AND call_id IS NULL AND received_at < now() - make_interval(days => $2) AND status <> 'received'`,
    [sourceId, days],
  );
  return { transcripts, rawEvents: (ofCalls.rowCount ?? 0) + (unattached.rowCount ?? 0) };
}
