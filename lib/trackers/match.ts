import { timeTurns } from "@/lib/calls/turn-times";
import type { Turn } from "@/lib/providers/canonical";
import { HIT_TEXT_CHARS, MAX_HITS_KEPT, MAX_PHRASE_WORDS, MAX_PHRASES, type TrackerSpeaker } from "./limits";
import { wordsOf, type Word } from "./normalize";

// Finding trackers' phrases in a transcript (./normalize.ts says how text is
// read). A phrase matches a run of whole words; a phrase marked `stem` also
// matches when its last word only begins a word ("price" stem: "prices",
// "pricing", "priced"; "цен": "цена", "цены"), else never inside a longer
// word ("price" does not match "priceless"). A hit is a turn of the
// tracker's speaker with at least one match: its index, its start (the
// vendor's time, or an estimate from text length) and its text.

export interface TrackerPhrase {
  text: string;
  stem: boolean;
}

export interface MatchableTracker {
  id: string;
  name: string;
  phrases: TrackerPhrase[];
  speaker: TrackerSpeaker;
  points: number | null;
}

export interface TrackerHit {
  turn: number;
  atMs: number;
  text: string;
}

export interface TrackerHits {
  trackerId: string;
  /** The first MAX_HITS_KEPT hits, in turn order. */
  hits: TrackerHit[];
  /** Every turn that matched. */
  hitCount: number;
}

interface CompiledPhrase {
  words: string[];
  stem: boolean;
}

/** A phrase's words as compared; empty when it has no letter or digit (it then matches nothing). */
export function phraseWords(text: string): string[] {
  return wordsOf(text)
    .slice(0, MAX_PHRASE_WORDS)
    .map((w) => w.norm);
}

function compile(phrases: TrackerPhrase[]): CompiledPhrase[] {
  return phrases
    .slice(0, MAX_PHRASES)
    .map((p) => ({ words: phraseWords(p.text), stem: p.stem }))
    .filter((p) => p.words.length > 0);
}

/** Where the first of `phrases` matches in `words`: the matched span, or null. */
function firstMatch(words: Word[], phrases: CompiledPhrase[]): { start: number; end: number } | null {
  for (let i = 0; i < words.length; i++) {
    for (const p of phrases) {
      const n = p.words.length;
      if (i + n > words.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const word = words[i + k].norm;
        const want = p.words[k];
        ok = p.stem && k === n - 1 ? word.startsWith(want) : word === want;
      }
      if (ok) return { start: words[i].start, end: words[i + n - 1].end };
    }
  }
  return null;
}

/** At most HIT_TEXT_CHARS of the turn, around the match. */
export function quote(text: string, at: { start: number; end: number }): string {
  if (text.length <= HIT_TEXT_CHARS) return text;
  const room = Math.max(0, HIT_TEXT_CHARS - (at.end - at.start));
  let from = Math.max(0, at.start - Math.floor(room / 2));
  const to = Math.min(text.length, from + HIT_TEXT_CHARS);
  from = Math.max(0, to - HIT_TEXT_CHARS);
  return `${from > 0 ? "…" : ""}${text.slice(from, to).trim()}${to < text.length ? "…" : ""}`;
}

const speaks = (speaker: TrackerSpeaker, role: Turn["role"]) => (speaker === "any" ? role !== "system" : role === speaker);

/** Each tracker's hits in the transcript (trackers without a hit are left out). */
export function matchTrackers(turns: Turn[], durationSec: number | null, trackers: MatchableTracker[]): TrackerHits[] {
  if (turns.length === 0 || trackers.length === 0) return [];
  const timed = timeTurns(turns, durationSec);
  const words = turns.map((t) => wordsOf(t.text));
  const result: TrackerHits[] = [];
  for (const tracker of trackers) {
    const phrases = compile(tracker.phrases);
    if (phrases.length === 0) continue;
    const hits: TrackerHit[] = [];
    let hitCount = 0;
    turns.forEach((turn, i) => {
      if (!speaks(tracker.speaker, turn.role)) return;
      const at = firstMatch(words[i], phrases);
      if (!at) return;
      hitCount++;
      if (hits.length < MAX_HITS_KEPT) hits.push({ turn: i, atMs: timed[i].startMs, text: quote(turn.text, at) });
    });
    if (hitCount > 0) result.push({ trackerId: tracker.id, hits, hitCount });
  }
  return result;
}
