// npm run demo:recordings: speaks the scripted demo calls (lib/demo/recordings/scripts.ts)
// with espeak-ng, one line at a time, joins the lines with short pauses, and
// encodes each call as Opus (ffmpeg). Writes <id>.ogg and manifest.json (when
// each line starts, in ms) beside the scripts. Run once at development time:
// the app ships the results and never runs this. Needs espeak-ng and ffmpeg
// (Debian: apt-get install espeak-ng ffmpeg).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SCRIPTED_CALLS } from "../demo/recordings/scripts";
import { PAUSE_MS } from "../demo/spoken";

const OUT = path.resolve(import.meta.dirname, "../demo/recordings");
const LEAD_MS = 300;
const WORDS_PER_MINUTE = 160;

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.error) throw new Error(`${command} is needed (Debian: apt-get install espeak-ng ffmpeg): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}

interface Pcm {
  rate: number;
  samples: Buffer;
}

/** The 16-bit mono PCM of a WAV file, whatever chunks come before it. */
function readWav(file: string): Pcm {
  const wav = readFileSync(file);
  let at = 12;
  let rate = 0;
  while (at + 8 <= wav.length) {
    const id = wav.toString("ascii", at, at + 4);
    const size = wav.readUInt32LE(at + 4);
    if (id === "fmt ") rate = wav.readUInt32LE(at + 12);
    // espeak-ng writing to a file leaves the data size as "unknown" (0 or too big): the rest of the file is the data.
    if (id === "data") return { rate, samples: wav.subarray(at + 8, size > 0 && at + 8 + size <= wav.length ? at + 8 + size : wav.length) };
    at += 8 + size + (size % 2);
  }
  throw new Error(`${file}: no data chunk`);
}

function wavOf({ rate, samples }: Pcm): Buffer {
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + samples.length, 4);
  header.write("WAVEfmt ", 8, "ascii");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}

const silence = (rate: number, ms: number) => Buffer.alloc(Math.round((rate * ms) / 1000) * 2);

const work = mkdtempSync(path.join(os.tmpdir(), "demo-recordings-"));
try {
  const espeak = `eSpeak NG ${/eSpeak NG.*?(\d+\.\d+(?:\.\d+)?)/.exec(run("espeak-ng", ["--version"]))?.[1] ?? ""}`.trim();
  const calls = SCRIPTED_CALLS.map((call) => {
    const parts: Buffer[] = [];
    const turns = [];
    let rate = 0;
    let ms = LEAD_MS;
    for (const [i, turn] of call.turns.entries()) {
      const file = path.join(work, `${call.id}-${i}.wav`);
      run("espeak-ng", ["-v", call.voices[turn.role], "-s", String(WORDS_PER_MINUTE), "-w", file, turn.text]);
      const pcm = readWav(file);
      rate ||= pcm.rate;
      if (parts.length === 0) parts.push(silence(rate, LEAD_MS));
      turns.push({ ...turn, atMs: ms });
      parts.push(pcm.samples, silence(rate, PAUSE_MS));
      ms += (pcm.samples.length / 2 / rate) * 1000 + PAUSE_MS;
    }
    const wav = path.join(work, `${call.id}.wav`);
    writeFileSync(wav, wavOf({ rate, samples: Buffer.concat(parts) }));
    run("ffmpeg", [
      "-loglevel",
      "error",
      "-y",
      "-i",
      wav,
      "-c:a",
      "libopus",
      "-b:a",
      "16k",
      "-ac",
      "1",
      "-map_metadata",
      "-1",
      path.join(OUT, `${call.id}.ogg`),
    ]);
    const { voices: _voices, ...rest } = call;
    return { ...rest, file: `${call.id}.ogg`, durationMs: Math.round(ms), turns: turns.map((t) => ({ ...t, atMs: Math.round(t.atMs) })) };
  });
  const manifest = { madeWith: `${espeak}; ffmpeg, Opus 16 kbit/s mono`, calls };
  writeFileSync(path.join(OUT, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`${calls.length} calls, ${Math.round(calls.reduce((a, c) => a + c.durationMs, 0) / 1000)} s of speech, in ${OUT}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
