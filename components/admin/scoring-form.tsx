"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { OUTCOMES } from "@/lib/providers/values";
import type { RescoreState } from "@/lib/scoring/rescore";
import { adminFetch } from "./admin-fetch";
import { ProgressBar, usePolledState } from "./background-progress";
import { ActionError, submitWith, useAction } from "./use-action";

type Row = { raw: string; outcome: string };
/** A row on screen: `key` keeps each row's inputs with it when another row is removed. */
type KeyedRow = Row & { key: number };

const isRunning = (s: RescoreState | null) => s?.status === "queued" || s?.status === "running";

/**
 * Progress of the background re-score, followed every second while it runs.
 * A new run starts from its own state: the form keys this by the run's id.
 */
function RescoreProgress({ initial }: { initial: RescoreState | null }) {
  const state = usePolledState(initial, "/api/settings/scoring", (a: { rescore: RescoreState | null }) => a.rescore, isRunning);
  if (!state) return null;
  const running = isRunning(state);
  const pct = state.total ? Math.round((100 * state.done) / state.total) : 100;
  return (
    <div role="status" data-testid="rescore-progress" className="space-y-1 text-sm text-slate-600">
      {state.status === "queued" && <p>Re-scoring past calls starts in a few seconds…</p>}
      {state.status === "running" && (
        <p>
          Re-scoring past calls: {state.done.toLocaleString()} of {state.total.toLocaleString()} ({pct}%)
        </p>
      )}
      {state.status === "done" && (
        <p>
          Re-scored {state.done.toLocaleString()} calls; {state.changed.toLocaleString()} changed.
        </p>
      )}
      {state.status === "failed" && <p className="text-rose-700">Re-scoring stopped: {state.error}. It is retried automatically.</p>}
      {running && <ProgressBar pct={state.status === "queued" ? 0 : pct} />}
    </div>
  );
}

export function ScoringForm({ hotThreshold, outcomeMap, rescore }: { hotThreshold: number; outcomeMap: Row[]; rescore: RescoreState | null }) {
  const [rows, setRows] = useState<KeyedRow[]>(() => (outcomeMap.length ? outcomeMap : [{ raw: "", outcome: "interested" }]).map((r, key) => ({ ...r, key })));
  const [progress, setProgress] = useState(rescore);
  const {
    run: submit,
    busy,
    error,
  } = useAction(async (form: FormData) => {
    const body = { hotThreshold: Number(form.get("hotThreshold")), outcomeMap: rows.filter((r) => r.raw.trim()).map(({ raw, outcome }) => ({ raw, outcome })) };
    const saved = await adminFetch<{ rescore: RescoreState }>("/api/settings/scoring", "PUT", body);
    setProgress(saved.rescore);
  });
  const update = (key: number, change: Partial<Row>) => setRows(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const nextKey = () => rows.reduce((max, r) => Math.max(max, r.key), -1) + 1;

  return (
    <form onSubmit={submitWith(submit)} className="space-y-5" aria-label="Scoring settings">
      <Field label="A call is a hot lead from this lead score (0–100)">
        <input name="hotThreshold" type="number" min={0} max={100} required defaultValue={hotThreshold} className="input block w-28" />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">Outcome mapping</legend>
        <p className="text-sm text-slate-600">
          What a vendor&apos;s outcome means, where the built-in reading gets it wrong. Matching ignores case, spaces, _ and -. A call that never connected (no
          answer, busy, voicemail, failed) keeps that outcome.
        </p>
        {rows.map((r) => (
          <div key={r.key} className="flex flex-wrap items-center gap-2" data-testid="mapping-row">
            <input
              aria-label="Vendor outcome"
              value={r.raw}
              onChange={(e) => update(r.key, { raw: e.target.value })}
              placeholder="e.g. Site visit booked"
              className="input w-64"
            />
            <span className="text-slate-500">means</span>
            <select aria-label="Canonical outcome" value={r.outcome} onChange={(e) => update(r.key, { outcome: e.target.value })} className="input w-52">
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {o.replaceAll("_", " ")}
                </option>
              ))}
            </select>
            <Button type="button" variant="ghost" onClick={() => setRows(rows.filter((row) => row.key !== r.key))} aria-label={`Remove ${r.raw || "row"}`}>
              Remove
            </Button>
          </div>
        ))}
        <Button type="button" variant="secondary" onClick={() => setRows([...rows, { key: nextKey(), raw: "", outcome: "interested" }])}>
          Add a mapping
        </Button>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save and re-score past calls"}
        </Button>
      </div>
      <ActionError error={error} />
      <RescoreProgress key={progress?.runId ?? "none"} initial={progress} />
    </form>
  );
}
