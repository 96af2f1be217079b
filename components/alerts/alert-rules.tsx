"use client";

import { useState } from "react";
import { adminFetch } from "@/components/admin/admin-fetch";
import { ActionError, useAction } from "@/components/admin/use-action";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { conditionText, valueText, windowText } from "@/lib/alerts/catalog";
import type { RuleView } from "@/lib/alerts/manage";
import { RuleForm, type RuleFields, type RuleOptions } from "./rule-form";

const card = "rounded-xl border border-slate-200 bg-white p-4 shadow-sm";

function state(rule: RuleView): { label: string; tone: Tone; title?: string } {
  if (!rule.enabled) return { label: "Off", tone: "gray" };
  if (rule.lastError) return { label: "Skipped", tone: "red", title: rule.lastError };
  if (rule.open) return { label: "Firing", tone: "amber" };
  if (!rule.lastEvaluatedAt) return { label: "Waiting", tone: "gray" };
  return { label: "OK", tone: "green" };
}

/** The rules with their state, a form to add one, editing in place, turning on and off, deleting. */
export function AlertRules({ rules, options, showOwner }: { rules: RuleView[]; options: RuleOptions; showOwner: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(rules.length === 0);
  const [formKey, setFormKey] = useState(0);
  const create = useAction(async (fields: RuleFields) => {
    await adminFetch("/api/alerts/rules", "POST", fields);
    setFormKey((k) => k + 1);
    setAdding(false);
  });
  const update = useAction(async (id: string, fields: Partial<RuleFields>) => {
    await adminFetch(`/api/alerts/rules/${id}`, "PATCH", fields);
    setEditing(null);
  });
  // Apart from `update`, whose refusal the edited rule's form shows (and drops once its fields change).
  const toggle = useAction(async (rule: RuleView) => {
    await adminFetch(`/api/alerts/rules/${rule.id}`, "PATCH", { enabled: !rule.enabled });
  });
  const remove = useAction(async (rule: RuleView) => {
    if (!window.confirm(`Delete the alert rule "${rule.name}"? Its alert history goes with it.`)) return;
    await adminFetch(`/api/alerts/rules/${rule.id}`, "DELETE");
  });

  return (
    <div className="space-y-4">
      {adding ? (
        <section aria-labelledby="new-rule" className={card}>
          <h2 id="new-rule" className="mb-3 font-semibold text-slate-900">
            New alert rule
          </h2>
          <RuleForm
            key={formKey}
            options={options}
            onSave={(f) => create.run(f)}
            onCancel={rules.length ? () => setAdding(false) : undefined}
            busy={create.busy}
            error={create.error}
          />
        </section>
      ) : (
        <Button onClick={() => setAdding(true)}>New alert rule</Button>
      )}
      <ActionError error={remove.error ?? toggle.error} />
      {rules.length === 0 ? (
        <EmptyState title="No alert rules yet">Add one above: the dashboard then tells you when a number moves.</EmptyState>
      ) : (
        <ul aria-label="Alert rules" className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm">
          {rules.map((r) => {
            const s = state(r);
            return editing === r.id ? (
              <li key={r.id} data-testid="alert-rule" className="p-4">
                <RuleForm
                  rule={r}
                  options={options}
                  onSave={(f) => update.run(r.id, f)}
                  onCancel={() => setEditing(null)}
                  busy={update.busy}
                  error={update.error}
                />
              </li>
            ) : (
              <li key={r.id} data-testid="alert-rule" className="flex flex-col gap-3 p-4 lg:flex-row lg:items-start">
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-900">{r.name}</span>
                    <Badge tone={s.tone}>{s.label}</Badge>
                  </div>
                  <div className="mt-0.5 text-xs text-slate-600">
                    {r.metric === "source_silence" ? (r.sourceName ?? "A deleted source") : (r.viewName ?? "All calls")} · {conditionText(r)}
                    {r.metric === "source_silence" ? "" : ` · over ${windowText(r.windowMinutes)}`}
                  </div>
                  <div className="mt-1 max-w-2xl text-xs text-slate-500">{r.description}.</div>
                  {showOwner && <div className="mt-1 text-xs text-slate-500">Owner: {r.owner.name ?? r.owner.email}</div>}
                  {r.enabled && r.lastError && <p className="mt-1 text-xs text-rose-700">Skipped: {r.lastError}</p>}
                </div>
                <dl className="grid shrink-0 grid-cols-2 gap-x-6 gap-y-1 text-xs lg:w-72">
                  <dt className="text-slate-500">Last value</dt>
                  <dd className="text-slate-900 tabular-nums">
                    {r.lastValue === null ? "–" : valueText(r.metric, r.lastValue)}
                    {r.lastDetail && !r.lastError && <span className="block text-slate-500">{r.lastDetail}</span>}
                  </dd>
                  <dt className="text-slate-500">Last evaluated</dt>
                  <dd className="text-slate-700">{r.lastEvaluatedAt ? <LocalTime iso={r.lastEvaluatedAt} /> : "Not yet"}</dd>
                </dl>
                <div className="flex shrink-0 gap-1">
                  <Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => setEditing(r.id)}>
                    Edit
                  </Button>
                  <Button variant="secondary" className="px-2 py-1 text-xs" disabled={toggle.busy} onClick={() => void toggle.run(r)}>
                    {r.enabled ? "Turn off" : "Turn on"}
                  </Button>
                  <Button variant="ghost" className="px-2 py-1 text-xs text-rose-700" disabled={remove.busy} onClick={() => void remove.run(r)}>
                    Delete
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
