"use client";

import { useEffect, useEffectEvent, useRef } from "react";
import type { BackfillState } from "@/lib/jobs/backfill";
import { ProgressBar, usePolledState } from "./background-progress";

const calls = (n: number) => `${n.toLocaleString()} ${n === 1 ? "call" : "calls"}`;

export const isRunning = (s: BackfillState | null) => s?.status === "queued" || s?.status === "running";

/** Progress of applying the trackers to stored calls, followed every second while it runs; `onDone` once it finishes. */
export function TrackerProgress({ initial, onDone }: { initial: BackfillState | null; onDone?: () => void }) {
  const state = usePolledState(initial, "/api/trackers", (a: { reapply: BackfillState | null }) => a.reapply, isRunning);
  const status = state?.status;
  const previousRef = useRef(status);
  const finished = useEffectEvent(() => onDone?.());
  useEffect(() => {
    if (status === "done" && previousRef.current !== "done") finished();
    previousRef.current = status;
  }, [status]);
  if (!state) return null;
  const pct = state.total ? Math.round((100 * state.done) / state.total) : 100;
  return (
    <div role="status" data-testid="trackers-progress" data-status={state.status} className="space-y-1 text-sm text-slate-600">
      {state.status === "queued" && <p>Applying the trackers to stored calls starts in a few seconds…</p>}
      {state.status === "running" && (
        <p>
          Applying the trackers to stored calls: {state.done.toLocaleString()} of {state.total.toLocaleString()} ({pct}%)
        </p>
      )}
      {state.status === "done" && (
        <p>
          Trackers applied to {calls(state.done)}; {state.changed.toLocaleString()} changed.
        </p>
      )}
      {state.status === "failed" && <p className="text-rose-700">Applying the trackers stopped. It is retried automatically.</p>}
      {isRunning(state) && <ProgressBar pct={state.status === "queued" ? 0 : pct} />}
    </div>
  );
}
