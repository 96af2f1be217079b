"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import type { BackfillState } from "@/lib/jobs/backfill";
import type { TrackerView } from "@/lib/trackers/manage";
import { adminFetch } from "./admin-fetch";
import { TrackerForm, type TrackerFields } from "./tracker-form";
import { TrackerProgress } from "./tracker-progress";
import { ActionError, useAction } from "./use-action";

type Tracker = TrackerView & { callsLast30Days: number };

const SPEAKER: Record<string, string> = { any: "Anyone", agent: "Agent", customer: "Customer" };
const td = "px-4 py-3";
const card = "rounded-xl border border-slate-200 bg-white p-4 shadow-sm";

/** The trackers with their recent hits, a form to add one, editing in place, and the progress of applying a change. */
export function TrackersAdmin({ trackers, reapply }: { trackers: Tracker[]; reapply: BackfillState | null }) {
  const [progress, setProgress] = useState(reapply);
  // A new run re-mounts the progress, which then follows it.
  const [run, setRun] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const router = useRouter();
  const started = (state: BackfillState) => {
    setProgress(state);
    setRun((n) => n + 1);
  };
  const create = useAction(async (fields: TrackerFields) => {
    started((await adminFetch<{ reapply: BackfillState }>("/api/trackers", "POST", fields)).reapply);
  });
  const update = useAction(async (id: string, fields: TrackerFields) => {
    started((await adminFetch<{ reapply: BackfillState }>(`/api/trackers/${id}`, "PATCH", fields)).reapply);
    setEditing(null);
  });
  const remove = useAction(async (t: Tracker) => {
    if (!window.confirm(`Delete the tracker "${t.name}"? Calls lose its hits and its score points.`)) return;
    started((await adminFetch<{ reapply: BackfillState }>(`/api/trackers/${t.id}`, "DELETE")).reapply);
  });

  return (
    <div className="space-y-4">
      {/* Once the calls are through, the hit counts are read again. */}
      <TrackerProgress key={run} initial={progress} onDone={() => router.refresh()} />
      <section aria-labelledby="new-tracker" className={card}>
        <h2 id="new-tracker" className="mb-3 font-semibold text-slate-900">
          Add a tracker
        </h2>
        {/* Re-mounted after each save, so the form starts empty again. */}
        <TrackerForm key={run} onSave={(f) => create.run(f)} busy={create.busy} error={create.error} />
      </section>
      <ActionError error={remove.error} />
      <DataTable
        columns={["Tracker", "Phrases", "Whose words", { label: "Points", className: "text-right" }, { label: "Calls, 30 days", className: "text-right" }, ""]}
      >
        {trackers.length === 0 && (
          <tr>
            <td colSpan={6} className="px-3 py-6 text-center text-slate-500">
              No trackers yet.
            </td>
          </tr>
        )}
        {trackers.map((t) =>
          editing === t.id ? (
            <tr key={t.id} data-testid="tracker-row">
              <td colSpan={6} className={td}>
                <TrackerForm tracker={t} onSave={(f) => update.run(t.id, f)} onCancel={() => setEditing(null)} busy={update.busy} error={update.error} />
              </td>
            </tr>
          ) : (
            <tr key={t.id} data-testid="tracker-row" className="align-top">
              <td className={td}>
                <div className="font-medium text-slate-900">{t.name}</div>
                {!t.enabled && <Badge>Off</Badge>}
              </td>
              <td className={`${td} max-w-md`}>
                <div className="flex flex-wrap gap-1">
                  {t.phrases.map((p) => (
                    <code key={`${p.text}${p.stem}`} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                      {p.text}
                      {p.stem && "*"}
                    </code>
                  ))}
                </div>
              </td>
              <td className={`${td} whitespace-nowrap text-slate-700`}>{SPEAKER[t.speaker] ?? t.speaker}</td>
              <td className={`${td} text-right text-slate-700 tabular-nums`}>{t.points === null ? "–" : t.points > 0 ? `+${t.points}` : t.points}</td>
              <td className={`${td} text-right tabular-nums`}>
                <Link href={`/calls?tracker=${t.id}&period=30d`} className="text-indigo-700 hover:underline">
                  {t.callsLast30Days.toLocaleString()}
                </Link>
              </td>
              <td className={`${td} whitespace-nowrap`}>
                <div className="flex gap-1">
                  <Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => setEditing(t.id)}>
                    Edit
                  </Button>
                  <Button variant="ghost" className="px-2 py-1 text-xs text-rose-700" disabled={remove.busy} onClick={() => void remove.run(t)}>
                    Delete
                  </Button>
                </div>
              </td>
            </tr>
          ),
        )}
      </DataTable>
    </div>
  );
}
