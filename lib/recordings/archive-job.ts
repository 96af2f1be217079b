import { pool } from "@/lib/db/pool";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { recordingAddress } from "@/lib/calls/recording";
import { readBodyCapped } from "@/lib/ingest/read-body";
import { fetchPublic, OutboundRefused } from "@/lib/security/outbound";
import { keepRecording, NotAudio } from "./keep";

// The job that copies one call's recording from the vendor into the archive,
// through the outbound guard like every fetch of a vendor's address. A
// recording may not be ready the moment the call is reported, so missing
// files, slow or failing storage are retried with back-off (the queue's);
// what no retry can fix (not audio, too large, an address that is not
// allowed) fails at once. Each failure is written on the archive row, which
// the call page shows.

const TIMEOUT_MS = 120_000;

class Permanent extends Error {}

export type ArchiveResult = "archived" | "skipped" | "gave_up";

export async function archiveRecording(callId: string, lastAttempt: boolean): Promise<ArchiveResult> {
  const call = await db.call.findUnique({
    where: { id: callId },
    select: { recordingUrl: true, recordingKey: true, source: { select: { settings: true } }, recording: { select: { status: true } } },
  });
  if (!call || call.recording?.status !== "pending") return "skipped";
  await pool.query(`UPDATE recording_archives SET attempts = attempts + 1, updated_at = now() WHERE call_id = $1`, [callId]);

  try {
    await keepRecording(callId, await download(call));
    return "archived";
  } catch (e) {
    const permanent = e instanceof Permanent || e instanceof NotAudio;
    const reason = (e as Error).message;
    const final = permanent || lastAttempt;
    await pool.query(
      `UPDATE recording_archives SET error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END, updated_at = now() WHERE call_id = $1 AND status = 'pending'`,
      [callId, reason, final],
    );
    if (final) logger.warn({ callId, reason }, "recording not archived");
    if (!permanent) throw e;
    return "gave_up";
  }
}

async function download(call: Parameters<typeof recordingAddress>[0]): Promise<Uint8Array> {
  const max = env().RECORDINGS_MAX_BYTES;
  let response: Response;
  try {
    const { url } = await recordingAddress(call);
    response = await fetchPublic(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (e) {
    if (e instanceof OutboundRefused) throw new Permanent(`The recording's address is not allowed: ${e.message}.`, { cause: e });
    if (e instanceof DomainError && e.kind !== "upstream") throw new Permanent(e.message, { cause: e });
    throw new Error(`The vendor's storage did not answer (${(e as Error).message}).`, { cause: e });
  }
  if (!response.ok) {
    await response.body?.cancel();
    // Not found may only mean "not ready yet": retried like a server error.
    const retryable = response.status >= 500 || [403, 404, 408, 410, 425, 429].includes(response.status);
    const message = `The vendor's storage answered ${response.status}.`;
    throw retryable ? new Error(message) : new Permanent(message);
  }
  const tooLarge = () => new Permanent(`The recording is larger than ${Math.round(max / 1024 / 1024)} MB (RECORDINGS_MAX_BYTES), so it is not kept.`);
  if (Number(response.headers.get("content-length") ?? 0) > max) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const bytes = await readBodyCapped(response.body, max);
  if (!bytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  return bytes;
}
