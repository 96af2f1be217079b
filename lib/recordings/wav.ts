// Reads the samples of a RIFF WAV file into a LevelMeter. WAV is simple enough
// that a library would add more than it saves: PCM, float and G.711 telephone
// audio (mu-law, a-law), which is all call recorders write.
import { LevelMeter } from "./level-meter";

const PCM = 1;
const FLOAT = 3;
const A_LAW = 6;
const MU_LAW = 7;
const EXTENSIBLE = 0xfffe;
const BLOCK_FRAMES = 4096;
// More than any recorder writes; a garbage header could otherwise ask for thousands of buffers.
const MAX_CHANNELS = 32;

interface Format {
  code: number;
  channels: number;
  rate: number;
  bits: number;
}

/** The levels of a WAV file, or null when it is not one this can read. */
export function meterWav(bytes: Uint8Array): LevelMeter | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || text(0) !== "RIFF" || text(8) !== "WAVE") return null;
  let format: Format | null = null;
  for (let at = 12; at + 8 <= bytes.length;) {
    const id = text(at);
    const size = view.getUint32(at + 4, true);
    if (id === "fmt " && size >= 16) format = readFormat(view, at + 8, size);
    if (id === "data") {
      // Recorders that stream leave the size as 0 or too big: the rest of the file is the data.
      const end = size > 0 && at + 8 + size <= bytes.length ? at + 8 + size : bytes.length;
      return format ? meterSamples(view, at + 8, end, format) : null;
    }
    at += 8 + size + (size % 2);
  }
  return null;
}

function readFormat(view: DataView, at: number, size: number): Format {
  let code = view.getUint16(at, true);
  // WAVE_FORMAT_EXTENSIBLE keeps the real format in the first two bytes of its sub-format GUID.
  if (code === EXTENSIBLE && size >= 26) code = view.getUint16(at + 24, true);
  return { code, channels: view.getUint16(at + 2, true), rate: view.getUint32(at + 4, true), bits: view.getUint16(at + 14, true) };
}

function meterSamples(view: DataView, start: number, end: number, format: Format): LevelMeter | null {
  const read = sampleReader(view, format);
  const { channels, rate, bits } = format;
  if (!read || channels < 1 || channels > MAX_CHANNELS || rate < 1) return null;
  const bytesPerSample = bits / 8;
  const frameBytes = bytesPerSample * channels;
  const frames = Math.floor((end - start) / frameBytes);
  const meter = new LevelMeter(rate);
  const block = Array.from({ length: channels }, () => new Float32Array(BLOCK_FRAMES));
  for (let first = 0; first < frames; first += BLOCK_FRAMES) {
    const count = Math.min(BLOCK_FRAMES, frames - first);
    for (let f = 0; f < count; f++) {
      const at = start + (first + f) * frameBytes;
      for (let c = 0; c < channels; c++) block[c][f] = read(at + c * bytesPerSample);
    }
    meter.add(block, count);
  }
  return meter;
}

/** Reads one sample at a byte offset as -1..1, or null for a format this does not know. */
function sampleReader(view: DataView, { code, bits }: Format): ((at: number) => number) | null {
  if (code === PCM && bits === 8) return (at) => (view.getUint8(at) - 128) / 128;
  if (code === PCM && bits === 16) return (at) => view.getInt16(at, true) / 0x8000;
  if (code === PCM && bits === 24) return (at) => ((view.getInt8(at + 2) << 16) | view.getUint16(at, true)) / 0x800000;
  if (code === PCM && bits === 32) return (at) => view.getInt32(at, true) / 0x80000000;
  if (code === FLOAT && bits === 32) return (at) => view.getFloat32(at, true);
  if (code === FLOAT && bits === 64) return (at) => view.getFloat64(at, true);
  if (code === MU_LAW && bits === 8) return (at) => MU_LAW_TABLE[view.getUint8(at)];
  if (code === A_LAW && bits === 8) return (at) => A_LAW_TABLE[view.getUint8(at)];
  return null;
}

// G.711 expansion, as in the reference g711.c.
const MU_LAW_TABLE = Float32Array.from({ length: 256 }, (_, byte) => {
  const u = ~byte & 0xff;
  const magnitude = ((((u & 0x0f) << 3) + 0x84) << ((u >> 4) & 7)) - 0x84;
  return (u & 0x80 ? -magnitude : magnitude) / 0x8000;
});
const A_LAW_TABLE = Float32Array.from({ length: 256 }, (_, byte) => {
  const a = byte ^ 0x55;
  const segment = (a >> 4) & 7;
  const mantissa = (a & 0x0f) << 4;
  const magnitude = segment === 0 ? mantissa + 8 : (mantissa + 0x108) << (segment - 1);
  return (a & 0x80 ? magnitude : -magnitude) / 0x8000;
});
