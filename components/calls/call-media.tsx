"use client";

import { useMemo, useRef, useState } from "react";
import type { TimedTurn } from "@/lib/calls/turn-times";
import type { CallDetail } from "@/lib/calls/schemas";
import { AudioPlayer, type PlayerHandle } from "./audio-player";
import { RecordingNote } from "./recording-note";
import { Transcript } from "./transcript";

/** The player and the transcript, kept in step: click a line to seek, the spoken line is highlighted. */
export function CallMedia({
  call,
  turns,
}: {
  call: Pick<CallDetail, "id" | "recording" | "transcriptPending" | "transcriptError" | "transcriptDeleted">;
  turns: TimedTurn[];
}) {
  const { recording, transcriptPending, transcriptError, transcriptDeleted } = call;
  const hasRecording = recording.status !== "none" && recording.status !== "deleted";
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
        <div className="space-y-1">
          <AudioPlayer
            ref={playerRef}
            src={`/api/calls/${call.id}/recording`}
            levels={recording.status === "stored" ? recording.levels : []}
            knownDurationSec={recording.status === "stored" && recording.durationMs ? recording.durationMs / 1000 : 0}
            onTime={setNowMs}
          />
          <RecordingNote recording={recording} />
        </div>
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 bg-slate-50 px-4 py-3 text-sm text-slate-600" data-testid="recording-missing">
          {recording.status === "deleted"
            ? `The recording was deleted ${recording.deletedAfterDays} days after the call by the retention setting.`
            : "No recording for this call."}
        </p>
      )}
      <section className="rounded-xl border border-slate-200 bg-slate-50/50 p-4">
        <h2 className="mb-3 text-sm font-semibold text-slate-900">Transcript</h2>
        {turns.length > 0 ? (
          <Transcript turns={turns} activeIndex={active} onSeek={hasRecording ? (ms) => playerRef.current?.seek(ms) : undefined} />
        ) : (
          <p className="text-sm text-slate-600" data-testid="transcript-state">
            {transcriptDeleted
              ? `The transcript was deleted ${transcriptDeleted.afterDays} days after the call by the retention setting.`
              : transcriptError
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
