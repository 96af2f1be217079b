"use client";

// The level strip above the seek bar (computed once, when the recording was
// archived): where the talking is, what has been played, and a click to jump
// there. The range input below stays the keyboard's way to seek.

export function Waveform({ levels, progress, onSeek }: { levels: number[]; progress: number; onSeek: (fraction: number) => void }) {
  if (levels.length === 0) return null;
  const played = Math.round(progress * levels.length);
  return (
    <svg
      viewBox={`0 0 ${levels.length} 100`}
      preserveAspectRatio="none"
      className="h-12 w-full cursor-pointer"
      data-testid="waveform"
      aria-hidden
      onClick={(e) => {
        const box = e.currentTarget.getBoundingClientRect();
        onSeek(Math.min(1, Math.max(0, (e.clientX - box.left) / box.width)));
      }}
    >
      {levels.map((level, i) => {
        // Silence still shows as a hairline, so the strip reads as the whole call.
        const height = Math.max(2, level);
        return <rect key={i} x={i + 0.15} width={0.7} y={50 - height / 2} height={height} className={i < played ? "fill-indigo-600" : "fill-slate-300"} />;
      })}
    </svg>
  );
}
