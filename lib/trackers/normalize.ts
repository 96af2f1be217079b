// How trackers read text: words of letters and digits in any script, compared
// case-insensitively with accents dropped on both sides ("café" = "cafe",
// "ё" = "е"), so Russian and Kazakh (ә ғ қ ң ө ұ ү һ і, which carry no
// separable accent) match as written. Inside a word, hyphens and apostrophes
// are dropped ("e-mail" = "email", "don't" = "dont"); any other punctuation or
// space separates words, and any amount of it may stand between the words of
// a phrase ("send me, an email" matches "send me an email"). No regular
// expression is ever built from a phrase: matching compares words.

export interface Word {
  /** Lower case, accents and inner hyphens/apostrophes dropped. */
  norm: string;
  /** Where the word is in the original text (UTF-16 offsets). */
  start: number;
  end: number;
}

// A word: letters, marks and digits, possibly joined by hyphens or apostrophes.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-‐‑][\p{L}\p{M}\p{N}]+)*/gu;
const JOINERS = /['’\-‐‑]/g;

const ASCII = /^[ -~]*$/;

/** One word in its compared form. */
export function normalizeWord(word: string): string {
  // Most words of most transcripts: nothing to decompose, so only joiners and case (a tenth of the work, per word of every call).
  if (ASCII.test(word)) return word.replace(JOINERS, "").toLowerCase();
  return (
    word
      .normalize("NFKD")
      // "й" is a letter of its own in Russian and Kazakh, not "и" with an accent: kept.
      .replace(/\u0438\u0306/g, "\u0439")
      .replace(/\u0418\u0306/g, "\u0419")
      .replace(/\p{M}/gu, "")
      .replace(JOINERS, "")
      .toLowerCase()
  );
}

/** An ASCII letter or digit. */
const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * The words of text that is all ASCII (most turns of most calls), read char by char: what WORD finds there,
 * several times faster (no Unicode classes, no match objects), per word of every call. Null at the first
 * character past ASCII: such text is read by WORD.
 */
function asciiWords(text: string): Word[] | null {
  const words: Word[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c > 127) return null;
    if (!isWordChar(c)) {
      i++;
      continue;
    }
    const start = i;
    let joined = false;
    for (;;) {
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      const next = text.charCodeAt(i);
      // An apostrophe or a hyphen joins two runs of letters and digits into one word.
      if ((next === 39 || next === 45) && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) {
        joined = true;
        i++;
        continue;
      }
      break;
    }
    const word = text.slice(start, i).toLowerCase();
    words.push({ norm: joined ? word.replace(JOINERS, "") : word, start, end: i });
  }
  return words;
}

/** The words of a text, in order, with where each stands. */
export function wordsOf(text: string): Word[] {
  const ascii = asciiWords(text);
  if (ascii) return ascii;
  const words: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const norm = normalizeWord(m[0]);
    if (norm) words.push({ norm, start: m.index, end: m.index + m[0].length });
  }
  return words;
}
