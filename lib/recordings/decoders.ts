// Streams compressed audio through the wasm-audio-decoders (WASM builds of
// mpg123, libopus, libvorbis and libFLAC) into a LevelMeter, a slice at a time,
// so an hour-long call never sits in memory as samples.
import { LevelMeter } from "./level-meter";

export type Codec = "mp3" | "opus" | "vorbis" | "flac";

interface Decoded {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
}

/** What the four decoders have in common (the MP3 one answers at once, the others with a promise). */
interface StreamDecoder {
  ready: Promise<void>;
  decode(data: Uint8Array): Decoded | Promise<Decoded>;
  flush?(): Promise<Decoded>;
  free(): void;
}

// A few seconds of audio per slice: the samples of one slice are all that is held at a time.
const SLICE_BYTES = 64 * 1024;

// A crafted file can decode tiny frames into hours of samples: no call is
// longer than this, nor takes longer to measure; past either, measuring stops
// (the copy is still kept, with no waveform).
const MAX_AUDIO_SECONDS = 6 * 3600;
const MAX_DECODE_MS = 60_000;
const MAX_CHANNELS = 8;
const MAX_RATE = 192_000;

class TooMuchAudio extends Error {}

// A loudness strip needs no more than the telephone band, and Opus decodes to
// 8 kHz six times cheaper than to 48 kHz. The README documents sampleRate; the
// package's types leave it out, hence the variable rather than a literal.
const OPUS_OPTIONS = { forceStereo: false, sampleRate: 8000 };

// Imported when needed: each package carries its WASM inline, and most recordings need only one.
async function open(codec: Codec): Promise<StreamDecoder> {
  switch (codec) {
    case "mp3":
      return new (await import("mpg123-decoder")).MPEGDecoder();
    case "opus":
      return new (await import("ogg-opus-decoder")).OggOpusDecoder(OPUS_OPTIONS);
    case "vorbis":
      return new (await import("@wasm-audio-decoders/ogg-vorbis")).OggVorbisDecoder();
    case "flac":
      return new (await import("@wasm-audio-decoders/flac")).FLACDecoder();
  }
}

/** The levels of a whole file, or null when the decoder finds no audio in it. */
export async function meterCompressed(bytes: Uint8Array, codec: Codec): Promise<LevelMeter | null> {
  const decoder = await open(codec);
  let meter: LevelMeter | null = null;
  const take = ({ channelData, samplesDecoded, sampleRate }: Decoded) => {
    if (samplesDecoded <= 0 || !(sampleRate > 0)) return;
    if (sampleRate > MAX_RATE || channelData.length > MAX_CHANNELS) throw new TooMuchAudio();
    // Streams that change rate midway (legal in MP3, unheard of in calls) are timed by the first.
    meter ??= new LevelMeter(sampleRate);
    meter.add(channelData, samplesDecoded);
    if (meter.frames > MAX_AUDIO_SECONDS * meter.sampleRate || Date.now() > deadline) throw new TooMuchAudio();
  };
  const deadline = Date.now() + MAX_DECODE_MS;
  try {
    await decoder.ready;
    for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
      take(await decoder.decode(bytes.subarray(at, at + SLICE_BYTES)));
      // Decoding runs on the app's own thread: between slices, webhooks and pages get their turn.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (decoder.flush) take(await decoder.flush());
    return meter;
  } catch (e) {
    if (e instanceof TooMuchAudio) return null;
    throw e;
  } finally {
    decoder.free();
  }
}
