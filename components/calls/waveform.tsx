"use client";

// The level strip above the seek bar (computed once, when the recording was
// archived): where the talking is, what has been played, and a click to jump
// there. The range input below stays the keyboard's way to seek.

/** One bar per level, as SVG path commands (x = index, bars centred on y = 50). */
function bars(levels: number[], from: number, to: number): string {
  let d = "";
  for (let i = from; i < to; i++) {
    // Silence still shows as a hairline, so the strip reads as the whole call.
    const height = Math.max(2, levels[i]);
    d += `M${i + 0.15} ${50 - height / 2}h0.7v${height}h-0.7z`;
  }
  return d;
}

export function Waveform({ levels, progress, onSeek }: { levels: number[]; progress: number; onSeek: (fraction: number) => void }) {
  if (levels.length === 0) return null;
  const played = Math.min(levels.length, Math.round(progress * levels.length));
  return (
    <svg
      viewBox={`0 0 ${levels.length} 100`}
      preserveAspectRatio="none"
      className="h-12 w-full cursor-pointer"
      data-testid="waveform"
      data-points={levels.length}
      aria-hidden
      onClick={(e) => {
        const box = e.currentTarget.getBoundingClientRect();
        onSeek(Math.min(1, Math.max(0, (e.clientX - box.left) / box.width)));
      }}
    >
      <path d={bars(levels, 0, played)} className="fill-indigo-600" />
      <path d={bars(levels, played, levels.length)} className="fill-slate-300" />
    </svg>
  );
}
