import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyseAudio, LEVEL_POINTS } from "@/lib/recordings/analysis";
import { wavFile, type WavOptions } from "@/tests/support/wav-file";

// The waveform strip above the player's seek bar, and the recording's length,
// from real files of each format call vendors send. The fixtures are made by
// the ffmpeg commands in tests/fixtures/audio/README.md: 1 s of silence, 1 s
// of a 440 Hz tone, 1 s of silence.

const fixtures = path.resolve(import.meta.dirname, "../fixtures/audio");
const demo = path.resolve(import.meta.dirname, "../../lib/demo/recordings");
const read = (file: string) => new Uint8Array(readFileSync(file));

interface Manifest {
  calls: Array<{ id: string; file: string; durationMs: number; turns: Array<{ atMs: number }> }>;
}
const manifest = JSON.parse(readFileSync(path.join(demo, "manifest.json"), "utf8")) as Manifest;

/** Silence, a tone, silence, a second each; in a stereo file the tone is on one side only, as in a split call. */
function silenceToneSilence(rate: number, channels = 1): Float32Array {
  const samples = new Float32Array(3 * rate * channels);
  for (let i = rate; i < 2 * rate; i++) samples[i * channels + channels - 1] = 0.5 * Math.sin((2 * Math.PI * 440 * i) / rate);
  return samples;
}

/** Levels in the outer thirds (away from the edges, where codecs smear) near 0, in the middle third high. */
function expectToneInTheMiddle(levels: number[]): void {
  expect(levels.length).toBeGreaterThanOrEqual(100);
  expect(levels.length).toBeLessThanOrEqual(LEVEL_POINTS);
  for (const [i, level] of levels.entries()) {
    expect(Number.isInteger(level) && level >= 0 && level <= 100, `level ${i}: ${level}`).toBe(true);
    const at = (i + 0.5) / levels.length;
    if (at < 0.3 || at > 0.7) expect(level, `level ${i} of ${levels.length}, in the silence`).toBeLessThanOrEqual(5);
    if (at > 0.36 && at < 0.64) expect(level, `level ${i} of ${levels.length}, in the tone`).toBeGreaterThanOrEqual(80);
  }
  expect(Math.max(...levels)).toBe(100);
}

describe("analyseAudio", () => {
  it.each(manifest.calls.map((call) => [call.id, call] as const))(
    "reads the demo call %s (Ogg Opus): its length, and quiet before each line",
    async (_id, call) => {
      const { durationMs, levels } = await analyseAudio(read(path.join(demo, call.file)), "audio/ogg");
      expect(Math.abs(durationMs! - call.durationMs)).toBeLessThanOrEqual(100);
      expect(levels).toHaveLength(LEVEL_POINTS);
      const pointAt = (ms: number) => Math.floor((ms / call.durationMs) * levels.length);
      // The recording opens with 300 ms of silence and pauses 450 ms before each later line.
      for (const [i, { atMs }] of call.turns.entries()) {
        const gap = levels.slice(pointAt(i === 0 ? 0 : atMs - 400), pointAt(atMs - 50));
        expect(Math.max(...gap), `${call.id}: before line ${i} at ${atMs} ms`).toBeLessThanOrEqual(5);
        const speech = levels.slice(pointAt(atMs), pointAt(atMs + 1500));
        expect(Math.max(...speech), `${call.id}: line ${i} at ${atMs} ms`).toBeGreaterThanOrEqual(30);
      }
    },
  );

  it.each<[string, WavOptions]>([
    ["8-bit", { bits: 8 }],
    ["16-bit", { bits: 16 }],
    ["24-bit", { bits: 24 }],
    ["32-bit", { bits: 32 }],
    ["32-bit float", { bits: 32, float: true }],
    ["16-bit stereo, 44.1 kHz", { bits: 16, channels: 2, rate: 44100 }],
  ])("reads %s WAV", async (_name, options) => {
    const rate = options.rate ?? 8000;
    const { durationMs, levels } = await analyseAudio(wavFile(silenceToneSilence(rate, options.channels), { ...options, rate }), "audio/wav");
    expect(durationMs).toBe(3000);
    expectToneInTheMiddle(levels);
  });

  it.each(["mulaw", "alaw"])("reads %s WAV, as telephone systems record", async (law) => {
    const { durationMs, levels } = await analyseAudio(read(path.join(fixtures, `tone-${law}.wav`)), "audio/wav");
    expect(durationMs).toBe(3000);
    expectToneInTheMiddle(levels);
  });

  it("gives zeros, not NaN, for a silent file", async () => {
    const { durationMs, levels } = await analyseAudio(wavFile(new Float32Array(16000)), "audio/x-wav");
    expect(durationMs).toBe(2000);
    expect(levels.length).toBeGreaterThan(0);
    expect(levels.every((l) => l === 0)).toBe(true);
  });

  it.each([
    ["tone.mp3", "audio/mpeg"],
    ["tone.ogg", "audio/ogg"],
    ["tone.flac", "audio/flac"],
  ])("decodes %s", async (file, type) => {
    const { durationMs, levels } = await analyseAudio(read(path.join(fixtures, file)), type);
    expect(Math.abs(durationMs! - 3000)).toBeLessThanOrEqual(30);
    expectToneInTheMiddle(levels);
  });

  it.each([
    ["tone.m4a", "audio/mp4"],
    ["tone.webm", "audio/webm"],
  ])("gives only the length of %s, which it has no decoder for", async (file, type) => {
    const { durationMs, levels } = await analyseAudio(read(path.join(fixtures, file)), type);
    expect(levels).toEqual([]);
    // AAC counts its encoder delay in the length; close is what the player needs.
    expect(Math.abs(durationMs! - 3000)).toBeLessThanOrEqual(200);
  });

  it("gives nothing, and does not throw, for garbage", async () => {
    const garbage = Uint8Array.from({ length: 100_000 }, (_, i) => (Math.imul(i, 2654435761) >>> 13) & 0xff);
    for (const type of ["audio/mpeg", "audio/ogg", "audio/opus", "audio/flac", "audio/wav", "audio/webm", "audio/mp4", "application/octet-stream"]) {
      expect(await analyseAudio(garbage, type), type).toEqual({ durationMs: null, levels: [] });
    }
    const page = new TextEncoder().encode("<!doctype html><html><body><h1>404 Not Found</h1></body></html>\n".repeat(100));
    expect(await analyseAudio(page, "audio/mpeg")).toEqual({ durationMs: null, levels: [] });
    expect(await analyseAudio(new Uint8Array(0), "audio/wav")).toEqual({ durationMs: null, levels: [] });
    const truncated = read(path.join(fixtures, "tone.flac")).subarray(0, 30);
    expect(await analyseAudio(truncated, "audio/flac")).toEqual({ durationMs: null, levels: [] });
  });
});
