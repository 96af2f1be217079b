import { createHash } from "node:crypto";
import { pool } from "@/lib/db/pool";
import type { RecordingArchiveColumns } from "@/lib/db/columns";
import { sniffAudio, SNIFF_BYTES } from "@/lib/calls/audio-type";
import { analyseAudio } from "./analysis";
import { logger } from "@/lib/log";
import { removeUnlessShared } from "./retention";
import { contentKey, recordingStore } from "./store";

// The one way a recording enters the archive, whether the job downloaded it
// from a vendor or the demo seed read it from the repository: judged by its
// own bytes (only audio is kept, whatever the label said), named by its
// content hash (a vendor resending a call, or demo calls sharing a clip, keep
// one file), measured once (duration and the level strip), then stored.

export class NotAudio extends Error {}

type Reused = Pick<RecordingArchiveColumns, "content_type" | "duration_ms" | "levels">;

/** Stores `bytes` as the call's recording; throws NotAudio when they hold no audio container. */
export async function keepRecording(callId: string, bytes: Uint8Array): Promise<void> {
  const audio = await sniffAudio(bytes.subarray(0, SNIFF_BYTES));
  if (!audio) throw new NotAudio("The file is not audio (its first bytes match no audio format), so it is not kept.");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const key = contentKey(sha256, audio.extension);

  const { rows } = await pool.query<Reused>(
    `SELECT content_type, duration_ms, levels FROM recording_archives WHERE storage_key = $1 AND status = 'stored' LIMIT 1`,
    [key],
  );
  const known = rows[0];
  const measured = known
    ? { type: known.content_type, durationMs: known.duration_ms, levels: known.levels }
    : { type: audio.type, ...(await analyseAudio(bytes, audio.type)) };
  // Written even when known: cheap, and it heals a file that went missing from the store.
  try {
    await recordingStore().put(key, bytes, measured.type ?? audio.type);
  } catch (e) {
    // The store's own message names the bucket and its settings: for the log, not for every reader of the call.
    logger.error({ callId, err: (e as Error).message }, "the recording store refused a copy");
    throw new Error("The archive storage is unavailable; trying again.", { cause: e });
  }

  const { rowCount } = await pool.query(
    `INSERT INTO recording_archives (call_id, status, storage_key, sha256, content_type, bytes, duration_ms, levels, error, archived_at, updated_at)
     VALUES ($1, 'stored', $2, $3, $4, $5, $6, $7, NULL, now(), now())
     ON CONFLICT (call_id) DO UPDATE SET status = 'stored', storage_key = $2, sha256 = $3, content_type = $4, bytes = $5,
       duration_ms = $6, levels = $7, error = NULL, archived_at = now(), updated_at = now()
     WHERE recording_archives.status <> 'deleted'`,
    [callId, key, sha256, measured.type ?? audio.type, bytes.byteLength, measured.durationMs, JSON.stringify(measured.levels)],
  );
  // Retention deleted this call's recording while it was being copied: the file goes too, unless another call keeps it.
  if (!rowCount) await removeUnlessShared(key);
}
