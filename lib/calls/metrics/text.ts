// Reading a turn's words and questions, in any script: the agent asks in
// English, Russian or Kazakh, sometimes Arabic; words are runs of letters and
// digits (\p{L}, \p{N}, with marks, inner apostrophes and hyphens), not ASCII.

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;

// A question ends in ? or a script's own question mark (full-width ？, Arabic ؟,
// Ethiopic ፧, ‽, ⁇, ⁈, ⁉), possibly doubled or with a !, before a space, a
// closing quote or bracket, or the end: a "?" inside "example.com/?a=1" is none.
const QUESTION = /[?？؟፧‽⁇⁈⁉][?!？؟፧‽⁇⁈⁉！]*(?=[\s"'»”’)\]]|$)/gu;
const QUESTION_MARK = /[?？؟፧‽⁇⁈⁉]/u;

/** An ASCII letter or digit. */
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Words in a text, for the pace (words per minute). */
export function countWords(text: string): number {
  return asciiWordCount(text) ?? text.match(WORD)?.length ?? 0;
}

/**
 * WORD's count in ASCII text (most turns), read char by char without building
 * the matches: a word starts at a letter or digit and runs on over letters,
 * digits, apostrophes and hyphens (’ is not ASCII). Null past ASCII.
 */
function asciiWordCount(text: string): number | null {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return null;
    if (inWord) inWord = isAlnum(c) || c === 39 || c === 45;
    else if (isAlnum(c)) {
      count++;
      inWord = true;
    }
  }
  return count;
}

/** Questions asked in a text: sentences ending in a question mark, not turns. */
export function countQuestions(text: string): number {
  // Most turns hold no question mark at all: found without building the matches.
  if (!QUESTION_MARK.test(text)) return 0;
  return text.match(QUESTION)?.length ?? 0;
}
