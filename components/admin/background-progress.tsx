"use client";

import { useEffect, useEffectEvent, useState } from "react";
import { adminFetch } from "./admin-fetch";

// Background work started from a settings form (re-scoring, agent names,
// time zone) shows its progress, re-read every second while it goes on.

/**
 * `initial`, then the state read from `path` (picked from its answer by
 * `pick`) every second while `isRunning` says the work goes on. A failed read
 * changes nothing on screen; the next one tries again.
 */
export function usePolledState<T, A>(initial: T, path: string, pick: (answer: A) => T, isRunning: (state: T) => boolean): T {
  return usePolled(initial, path, pick, isRunning)[0];
}

/** usePolledState, with a setter for an answer that starts the work (polling then follows it). */
export function usePolled<T, A>(initial: T, path: string, pick: (answer: A) => T, isRunning: (state: T) => boolean) {
  const [state, setState] = useState(initial);
  const running = isRunning(state);
  const poll = useEffectEvent(() => {
    adminFetch<A>(path, "GET").then(
      (answer) => setState(pick(answer)),
      () => {},
    );
  });
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(poll, 1000);
    return () => clearInterval(timer);
  }, [running]);
  return [state, setState] as const;
}

/** A bar under the progress text: `pct` of the way, a sliver before the work starts. */
export function ProgressBar({ pct }: { pct: number }) {
  return (
    <div className="h-2 w-full max-w-md overflow-hidden rounded bg-slate-200" aria-hidden>
      <div className="h-full bg-indigo-600 transition-all" style={{ width: `${Math.max(2, Math.min(100, pct))}%` }} />
    </div>
  );
}
