import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { isCallId } from "@/lib/calls/ids";
import { fetchPublic, OutboundRefused } from "@/lib/security/outbound";
import { audioExtension, audioType, essenceOf, needsSniffing, SNIFF_BYTES } from "./audio-type";
import { readHead } from "./stream-head";
import { storageSettings } from "@/lib/storage/settings";
import { presignedObjectUrl, s3ErrorCode } from "@/lib/storage/s3";
import { serveArchived } from "@/lib/recordings/serve";

// Recordings play from the app's own archive once a copy is kept there
// (lib/recordings); until then, or if the copy went missing, they are
// streamed through the app from the vendor: the vendor's URL (or the presigned
// URL of a storage key) never reaches the browser, and Range requests pass
// through so that seeking works. Only audio is passed on, labelled so that the
// browser can do nothing with it but play it. Every refusal says why, for the
// player to show.

const PASSED_HEADERS = ["content-length", "content-range", "accept-ranges", "last-modified", "etag"];

/** Where the audio is: the vendor's URL, or a presigned URL for a key in the source's bucket. */
export async function recordingAddress(call: { recordingUrl: string | null; recordingKey: string | null; source: { settings: unknown } }) {
  if (call.recordingUrl) return { url: call.recordingUrl, fromBucket: false };
  if (!call.recordingKey) throw new DomainError("not_found", "No recording", "The vendor sent no recording for this call.");
  const storage = storageSettings(call.source.settings);
  if (!storage) {
    throw new DomainError(
      "not_found",
      "Storage not configured",
      "The vendor stored this recording in its bucket; it plays once an admin adds the source's storage settings.",
    );
  }
  return { url: await presignedObjectUrl(storage, call.recordingKey), fromBucket: true };
}

/** GETs the recording, Range passed on; refusals and unreachable storage become clear errors. */
async function fetchRecording(url: string, range: string | null): Promise<Response> {
  try {
    return await fetchPublic(url, { headers: range ? { range } : {}, signal: AbortSignal.timeout(15_000) });
  } catch (e) {
    if (e instanceof OutboundRefused) throw new DomainError("refused", "Recording refused", `This recording's address is not allowed: ${e.message}.`);
    throw new DomainError("upstream", "Recording unreachable", "The vendor's storage did not answer; try again later.");
  }
}

/** Turns a storage answer that is not the recording into an error that says why. */
async function refuseFailure(upstream: Response, fromBucket: boolean): Promise<void> {
  if (fromBucket && (upstream.status === 403 || upstream.status === 404)) {
    const code = await s3ErrorCode(upstream);
    if (code === "NoSuchKey" || upstream.status === 404) {
      throw new DomainError("not_found", "Recording missing", "The recording is not in the bucket (it may have expired under the bucket's retention rules).");
    }
    throw new DomainError("upstream", "Storage refused", `The bucket refused access (${code ?? upstream.status}): check the source's storage credentials.`);
  }
  if (upstream.status === 404 || upstream.status === 403 || upstream.status === 410) {
    await upstream.body?.cancel();
    throw new DomainError("not_found", "Recording expired", "The vendor no longer serves this recording (it may have expired).");
  }
  if (!upstream.ok || !upstream.body) {
    await upstream.body?.cancel();
    throw new DomainError("upstream", "Recording unavailable", `The vendor's storage answered ${upstream.status}.`);
  }
}

const startsAtZero = (response: Response) => response.status === 200 || /^bytes 0-/.test(response.headers.get("content-range") ?? "");

/**
 * The audio type to serve, judged from the declared type or, for unlabelled
 * answers, from the file's first bytes (read from this answer when it starts
 * enough of the file, else asked for separately). Returns the body still whole.
 */
async function judgeAudio(upstream: Response, url: string): Promise<{ type: string | null; body: ReadableStream<Uint8Array> }> {
  const declared = upstream.headers.get("content-type");
  let body: ReadableStream<Uint8Array> = upstream.body!;
  if (!needsSniffing(declared)) return { type: await audioType(declared), body };
  if (startsAtZero(upstream)) {
    const { head, stream } = await readHead(body, SNIFF_BYTES);
    // A short range (the player's bytes=0-0) is too little to judge: ask for more below.
    if (head.length >= SNIFF_BYTES || upstream.status === 200) return { type: await audioType(declared, head), body: stream };
    body = stream;
  }
  const probe = await fetchRecording(url, `bytes=0-${SNIFF_BYTES - 1}`);
  // Never more than the head, whatever the storage sends back.
  let head: Uint8Array | undefined;
  if (probe.ok && probe.body) {
    const read = await readHead(probe.body, SNIFF_BYTES);
    head = read.head;
    await read.stream.cancel();
  } else await probe.body?.cancel();
  return { type: await audioType(declared, head), body };
}

export async function streamRecording(callId: string, request: Request, download: boolean): Promise<Response> {
  const call = isCallId(callId)
    ? await db.call.findUnique({
        where: { id: callId },
        select: {
          recordingUrl: true,
          recordingKey: true,
          externalId: true,
          source: { select: { settings: true } },
          recording: { select: { status: true, storageKey: true, contentType: true, bytes: true, sha256: true, deletedAfterDays: true } },
        },
      })
    : null;
  if (!call) throw new DomainError("not_found", "Not found", `No call has the id "${callId}".`);
  const name = `call-${call.externalId.replace(/[^\w.-]/g, "_").slice(0, 80)}`;
  if (call.recording?.status === "deleted") {
    throw new DomainError(
      "gone",
      "Recording deleted",
      `The recording was deleted ${call.recording.deletedAfterDays} days after the call by the retention setting.`,
    );
  }
  if (call.recording?.status === "stored") {
    const archived = await serveArchived(callId, call.recording, request, { name, download });
    if (archived) return archived;
  }
  const { url, fromBucket } = await recordingAddress(call);

  const upstream = await fetchRecording(url, request.headers.get("range"));
  await refuseFailure(upstream, fromBucket);
  const { type, body } = await judgeAudio(upstream, url);
  if (!type) {
    await body.cancel();
    const declared = essenceOf(upstream.headers.get("content-type")) || "no content type";
    throw new DomainError("upstream", "Not audio", `The vendor's storage answered with ${declared}, not audio, so it is not played or passed on.`);
  }

  const filename = `${name}.${audioExtension(type)}`;
  const headers = new Headers({
    "content-type": type,
    "cache-control": "private, max-age=300",
    // With nosniff and the sandboxing CSP that every API answer gets (next.config.js),
    // the bytes stay inert whatever they are: never sniffed into a page, never able to run script.
    "content-disposition": `${download ? "attachment" : "inline"}; filename="${filename}"`,
  });
  for (const name of PASSED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(body, { status: upstream.status, headers });
}
