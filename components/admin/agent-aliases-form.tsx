"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { PROVIDER_NAMES } from "@/components/calls/labels";
import type { AgentAliases } from "@/lib/agents/aliases";
import type { ReapplyState } from "@/lib/agents/reapply";
import type { SeenAgent } from "@/lib/agents/settings";
import { adminFetch } from "./admin-fetch";
import { ProgressBar, usePolledState } from "./background-progress";
import { ActionError, submitWith, useAction } from "./use-action";

const calls = (n: number) => `${n.toLocaleString()} ${n === 1 ? "call" : "calls"}`;

const isRunning = (s: ReapplyState | null) => s?.status === "queued" || s?.status === "running";

/** Progress of applying the names to past calls, followed every second while it runs. */
function ReapplyProgress({ initial }: { initial: ReapplyState | null }) {
  const state = usePolledState(initial, "/api/settings/agents", (a: { reapply: ReapplyState | null }) => a.reapply, isRunning);
  if (!state) return null;
  const pct = state.total ? Math.round((100 * state.done) / state.total) : 100;
  return (
    <div role="status" data-testid="agents-progress" className="space-y-1 text-sm text-slate-600">
      {state.status === "queued" && <p>Updating past calls starts in a few seconds…</p>}
      {state.status === "running" && (
        <p>
          Updating past calls: {state.done.toLocaleString()} of {state.total.toLocaleString()} ({pct}%)
        </p>
      )}
      {state.status === "done" && (
        <p>
          Checked {calls(state.done)}; {state.changed.toLocaleString()} now {state.changed === 1 ? "shows" : "show"} another agent name.
        </p>
      )}
      {state.status === "failed" && <p className="text-rose-700">Updating past calls stopped. It is retried automatically.</p>}
      {isRunning(state) && <ProgressBar pct={state.status === "queued" ? 0 : pct} />}
    </div>
  );
}

interface Row {
  raw: string;
  providers: string[];
  calls: number;
}

/** Every name seen in calls, plus names mapped before that no call carries now. */
function rowsOf(seen: SeenAgent[], aliases: AgentAliases["aliases"]): Row[] {
  const rows = new Map<string, Row>();
  for (const s of seen) {
    const row = rows.get(s.name) ?? { raw: s.name, providers: [], calls: 0 };
    row.providers.push(PROVIDER_NAMES[s.provider] ?? s.provider);
    row.calls += s.calls;
    rows.set(s.name, row);
  }
  for (const a of aliases) if (!rows.has(a.raw)) rows.set(a.raw, { raw: a.raw, providers: [], calls: 0 });
  return [...rows.values()];
}

/**
 * Agent names: each name or id the vendors sent, with its calls, and the one
 * agent it stands for. Left empty, a name stays as the vendor sent it.
 */
export function AgentAliasesForm({ aliases, seen, reapply }: { aliases: AgentAliases["aliases"]; seen: SeenAgent[]; reapply: ReapplyState | null }) {
  const [rows] = useState(() => rowsOf(seen, aliases));
  const [names, setNames] = useState<Record<string, string>>(() => Object.fromEntries(aliases.map((a) => [a.raw, a.agent])));
  const [progress, setProgress] = useState(reapply);
  const known = [...new Set(Object.values(names).filter((n) => n.trim()))].sort();
  const { run, busy, error } = useAction(async () => {
    const body = {
      aliases: Object.entries(names)
        .map(([raw, agent]) => ({ raw, agent: agent.trim() }))
        .filter((a) => a.agent && a.agent !== a.raw),
    };
    const saved = await adminFetch<{ reapply: ReapplyState }>("/api/settings/agents", "PUT", body);
    setProgress(saved.reapply);
  });

  if (rows.length === 0) return <p className="text-sm text-slate-600">No call has named an agent yet.</p>;
  return (
    <form onSubmit={submitWith(run)} className="space-y-3" aria-label="Agent names">
      <datalist id="agent-names">
        {known.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      {/* A table on wide screens, a card per name on a phone: the name and its calls above the field. */}
      <div className="hidden grid-cols-[minmax(0,2fr)_minmax(0,1fr)_5rem_minmax(0,16rem)] gap-4 text-xs font-medium tracking-wide text-slate-500 uppercase sm:grid">
        <span>Name the vendor sent</span>
        <span>Vendor</span>
        <span className="text-right">Calls</span>
        <span>Shown as</span>
      </div>
      <ul className="divide-y divide-slate-100">
        {rows.map((r) => (
          <li
            key={r.raw}
            data-testid="agent-row"
            className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 gap-y-1 py-2 text-sm sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_5rem_minmax(0,16rem)]"
          >
            <span className="truncate font-mono text-xs text-slate-800" title={r.raw}>
              {r.raw}
            </span>
            <span className="hidden text-slate-600 sm:block">{r.providers.join(", ") || "–"}</span>
            <span className="text-right text-slate-600 tabular-nums">
              {r.calls.toLocaleString()}
              <span className="sm:hidden"> {r.calls === 1 ? "call" : "calls"}</span>
              <span className="text-slate-500 sm:hidden"> · {r.providers.join(", ") || "–"}</span>
            </span>
            <input
              aria-label={`Agent for ${r.raw}`}
              list="agent-names"
              value={names[r.raw] ?? ""}
              onChange={(e) => setNames({ ...names, [r.raw]: e.target.value })}
              placeholder={r.raw}
              maxLength={200}
              className="input col-span-2 w-full sm:col-span-1"
            />
          </li>
        ))}
      </ul>
      <Button type="submit" disabled={busy}>
        {busy ? "Saving…" : "Save and update past calls"}
      </Button>
      <ActionError error={error} />
      <ReapplyProgress key={progress?.runId ?? "none"} initial={progress} />
    </form>
  );
}
