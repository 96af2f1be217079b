"use client";

// A moment of the call (a transcript turn) that the score panel, tracker chips
// and hot leads point at. On the call page a click plays from there: the link
// announces the moment with an event that CallMedia, which owns the player,
// listens for; the #turn-N address scrolls to the line and keeps the moment
// shareable (the call page cues it when opened with it).

import { turnAnchor } from "./turn-anchor";

export const SEEK_EVENT = "call-seek";

export interface SeekDetail {
  turn: number;
  ms: number;
}

export function SeekLink({
  turn,
  ms,
  label,
  className,
  children,
}: {
  turn: number;
  ms: number;
  label?: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <a
      href={`#${turnAnchor(turn)}`}
      aria-label={label}
      className={className}
      data-testid="seek-link"
      onClick={() => window.dispatchEvent(new CustomEvent<SeekDetail>(SEEK_EVENT, { detail: { turn, ms } }))}
    >
      {children}
    </a>
  );
}
