"use client";

import { useMemo, useRef, useState } from "react";
import type { TimedTurn } from "@/lib/calls/turn-times";
import { AudioPlayer, type PlayerHandle } from "./audio-player";
import { Transcript } from "./transcript";

/** The player and the transcript, kept in step: click a line to seek, the spoken line is highlighted. */
export function CallMedia({
  callId,
  hasRecording,
  turns,
  transcriptPending,
  transcriptError,
}: {
  callId: string;
  hasRecording: boolean;
  turns: TimedTurn[];
  transcriptPending: boolean;
  transcriptError: string | null;
}) {
  const playerRef = useRef<PlayerHandle>(null);
  const [nowMs, setNowMs] = useState(-1);
  const active = useMemo(() => {
    if (nowMs < 0) return undefined;
    let index: number | undefined;
    turns.forEach((t, i) => {
      if (t.startMs <= nowMs) index = i;
    });
    return index;
  }, [turns, nowMs]);

  return (
    <div className="space-y-4">
      {hasRecording ? (
        <AudioPlayer ref={playerRef} src={`/api/calls/${callId}/recording`} onTime={setNowMs} />
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 bg-slate-50 px-4 py-3 text-sm text-slate-600">No recording for this call.</p>
      )}
      <section className="rounded-xl border border-slate-200 bg-slate-50/50 p-4">
        <h2 className="mb-3 text-sm font-semibold text-slate-900">Transcript</h2>
        {turns.length > 0 ? (
          <Transcript turns={turns} activeIndex={active} onSeek={hasRecording ? (ms) => playerRef.current?.seek(ms) : undefined} />
        ) : (
          <p className="text-sm text-slate-600" data-testid="transcript-state">
            {transcriptError
              ? `The transcript could not be fetched from the vendor: ${transcriptError}`
              : transcriptPending
                ? "The transcript is on its way from the vendor."
                : "The vendor sent no transcript for this call."}
          </p>
        )}
      </section>
    </div>
  );
}
