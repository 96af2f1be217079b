import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/api/problem";
import { isCallId } from "@/lib/calls/ids";
import { fetchPublic, OutboundRefused } from "@/lib/security/outbound";
import { storageSettings } from "@/lib/sources/settings";
import { presignedObjectUrl, s3ErrorCode } from "@/lib/storage/s3";

// Recordings are streamed through the app: the vendor's URL (or the presigned
// URL of a storage key) never reaches the browser, and Range requests pass
// through so that seeking works. Every refusal says why, for the player to show.

const PASSED_HEADERS = ["content-type", "content-length", "content-range", "accept-ranges", "last-modified", "etag"];

/** Where the audio is: the vendor's URL, or a presigned URL for a key in the source's bucket. */
async function recordingAddress(call: { recordingUrl: string | null; recordingKey: string | null; source: { settings: unknown } }) {
  if (call.recordingUrl) return { url: call.recordingUrl, fromBucket: false };
  if (!call.recordingKey) throw new HttpError(404, "No recording", "The vendor sent no recording for this call.");
  const storage = storageSettings(call.source.settings);
  if (!storage) {
    throw new HttpError(
      404,
      "Storage not configured",
      "The vendor stored this recording in its bucket; it plays once an admin adds the source's storage settings.",
    );
  }
  return { url: await presignedObjectUrl(storage, call.recordingKey), fromBucket: true };
}

export async function streamRecording(callId: string, request: Request, download: boolean): Promise<Response> {
  const call = isCallId(callId)
    ? await db.call.findUnique({
        where: { id: callId },
        select: { recordingUrl: true, recordingKey: true, externalId: true, source: { select: { settings: true } } },
      })
    : null;
  if (!call) throw new HttpError(404, "Not found", `No call has the id "${callId}".`);
  const { url, fromBucket } = await recordingAddress(call);

  const range = request.headers.get("range");
  let upstream: Response;
  try {
    upstream = await fetchPublic(url, { headers: range ? { range } : {}, signal: AbortSignal.timeout(15_000) });
  } catch (e) {
    if (e instanceof OutboundRefused) throw new HttpError(403, "Recording refused", `This recording's address is not allowed: ${e.message}.`);
    throw new HttpError(502, "Recording unreachable", "The vendor's storage did not answer; try again later.");
  }
  if (fromBucket && (upstream.status === 403 || upstream.status === 404)) {
    const code = await s3ErrorCode(upstream);
    if (code === "NoSuchKey" || upstream.status === 404) {
      throw new HttpError(404, "Recording missing", "The recording is not in the bucket (it may have expired under the bucket's retention rules).");
    }
    throw new HttpError(502, "Storage refused", `The bucket refused access (${code ?? upstream.status}): check the source's storage credentials.`);
  }
  if (upstream.status === 404 || upstream.status === 403 || upstream.status === 410) {
    await upstream.body?.cancel();
    throw new HttpError(404, "Recording expired", "The vendor no longer serves this recording (it may have expired).");
  }
  if (!upstream.ok || !upstream.body) {
    await upstream.body?.cancel();
    throw new HttpError(502, "Recording unavailable", `The vendor's storage answered ${upstream.status}.`);
  }

  const headers = new Headers({ "cache-control": "private, max-age=300" });
  for (const name of PASSED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  if (download) headers.set("content-disposition", `attachment; filename="call-${call.externalId.replace(/[^\w.-]/g, "_")}.audio"`);
  return new Response(upstream.body, { status: upstream.status, headers });
}
