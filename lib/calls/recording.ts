import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/api/problem";
import { isCallId } from "@/lib/calls/ids";
import { fetchPublic, OutboundRefused } from "@/lib/security/outbound";

// Recordings are streamed through the app: the vendor's URL never reaches the
// browser, and Range requests pass through so that seeking works.

const PASSED_HEADERS = ["content-type", "content-length", "content-range", "accept-ranges", "last-modified", "etag"];

export async function streamRecording(callId: string, request: Request, download: boolean): Promise<Response> {
  const call = isCallId(callId)
    ? await db.call.findUnique({ where: { id: callId }, select: { recordingUrl: true, recordingKey: true, externalId: true } })
    : null;
  if (!call) throw new HttpError(404, "Not found", `No call has the id "${callId}".`);
  if (!call.recordingUrl) {
    throw new HttpError(
      404,
      "No recording",
      call.recordingKey
        ? "The vendor stored this recording in its bucket; it plays once the source's storage settings are configured."
        : "The vendor sent no recording for this call.",
    );
  }

  const range = request.headers.get("range");
  let upstream: Response;
  try {
    upstream = await fetchPublic(call.recordingUrl, { headers: range ? { range } : {}, signal: AbortSignal.timeout(15_000) });
  } catch (e) {
    if (e instanceof OutboundRefused) throw new HttpError(403, "Recording refused", `This recording's address is not allowed: ${e.message}.`);
    throw new HttpError(502, "Recording unreachable", "The vendor's storage did not answer; try again later.");
  }
  if (upstream.status === 404 || upstream.status === 403 || upstream.status === 410) {
    throw new HttpError(404, "Recording expired", "The vendor no longer serves this recording (it may have expired).");
  }
  if (!upstream.ok || !upstream.body) {
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
