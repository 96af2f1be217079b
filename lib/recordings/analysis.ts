// The loudness strip drawn above a recording's seek bar, and the recording's
// length, worked out once from the file itself.
import { type Codec, meterCompressed } from "./decoders";
import { flacHeaderDurationMs } from "./flac-header";
import { meterWav } from "./wav";

export { LEVEL_POINTS } from "./level-meter";

export interface AudioAnalysis {
  durationMs: number | null;
  /** Integers 0..100, the loudest slice 100; point i is at i / levels.length of the duration. */
  levels: number[];
}

// A fresh object each time, so that no caller can change what another receives.
const nothing = (): AudioAnalysis => ({ durationMs: null, levels: [] });

/**
 * bytes: a whole recording file; type: its sniffed MIME type (audio/wav, audio/mpeg, audio/ogg, ...).
 * Never throws: a file that cannot be read gives no duration and no levels.
 */
export async function analyseAudio(bytes: Uint8Array, type: string): Promise<AudioAnalysis> {
  try {
    const kind = kindOf(bytes, type);
    if (kind === "other") return { durationMs: await metadataDuration(bytes, type), levels: [] };
    const meter = kind === "wav" ? meterWav(bytes) : await meterCompressed(bytes, kind);
    if (!meter) return nothing();
    const levels = meter.levels();
    // Streaming encoders leave FLAC's count at 0 ("unknown"); then the decoded length stands.
    const durationMs = (kind === "flac" ? flacHeaderDurationMs(bytes) : null) ?? meter.durationMs;
    return { durationMs, levels };
  } catch {
    // Garbage in a file is the file's problem, not the server's; the caller sees nothing and decides.
    return nothing();
  }
}

function kindOf(bytes: Uint8Array, type: string): Codec | "wav" | "other" {
  const mime = type.split(";")[0].trim().toLowerCase();
  if (["audio/wav", "audio/wave", "audio/x-wav", "audio/vnd.wave"].includes(mime)) return "wav";
  if (mime === "audio/mpeg" || mime === "audio/mp3") return "mp3";
  if (mime === "audio/flac" || mime === "audio/x-flac") return "flac";
  if (mime === "audio/ogg" || mime === "audio/opus" || mime === "application/ogg") return oggCodec(bytes);
  return "other";
}

// An Ogg file names its codec in the first packet, which sits in the first page.
function oggCodec(bytes: Uint8Array): Codec | "other" {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 128));
  if (head.includes("OpusHead")) return "opus";
  if (head.includes("\x01vorbis")) return "vorbis";
  if (head.includes("\x7fFLAC")) return "flac";
  return "other";
}

/** For containers with no decoder here (WebM, MP4, AMR ...), the length their headers give, if any. */
async function metadataDuration(bytes: Uint8Array, type: string): Promise<number | null> {
  const { parseBuffer } = await import("music-metadata");
  const { format } = await parseBuffer(bytes, { mimeType: type, size: bytes.length }, { duration: true, skipCovers: true });
  return format.duration !== undefined && Number.isFinite(format.duration) ? Math.round(format.duration * 1000) : null;
}
