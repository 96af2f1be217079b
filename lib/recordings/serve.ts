import { combineRanges, parse as parseRange } from "range-parser";
import { logger } from "@/lib/log";
import { audioExtension } from "@/lib/calls/audio-type";
import { recordingStore } from "./store";

// Plays the archived copy: the type is the one sniffed when it was kept, Range
// is answered from the store (206 with the exact bytes, 416 past the end), and
// the file's hash is its ETag, so a browser that seeks reuses what it has.
// No Content-Length: Next.js drops it from route answers (send-response.js)
// and sends them chunked; Content-Range tells players the size.

export interface ArchivedCopy {
  storageKey: string | null;
  contentType: string | null;
  bytes: number | null;
  sha256: string | null;
}

/** The archived answer, or null when the copy is not in the store (the caller falls back to the vendor). */
export async function serveArchived(
  callId: string,
  copy: ArchivedCopy,
  request: Request,
  disposition: { name: string; download: boolean },
): Promise<Response | null> {
  if (!copy.storageKey || !copy.contentType || copy.bytes === null) return null;
  const size = copy.bytes;
  const asked = request.headers.get("range");
  const parsed = asked ? parseRange(size, asked) : null;
  // A malformed header, or a unit other than bytes, is ignored as RFC 9110 says: the whole file.
  const usable = parsed && parsed.type === "bytes" && !(parsed.code & 1) ? parsed : null;
  if (usable && usable.ranges.length === 0) {
    return new Response(null, { status: 416, headers: { "content-range": `bytes */${size}` } });
  }
  // Several ranges (rare from players) that do not merge into one get the whole file, as RFC 9110 allows.
  const merged = usable ? combineRanges(usable.ranges) : [];
  const range = merged.length === 1 ? { start: merged[0].start, end: merged[0].end } : undefined;
  const object = await recordingStore().get(copy.storageKey, range);
  if (!object) {
    logger.warn({ callId, key: copy.storageKey }, "archived recording missing from the store; playing the vendor's copy");
    return null;
  }

  const headers = new Headers({
    "content-type": copy.contentType,
    "accept-ranges": "bytes",
    "cache-control": "private, max-age=3600",
    "content-disposition": `${disposition.download ? "attachment" : "inline"}; filename="${disposition.name}.${audioExtension(copy.contentType)}"`,
  });
  if (copy.sha256) headers.set("etag", `"${copy.sha256}"`);
  if (range) headers.set("content-range", `bytes ${object.start}-${object.end}/${object.size}`);
  return new Response(object.body, { status: range ? 206 : 200, headers });
}
