// The marks Postgres puts around matched words in a snippet: two control
// characters, removed from the text beforehand so nothing a vendor wrote can
// pass for one.
export const START = "\u0002";
export const STOP = "\u0003";

export interface Segment {
  text: string;
  hit: boolean;
}

/** "a \u0002b\u0003 c" -> [{a, false}, {b, true}, {c, false}] */
export function segments(marked: string): Segment[] {
  const out: Segment[] = [];
  for (const [i, part] of marked.split(new RegExp(`[${START}${STOP}]`)).entries()) {
    if (part) out.push({ text: part, hit: i % 2 === 1 });
  }
  return out;
}
