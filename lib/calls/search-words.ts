// The words of a search as typed: runs of letters, marks and digits, lower
// case. Everything else (tsquery operators, quotes, colons) is a separator,
// so nothing typed can be read as query syntax.

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** More words than anyone types: the rest are ignored rather than building a huge query. */
const MAX_WORDS = 12;

export function searchWords(q: string): string[] {
  return (q.match(WORD) ?? []).slice(0, MAX_WORDS).map((w) => w.toLowerCase());
}
