import { isUuid } from "@/lib/api/ids";

// Keys are made here from a call id and an extension of our own list, never
// from vendor text; each store checks them again (assertSafeKey) in case one
// comes from anywhere else.

/** What audioExtension (lib/calls/audio-type.ts) can answer. */
export const RECORDING_EXTENSIONS = ["mp3", "wav", "ogg", "opus", "webm", "m4a", "aac", "flac", "amr", "audio"] as const;
export type RecordingExtension = (typeof RECORDING_EXTENSIONS)[number];

/**
 * "<last two hex digits>/<callId>.<ext>": the folder spreads recordings over 256
 * directories. The last digits, because call ids are UUIDv7 and begin with a
 * timestamp that barely changes from one call to the next.
 */
export function recordingKey(callId: string, extension: string): string {
  if (!isUuid(callId)) throw new Error("A recording key needs a call id (a uuid)");
  if (!(RECORDING_EXTENSIONS as readonly string[]).includes(extension)) throw new Error(`Not a recording extension: ${extension.slice(0, 20)}`);
  const id = callId.toLowerCase();
  return `${id.slice(-2)}/${id}.${extension}`;
}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * Relative "a/b/c.ext" of plain names: no "..", no absolute path, no NUL or
 * backslash, nothing hidden (the local store's temporary files begin with a dot).
 */
export function assertSafeKey(key: string): void {
  if (key.length === 0 || key.length > 512 || !key.split("/").every((s) => SEGMENT.test(s))) {
    throw new Error(`Not a recording key: ${JSON.stringify(key.slice(0, 80))}`);
  }
}
