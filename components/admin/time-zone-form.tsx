"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { RebucketState } from "@/lib/stats/rebucket";
import { adminFetch } from "./admin-fetch";
import { ProgressBar, usePolledState } from "./background-progress";
import { ActionError, submitWith, useAction } from "./use-action";

const label = (zone: string) => zone.replaceAll("_", " ");

/**
 * Progress of the background re-grouping of the charts' days towards `target`
 * (the saved zone), followed every second until the rollups are there.
 */
function RebucketProgress({ initial, target }: { initial: RebucketState; target: string }) {
  const isRunning = (s: RebucketState) => s.to !== null || s.zone !== target;
  const state = usePolledState(initial, "/api/settings/time-zone", (a: { rebucket: RebucketState }) => a.rebucket, isRunning);
  const running = isRunning(state);
  const pct = state.total ? Math.min(100, Math.round((100 * state.done) / state.total)) : 0;
  return (
    <div role="status" data-testid="rebucket-progress" className="space-y-1 text-sm text-slate-600">
      {running && !state.to && <p>Re-grouping the charts by day in {label(target)} starts in a moment…</p>}
      {running && state.to && state.status !== "failed" && (
        <p>
          Re-grouping the charts by day in {label(state.to)}: {state.done.toLocaleString()} of {state.total.toLocaleString()} calls ({pct}%). Until it finishes,
          some days may still be counted in {label(state.zone)}.
        </p>
      )}
      {running && state.status === "failed" && <p className="text-rose-700">Re-grouping the charts stopped: {state.error}. It is retried automatically.</p>}
      {!running && <p>The charts count days in {label(state.zone)}.</p>}
      {running && <ProgressBar pct={pct} />}
    </div>
  );
}

/** The organisation's time zone: a searchable list of IANA zones. */
export function TimeZoneForm({ timeZone, zones, rebucket }: { timeZone: string; zones: string[]; rebucket: RebucketState }) {
  const [progress, setProgress] = useState(rebucket);
  const [saved, setSaved] = useState(timeZone);
  const {
    run: submit,
    busy,
    error,
  } = useAction(async (form: FormData) => {
    const field = form.get("timeZone");
    const typed = typeof field === "string" ? field.trim() : "";
    // The list shows spaces for underscores; either spelling is accepted.
    const zone = zones.find((z) => z === typed || label(z) === typed) ?? typed;
    if (!zones.includes(zone)) throw new Error("Choose a time zone from the list, for example America/New_York.");
    const answer = await adminFetch<{ timeZone: string; rebucket: RebucketState }>("/api/settings/time-zone", "PUT", { timeZone: zone });
    setSaved(answer.timeZone);
    setProgress(answer.rebucket);
  });
  return (
    <form onSubmit={submitWith(submit)} className="space-y-4" aria-label="Choose the time zone">
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Time zone" hint="Type to search, e.g. “New York” or “Berlin”.">
          <input name="timeZone" list="time-zones" required defaultValue={saved} autoComplete="off" spellCheck={false} className="input block w-full sm:w-80" />
        </Field>
        <datalist id="time-zones">
          {zones.map((z) => (
            <option key={z} value={z}>
              {label(z)}
            </option>
          ))}
        </datalist>
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save time zone"}
        </Button>
      </div>
      <ActionError error={error} />
      <RebucketProgress key={`${saved}-${progress.startedAt ?? ""}`} initial={progress} target={saved} />
    </form>
  );
}
