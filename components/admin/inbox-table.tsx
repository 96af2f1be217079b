"use client";

import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { LocalTime } from "@/components/ui/local-time";
import type { ReplayOutcome } from "@/lib/inbox/events";
import { replay } from "./replay";
import { ReplayOutcomeView } from "./replay-outcome";
import { ActionError, useAction } from "./use-action";
import { RAW_STATUS_TONE } from "./labels";

export interface InboxRow {
  id: string;
  receivedAt: string;
  sourceName: string;
  method: string;
  status: string;
  error: string | null;
  callId: string | null;
  isTest: boolean;
}

/** A row's status and call as the replay left them. */
function afterReplay(o: ReplayOutcome): Partial<InboxRow> {
  if (o.result === "stored") return { status: "stored", error: null, callId: o.callId ?? null };
  if (o.result === "duplicate" || o.result === "stale") return { status: "duplicate", error: null, callId: o.callId ?? null };
  if (o.result === "rejected" || o.result === "failed") return { status: o.result, error: o.error ?? null };
  return {};
}

/**
 * Raw events with checkboxes: replay a selection and see what became of each.
 * Replayed rows stay on screen (even when they no longer match the filter),
 * with their new status, until the page is reloaded.
 */
export function InboxTable({ rows }: { rows: InboxRow[] }) {
  const [selected, setSelected] = useState(() => new Set<string>());
  const [outcomes, setOutcomes] = useState(() => new Map<string, ReplayOutcome>());

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));

  const {
    run: replaySelected,
    busy,
    error,
  } = useAction(
    async () => {
      const result = await replay([...selected]);
      setOutcomes((o) => new Map([...o, ...result]));
      setSelected(new Set());
      // Not refreshed: a list filtered by status would drop the rows whose outcomes are shown.
    },
    { refresh: false },
  );

  const selectAll = (
    <input
      type="checkbox"
      aria-label="Select all on this page"
      checked={allSelected}
      onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)))}
    />
  );
  const columns = [{ label: selectAll }, "Received", "Source", "Status", "Why / call", "Replay"];

  return (
    <div className="space-y-2">
      <div className="flex items-center gap-3">
        <Button onClick={() => void replaySelected()} disabled={busy || selected.size === 0}>
          {busy ? "Replaying…" : selected.size ? `Replay ${selected.size} selected` : "Replay selected"}
        </Button>
        <span className="text-xs text-slate-500">Replays run each event through its source&apos;s current adapter.</span>
        <ActionError error={error} />
      </div>
      <DataTable columns={columns}>
        {rows.map((row) => {
          const outcome = outcomes.get(row.id);
          const r = outcome ? { ...row, ...afterReplay(outcome) } : row;
          return (
            <tr key={r.id} data-testid="inbox-row">
              <td className="px-4 py-3">
                <input type="checkbox" aria-label={`Select event ${r.id}`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
              </td>
              <td className="px-4 py-3 whitespace-nowrap">
                <Link href={`/admin/inbox/${r.id}`} className="text-indigo-700 hover:underline">
                  <LocalTime iso={r.receivedAt} />
                </Link>
                <span className="ml-1 text-xs text-slate-500">{r.method}</span>
              </td>
              <td className="px-4 py-3">{r.sourceName}</td>
              <td className="px-4 py-3">
                <Badge tone={RAW_STATUS_TONE[r.status] ?? "gray"}>{r.status}</Badge>
                {r.isTest && (
                  <span className="ml-1" title="Sent with Send test event">
                    <Badge tone="gray">Test</Badge>
                  </span>
                )}
              </td>
              <td className="max-w-md px-4 py-3 text-xs text-slate-600">
                {r.error ? (
                  <span className="line-clamp-2">{r.error}</span>
                ) : r.callId ? (
                  <Link href={`/calls/${r.callId}`} className="text-indigo-700 hover:underline">
                    open call
                  </Link>
                ) : null}
              </td>
              <td className="px-4 py-3">{outcome && <ReplayOutcomeView outcome={outcome} />}</td>
            </tr>
          );
        })}
      </DataTable>
    </div>
  );
}
