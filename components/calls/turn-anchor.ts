// A moment of a call page's transcript in its address (#turn-N): links from
// server pages (hot leads) and the client's player both read it, so it lives
// apart from the client components.

export const turnAnchor = (turn: number) => `turn-${turn}`;

/** The turn a call page address points at ("#turn-5"), if any. */
export function turnInHash(hash: string): number | null {
  const m = /^#turn-(\d{1,6})$/.exec(hash);
  return m ? Number(m[1]) : null;
}
