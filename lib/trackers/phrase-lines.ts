import type { TrackerPhrase } from "./match";

// The admin form's phrase syntax: one phrase per line; a trailing `*` marks a
// stem ("price*" also matches "prices", "pricing", "priced"). No zod here:
// the form imports it.

export function phrasesFromLines(text: string): TrackerPhrase[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => (line.endsWith("*") ? { text: line.replace(/\*+$/, "").trim(), stem: true } : { text: line, stem: false }));
}

export const linesFromPhrases = (phrases: TrackerPhrase[]) => phrases.map((p) => `${p.text}${p.stem ? "*" : ""}`).join("\n");
