// Reading a turn's words and questions, in any script: the agent asks in
// English, Russian or Kazakh, sometimes Arabic; words are runs of letters and
// digits (\p{L}, \p{N}, with marks, inner apostrophes and hyphens), not ASCII.

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;

// A question ends in ? or a script's own question mark (full-width ？, Arabic ؟,
// Ethiopic ፧, ‽, ⁇, ⁈, ⁉), possibly doubled or with a !, before a space, a
// closing quote or bracket, or the end: a "?" inside "example.com/?a=1" is none.
const QUESTION = /[?？؟፧‽⁇⁈⁉][?!？؟፧‽⁇⁈⁉！]*(?=[\s"'»”’)\]]|$)/gu;

/** Words in a text, for the pace (words per minute). */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Questions asked in a text: sentences ending in a question mark, not turns. */
export function countQuestions(text: string): number {
  return text.match(QUESTION)?.length ?? 0;
}
