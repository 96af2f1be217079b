import { fileTypeFromBuffer } from "file-type";

// A recording is served from the app's own origin, so what the vendor's
// storage answers must be audio and nothing else: an HTML or SVG "recording"
// would otherwise run its script as the app. Declared audio/* types pass;
// octet-stream (or no type) is judged by its first bytes; everything else is
// refused by the caller.

/** Bytes enough for file-type to recognise every audio container it knows. */
export const SNIFF_BYTES = 4100;

const AUDIO_ESSENCE = /^audio\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;
const UNLABELLED = new Set(["", "application/octet-stream", "binary/octet-stream"]);

// Containers that hold audio as often as video; served as audio/*, they only ever play.
const CONTAINERS: Record<string, string> = {
  "video/mp4": "audio/mp4",
  "video/webm": "audio/webm",
  "video/ogg": "audio/ogg",
  "application/ogg": "audio/ogg",
};

const EXTENSIONS: Record<string, string> = {
  "audio/mpeg": "mp3",
  "audio/mp3": "mp3",
  "audio/wav": "wav",
  "audio/wave": "wav",
  "audio/x-wav": "wav",
  "audio/vnd.wave": "wav",
  "audio/ogg": "ogg",
  "audio/opus": "opus",
  "audio/webm": "webm",
  "audio/mp4": "m4a",
  "audio/x-m4a": "m4a",
  "audio/aac": "aac",
  "audio/flac": "flac",
  "audio/x-flac": "flac",
  "audio/amr": "amr",
};

/** The MIME type's essence (type/subtype, lower case), without parameters an attacker could add. */
export const essenceOf = (contentType: string | null) => (contentType ?? "").split(";")[0].trim().toLowerCase();

/** Whether the declared type leaves the decision to the bytes. */
export const needsSniffing = (contentType: string | null) => UNLABELLED.has(essenceOf(contentType));

/**
 * The audio type to serve the answer as, or null when it is not audio.
 * `head` is the start of the file, needed only when the declared type is unlabelled.
 */
export async function audioType(contentType: string | null, head?: Uint8Array): Promise<string | null> {
  const essence = essenceOf(contentType);
  if (AUDIO_ESSENCE.test(essence)) return essence;
  if (!UNLABELLED.has(essence) || !head?.length) return null;
  return (await sniffAudio(head))?.type ?? null;
}

/** The audio container the bytes hold, judged from them alone (whatever the label), or null when they hold none. */
export async function sniffAudio(head: Uint8Array): Promise<{ type: string; extension: string } | null> {
  const sniffed = await fileTypeFromBuffer(head);
  if (!sniffed) return null;
  const type = sniffed.mime.startsWith("audio/") ? essenceOf(sniffed.mime) : CONTAINERS[sniffed.mime];
  // file-type's own extensions: a fixed list of short lowercase names, safe in a file name.
  return type ? { type, extension: sniffed.ext } : null;
}

/** A file extension for downloads. */
export const audioExtension = (type: string) => EXTENSIONS[type] ?? "audio";
