"use client";

import { Button } from "@/components/ui/button";
import { formatBytes } from "@/components/calls/recording-note";
import type { ArchiveBackfillState, ArchiveCounts } from "@/lib/recordings/backfill";
import { adminFetch } from "./admin-fetch";
import { ProgressBar, usePolled } from "./background-progress";
import { ActionError, useAction } from "./use-action";

// The Sources page's view of the recording archive: how many copies are kept,
// waiting or failed, where, and a button that archives older calls (and tries
// failed copies again), with its progress followed every second.

export interface ArchiveView {
  store: "local" | "s3";
  counts: ArchiveCounts;
  backfill: ArchiveBackfillState | null;
}

// Followed while a backfill walks the calls, not whenever copies are pending:
// new calls keep a few pending all day, and the counts scan the archive table.
const isRunning = (v: ArchiveView) => v.backfill?.status === "queued" || v.backfill?.status === "running";
const n = (x: number) => x.toLocaleString("en-US");

export function RecordingArchivePanel({ initial }: { initial: ArchiveView }) {
  const [view, setView] = usePolled(initial, "/api/recordings", (a: ArchiveView) => a, isRunning);
  const {
    run: start,
    busy,
    error,
  } = useAction(
    async () => {
      const { backfill } = await adminFetch<{ backfill: ArchiveBackfillState }>("/api/recordings/backfill", "POST");
      setView((v) => ({ ...v, backfill }));
    },
    { refresh: false },
  );
  const { counts, backfill } = view;
  const walking = backfill?.status === "queued" || backfill?.status === "running";
  const pct = backfill?.total ? Math.round((100 * backfill.done) / backfill.total) : 0;
  return (
    <section className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="archive-title" data-testid="recording-archive">
      <h2 id="archive-title" className="text-sm font-semibold text-slate-900">
        Recording archive
      </h2>
      <p className="text-sm text-slate-600">
        {n(counts.stored)} recordings kept ({formatBytes(counts.bytes)}) {initial.store === "s3" ? "in the S3 bucket" : "on this server's disk"}
        {counts.pending > 0 && <>, {n(counts.pending)} being copied</>}
        {counts.failed > 0 && <span className="text-amber-800">, {n(counts.failed)} could not be copied</span>}
        {counts.deleted > 0 && <>, {n(counts.deleted)} deleted by retention</>}.
      </p>
      {walking && (
        <div role="status" className="space-y-1 text-sm text-slate-600" data-testid="archive-progress">
          <p>
            Queuing older calls&apos; recordings: {n(backfill.done)} of {n(backfill.total)} calls checked ({pct}%)
          </p>
          <ProgressBar pct={pct} />
        </div>
      )}
      {backfill?.status === "done" && (
        <p className="text-sm text-slate-600" role="status">
          Checked {n(backfill.done)} calls; {n(backfill.changed)} recordings queued for the archive.
        </p>
      )}
      <div className="flex items-center gap-3">
        <Button type="button" onClick={() => void start()} disabled={busy || walking}>
          Archive older recordings
        </Button>
        <span className="text-xs text-slate-500">Copies calls stored before the archive existed, and tries failed copies again.</span>
      </div>
      <ActionError error={error} />
    </section>
  );
}
