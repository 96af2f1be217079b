import { readFileSync } from "node:fs";
import path from "node:path";
import type { Kind, Scenario } from "./scenario";

// The spoken demo calls (lib/demo/recordings, made by npm run demo:recordings):
// a connected demo call of a kind that has one takes its conversation, length
// and summary, so that its recording says what its transcript shows, line by
// line at the times the manifest gives. Many calls share each clip.

interface SpokenCall {
  id: string;
  file: string;
  durationMs: number;
  summary: string;
  turns: Array<{ role: "agent" | "customer"; text: string; atMs: number }>;
}

const DIR = path.join(import.meta.dirname, "recordings");

/** The silence after each line in a clip (npm run demo:recordings puts it there): a line ends this long before the next starts. */
export const PAUSE_MS = 450;

/** The clip's lines with their ends, as a transcript file with end times (Cllr's) would give them. */
export function spokenTurnsWithEnds(clip: SpokenCall) {
  return clip.turns.map((t, i) => ({ ...t, endMs: Math.max(t.atMs, (clip.turns[i + 1]?.atMs ?? clip.durationMs) - PAUSE_MS) }));
}

const BY_KIND: Partial<Record<Kind, string[]>> = {
  meeting: ["meeting-loan", "ru-meeting"],
  interested: ["interested-pricing", "objection-price", "kk-interested"],
  callback: ["callback-busy", "kk-callback"],
  not_interested: ["not-interested", "ru-not-interested"],
};

let manifest: Map<string, SpokenCall> | undefined;
const audio = new Map<string, Uint8Array>();

function spokenCalls(): Map<string, SpokenCall> {
  manifest ??= new Map((JSON.parse(readFileSync(path.join(DIR, "manifest.json"), "utf8")) as { calls: SpokenCall[] }).calls.map((c) => [c.id, c]));
  return manifest;
}

/** The clip for the n-th call of this kind, or null when the kind has none (calls that did not connect). */
export function spokenCallFor(s: Scenario): SpokenCall | null {
  const ids = BY_KIND[s.kind];
  return ids ? (spokenCalls().get(ids[s.seq % ids.length]) ?? null) : null;
}

/** The scenario with the clip's conversation, length and summary. */
export function withSpokenCall(s: Scenario, clip: SpokenCall): Scenario {
  return {
    ...s,
    summary: clip.summary,
    durationSec: Math.ceil(clip.durationMs / 1000),
    turns: clip.turns.map((t) => ({ role: t.role, text: t.text, atSec: t.atMs / 1000 })),
  };
}

/** The clip's audio, read once per process. */
export function spokenAudio(clip: SpokenCall): Uint8Array {
  let bytes = audio.get(clip.file);
  if (!bytes) audio.set(clip.file, (bytes = readFileSync(path.join(DIR, path.basename(clip.file)))));
  return bytes;
}
