"use client";

import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { TimedTurn } from "@/lib/calls/turn-times";
import type { CallDetail } from "@/lib/calls/schemas";
import { AudioPlayer, type PlayerHandle } from "./audio-player";
import { RecordingNote } from "./recording-note";
import { SEEK_EVENT, type SeekDetail } from "./seek-link";
import { TrackerChips } from "./tracker-chips";
import { turnInHash } from "./turn-anchor";
import { trackersByTurn, type CallTrackerHits } from "./tracker-hits";
import { Transcript } from "./transcript";

function subscribeToHash(onChange: () => void) {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/**
 * The player and the transcript, kept in step: click a line to seek, the
 * spoken line is highlighted. Links to a moment elsewhere on the page (score
 * evidence, tracker chips) play from there; an address with #turn-N cues it.
 */
export function CallMedia({
  call,
  turns,
  trackers = [],
}: {
  call: Pick<CallDetail, "id" | "recording" | "transcriptPending" | "transcriptError" | "transcriptDeleted">;
  turns: TimedTurn[];
  trackers?: CallTrackerHits[];
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
  // The line a link pointed at: the page's own address (#turn-N, e.g. from hot leads) until a link here is clicked.
  const opened = useSyncExternalStore(
    subscribeToHash,
    () => turnInHash(window.location.hash),
    () => null,
  );
  const [clicked, setClicked] = useState<number>();
  const focused = clicked ?? opened ?? undefined;
  const trackerNames = useMemo(() => trackersByTurn(trackers), [trackers]);

  useEffect(() => {
    const onSeek = (e: Event) => {
      const { turn, ms } = (e as CustomEvent<SeekDetail>).detail;
      setClicked(turn);
      playerRef.current?.seek(ms);
    };
    window.addEventListener(SEEK_EVENT, onSeek);
    return () => window.removeEventListener(SEEK_EVENT, onSeek);
  }, []);

  // Opened at a moment: ready to play from it (browsers refuse to play before a click).
  useEffect(() => {
    if (opened !== null && turns[opened]) playerRef.current?.cue(turns[opened].startMs);
  }, [opened, turns]);

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
        <TrackerChips trackers={trackers} />
        {turns.length > 0 ? (
          <Transcript
            turns={turns}
            activeIndex={active}
            focusedIndex={focused}
            trackerNames={trackerNames}
            onSeek={hasRecording ? (ms) => playerRef.current?.seek(ms) : undefined}
          />
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
