"use client";

import { useEffect, useImperativeHandle, useRef, useState } from "react";
import { Waveform } from "./waveform";

export interface PlayerHandle {
  /** Plays from `ms`. */
  seek(ms: number): void;
  /** Moves to `ms` without playing (a page opened at a moment: browsers refuse to play before a click anyway). */
  cue(ms: number): void;
}

const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2];

function clock(sec: number): string {
  if (!Number.isFinite(sec)) return "0:00";
  const s = Math.floor(sec);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** The endpoint explains in JSON why a recording cannot play; this is what to show. */
async function whyNotPlaying(src: string): Promise<string> {
  const res = await fetch(src, { headers: { range: "bytes=0-0" } }).catch(() => null);
  const detail = res && !res.ok ? ((await res.json().catch(() => null)) as { detail?: string } | null)?.detail : null;
  return detail ?? "The recording could not be played.";
}

/**
 * Plays a call's recording through /api/calls/{id}/recording (which streams
 * with Range, so seeking works). Keys: space or k play/pause, ← → or j l ±10 s.
 */
export function AudioPlayer({
  src,
  levels = [],
  knownDurationSec = 0,
  onTime,
  ref,
}: {
  src: string;
  /** The archived copy's level strip; none while it plays from the vendor. */
  levels?: number[];
  /** The duration measured when the copy was kept: the seek bar has a length before the audio's metadata arrives. */
  knownDurationSec?: number;
  onTime?: (ms: number) => void;
  ref?: React.Ref<PlayerHandle>;
}) {
  const audioRef = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(knownDurationSec);
  const [speed, setSpeed] = useState(1);
  const [error, setError] = useState<string | null>(null);

  useImperativeHandle(ref, () => ({
    seek(ms: number) {
      if (!audioRef.current) return;
      audioRef.current.currentTime = ms / 1000;
      void audioRef.current.play().catch(() => {});
    },
    cue(ms: number) {
      if (audioRef.current) audioRef.current.currentTime = ms / 1000;
    },
  }));

  const toggle = () => {
    const a = audioRef.current;
    if (!a) return;
    if (a.paused) void a.play().catch(() => {});
    else a.pause();
  };
  const skip = (sec: number) => {
    if (audioRef.current) audioRef.current.currentTime = Math.max(0, Math.min(audioRef.current.currentTime + sec, duration || Infinity));
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.isContentEditable) return;
      if (e.key === " " || e.key === "k") {
        e.preventDefault();
        toggle();
      } else if (e.key === "ArrowLeft" || e.key === "j") skip(-10);
      else if (e.key === "ArrowRight" || e.key === "l") skip(10);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  // The server-rendered <audio> starts loading before React attaches onError:
  // a recording that failed that early is caught here instead.
  useEffect(() => {
    if (audioRef.current?.error) void whyNotPlaying(src).then(setError);
  }, [src]);

  if (error) {
    return (
      <div role="status" className="rounded-xl border border-dashed border-slate-300 bg-slate-50 px-4 py-3 text-sm text-slate-600" data-testid="player-error">
        {error}
      </div>
    );
  }

  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="player">
      <audio
        ref={audioRef}
        src={src}
        preload="metadata"
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onLoadedMetadata={(e) => {
          // Some containers (Ogg without an index, streamed WAV) report no length: keep the measured one.
          if (Number.isFinite(e.currentTarget.duration) && e.currentTarget.duration > 0) setDuration(e.currentTarget.duration);
        }}
        onTimeUpdate={(e) => {
          setTime(e.currentTarget.currentTime);
          onTime?.(e.currentTarget.currentTime * 1000);
        }}
        onError={() => void whyNotPlaying(src).then(setError)}
      />
      <Waveform
        levels={levels}
        progress={duration ? time / duration : 0}
        onSeek={(fraction) => {
          if (!audioRef.current || !duration) return;
          audioRef.current.currentTime = fraction * duration;
          void audioRef.current.play().catch(() => {});
        }}
      />
      <div className="flex items-center gap-3">
        <button type="button" onClick={() => skip(-10)} aria-label="Back 10 seconds" className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100">
          −10s
        </button>
        <button
          type="button"
          onClick={toggle}
          aria-label={playing ? "Pause" : "Play"}
          className="flex size-10 items-center justify-center rounded-full bg-indigo-600 text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          {playing ? "❚❚" : "▶"}
        </button>
        <button
          type="button"
          onClick={() => skip(10)}
          aria-label="Forward 10 seconds"
          className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
        >
          +10s
        </button>
        <span className="w-12 text-right text-sm text-slate-600 tabular-nums" data-testid="player-time">
          {clock(time)}
        </span>
        <input
          type="range"
          min={0}
          max={duration || 0}
          step={0.1}
          value={time}
          onChange={(e) => {
            if (audioRef.current) audioRef.current.currentTime = Number(e.target.value);
          }}
          aria-label="Seek"
          className="flex-1 accent-indigo-600"
        />
        <span className="w-12 text-sm text-slate-500 tabular-nums">{clock(duration)}</span>
        <select
          value={speed}
          onChange={(e) => {
            const s = Number(e.target.value);
            setSpeed(s);
            if (audioRef.current) audioRef.current.playbackRate = s;
          }}
          aria-label="Playback speed"
          className="input py-1 text-xs"
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
        <a href={`${src}?download=1`} className="text-sm text-indigo-700 hover:underline">
          Download
        </a>
      </div>
    </div>
  );
}
