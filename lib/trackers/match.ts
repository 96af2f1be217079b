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
  /** The tracker's position in the list matched. */
  tracker: number;
  words: string[];
  stem: boolean;
}

/**
 * Every tracker's phrases in one index, so a transcript is read once whatever
 * the number of trackers: phrases by their first word, and one-word stems by
 * the stem (a word is probed by its own beginnings). Built once per list of
 * trackers (the save path's cached list, a backfill run's).
 */
interface PhraseIndex {
  byFirstWord: Map<string, CompiledPhrase[]>;
  /** One-word stems by their first character's code: a word is compared (startsWith) with those of its own first character only. */
  stemsByStart: Map<number, { stem: string; phrases: CompiledPhrase[] }[]>;
}

/** A phrase's words as compared; empty when it has no letter or digit (it then matches nothing). */
export function phraseWords(text: string): string[] {
  return wordsOf(text)
    .slice(0, MAX_PHRASE_WORDS)
    .map((w) => w.norm);
}

const indexes = new WeakMap<MatchableTracker[], PhraseIndex>();

function indexOf(trackers: MatchableTracker[]): PhraseIndex {
  const known = indexes.get(trackers);
  if (known) return known;
  const index: PhraseIndex = { byFirstWord: new Map(), stemsByStart: new Map() };
  const stems = new Map<string, CompiledPhrase[]>();
  const add = (map: Map<string, CompiledPhrase[]>, key: string, phrase: CompiledPhrase) => map.set(key, [...(map.get(key) ?? []), phrase]);
  trackers.forEach((tracker, i) => {
    for (const p of tracker.phrases.slice(0, MAX_PHRASES)) {
      const words = phraseWords(p.text);
      if (words.length === 0) continue;
      const phrase = { tracker: i, words, stem: p.stem };
      add(p.stem && words.length === 1 ? stems : index.byFirstWord, words[0], phrase);
    }
  });
  // Shortest stem first, as the phrases were probed before: a word's hits come in the same order.
  for (const [stem, phrases] of [...stems].sort(([a], [b]) => a.length - b.length)) {
    const start = stem.charCodeAt(0);
    index.stemsByStart.set(start, [...(index.stemsByStart.get(start) ?? []), { stem, phrases }]);
  }
  indexes.set(trackers, index);
  return index;
}

/** Whether `phrase` matches `words` from position `i` on (its first word already known to match). */
function matchesAt(words: Word[], i: number, phrase: CompiledPhrase): boolean {
  const n = phrase.words.length;
  if (i + n > words.length) return false;
  for (let k = 1; k < n; k++) {
    const word = words[i + k].norm;
    const want = phrase.words[k];
    if (!(phrase.stem && k === n - 1 ? word.startsWith(want) : word === want)) return false;
  }
  return true;
}

/** Each tracker's first match in one turn's words, by the tracker's position: the matched span. */
function matchTurn(words: Word[], index: PhraseIndex, counts: (tracker: number) => boolean): Map<number, { start: number; end: number }> {
  const found = new Map<number, { start: number; end: number }>();
  const consider = (phrases: CompiledPhrase[] | undefined, i: number) => {
    if (!phrases) return;
    for (const p of phrases) {
      if (found.has(p.tracker) || !counts(p.tracker) || !matchesAt(words, i, p)) continue;
      found.set(p.tracker, { start: words[i].start, end: words[i + p.words.length - 1].end });
    }
  };
  for (let i = 0; i < words.length; i++) {
    const norm = words[i].norm;
    consider(index.byFirstWord.get(norm), i);
    for (const { stem, phrases } of index.stemsByStart.get(norm.charCodeAt(0)) ?? []) if (norm.startsWith(stem)) consider(phrases, i);
  }
  return found;
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
  const index = indexOf(trackers);
  if (index.byFirstWord.size === 0 && index.stemsByStart.size === 0) return [];
  const timed = timeTurns(turns, durationSec);
  const found = trackers.map((t): TrackerHits => ({ trackerId: t.id, hits: [], hitCount: 0 }));
  turns.forEach((turn, i) => {
    if (turn.role === "system") return;
    const matches = matchTurn(wordsOf(turn.text), index, (t) => speaks(trackers[t].speaker, turn.role));
    for (const [t, at] of matches) {
      const f = found[t];
      f.hitCount++;
      if (f.hits.length < MAX_HITS_KEPT) f.hits.push({ turn: i, atMs: timed[i].startMs, text: quote(turn.text, at) });
    }
  });
  return found.filter((f) => f.hitCount > 0);
}
