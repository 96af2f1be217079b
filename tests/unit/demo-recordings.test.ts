import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SCRIPTED_CALLS } from "@/lib/demo/recordings/scripts";

// The spoken demo calls the repository ships (npm run demo:recordings made
// them): one Opus file per script, and the time each line starts, so that the
// player can follow the transcript. A script changed without making the audio
// again fails here.

const dir = path.resolve(import.meta.dirname, "../../lib/demo/recordings");
interface Manifest {
  calls: Array<{ id: string; file: string; durationMs: number; outcome: string; turns: Array<{ role: string; text: string; atMs: number }> }>;
}
const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest;

describe("demo recordings", () => {
  it("has audio for every scripted call, made from its current text", () => {
    expect(manifest.calls.map((c) => c.id)).toEqual(SCRIPTED_CALLS.map((c) => c.id));
    for (const [i, call] of manifest.calls.entries()) {
      const script = SCRIPTED_CALLS[i];
      expect(
        call.turns.map(({ role, text }) => ({ role, text })),
        call.id,
      ).toEqual(script.turns);
      expect(call.outcome).toBe(script.outcome);
    }
  });

  it("ships each as Ogg Opus, with lines starting in order inside the recording", () => {
    for (const call of manifest.calls) {
      const file = path.join(dir, call.file);
      expect(existsSync(file), call.file).toBe(true);
      const audio = readFileSync(file);
      expect(audio.subarray(0, 4).toString("ascii")).toBe("OggS");
      expect(audio.includes(Buffer.from("OpusHead"))).toBe(true);
      const starts = call.turns.map((t) => t.atMs);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      expect(starts.at(-1)).toBeLessThan(call.durationMs);
    }
  });

  it("covers the outcomes and languages a manager meets", () => {
    expect(new Set(manifest.calls.map((c) => c.outcome)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(SCRIPTED_CALLS.map((c) => c.language))).toEqual(new Set(["en", "ru", "kk"]));
  });
});
