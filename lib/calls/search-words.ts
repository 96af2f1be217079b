// Words as search reads them: runs of letters, marks and digits, lower case.
// Everything else (tsquery operators, quotes, colons, an email's "@") is a
// separator, so nothing typed can be read as query syntax. Transcripts are
// split the same way into each speaker's words, which their search vectors
// hold (lib/ingest/transcript-vectors.ts): what is typed and what was said
// meet as the same words.

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** More words than anyone types: the rest are ignored rather than building a huge query. */
const MAX_WORDS = 12;
/** The longest word a search vector holds (Postgres's limit, in bytes). */
const MAX_WORD_BYTES = 2047;
/** A speaker's words stop here: a vector holds at most 1 MB, with each word's stem beside it. */
export const MAX_SPEAKER_BYTES = 250_000;

/** Words no vector holds (longer than its limit) are left out. */
export function searchWords(q: string): string[] {
  return (q.toLowerCase().match(WORD) ?? []).filter((w) => Buffer.byteLength(w) <= MAX_WORD_BYTES).slice(0, MAX_WORDS);
}

export type Speaker = "customer" | "agent" | "other";

/** Each speaker's distinct words in a transcript (system turns are "other"), in the order first said. */
export function speakerWords(turns: readonly { role: string; text: string }[]): Record<Speaker, string[]> {
  const words = { customer: new Set<string>(), agent: new Set<string>(), other: new Set<string>() };
  const bytes = { customer: 0, agent: 0, other: 0 };
  for (const turn of turns) {
    const speaker: Speaker = turn.role === "customer" || turn.role === "agent" ? turn.role : "other";
    const seen = words[speaker];
    for (const word of turn.text.toLowerCase().match(WORD) ?? []) {
      if (seen.has(word)) continue;
      const size = Buffer.byteLength(word);
      if (size > MAX_WORD_BYTES || bytes[speaker] + size > MAX_SPEAKER_BYTES) continue;
      seen.add(word);
      bytes[speaker] += size + 1;
    }
  }
  return { customer: [...words.customer], agent: [...words.agent], other: [...words.other] };
}
