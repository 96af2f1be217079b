"use client";

import { Button } from "@/components/ui/button";
import type { MetricsBackfillState } from "@/lib/calls/metrics/backfill";
import { adminFetch } from "./admin-fetch";
import { ProgressBar, usePolled } from "./background-progress";
import { ActionError, useAction } from "./use-action";

// The Settings page's talk metrics section: the backfill that computes them for
// stored calls (queued by itself after an upgrade), its progress followed every
// second, and a button that recomputes every call's metrics.

const isRunning = (s: MetricsBackfillState | null) => s?.status === "queued" || s?.status === "running";
const n = (x: number) => x.toLocaleString("en-US");

export function TalkMetricsPanel({ initial }: { initial: MetricsBackfillState | null }) {
  const [state, setState] = usePolled(initial, "/api/settings/talk-metrics", (a: { backfill: MetricsBackfillState | null }) => a.backfill, isRunning);
  const { run, busy, error } = useAction(
    async () => {
      const { backfill } = await adminFetch<{ backfill: MetricsBackfillState }>("/api/settings/talk-metrics", "POST");
      setState(backfill);
    },
    { refresh: false },
  );
  const walking = isRunning(state);
  const pct = state?.total ? Math.round((100 * state.done) / state.total) : 0;
  return (
    <section aria-labelledby="talk-metrics-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="talk-metrics">
      <div>
        <h2 id="talk-metrics-heading" className="font-semibold text-slate-900">
          Talk metrics
        </h2>
        <p className="text-sm text-slate-600">
          Talk ratio, monologues, interruptions, silence, questions and pace are read from each call&apos;s transcript when it is saved. Calls stored before
          that get them in the background.
        </p>
      </div>
      {walking && state && (
        <div role="status" className="space-y-1 text-sm text-slate-600" data-testid="talk-metrics-progress">
          <p>
            Computing talk metrics: {n(state.done)} of {n(state.total)} calls ({pct}%)
          </p>
          <ProgressBar pct={pct} />
        </div>
      )}
      {state?.status === "done" && (
        <p className="text-sm text-slate-600" role="status" data-testid="talk-metrics-done">
          Checked {n(state.done)} calls; {n(state.changed)} got new talk metrics.
        </p>
      )}
      {state?.status === "failed" && (
        <p className="text-sm text-rose-700" role="alert">
          The last run stopped: {state.error}
        </p>
      )}
      <div className="flex items-center gap-3">
        <Button type="button" onClick={() => void run()} disabled={busy || walking}>
          Recompute talk metrics
        </Button>
        <span className="text-xs text-slate-500">Reads every stored transcript again; calls whose metrics are right are left as they are.</span>
      </div>
      <ActionError error={error} />
    </section>
  );
}
