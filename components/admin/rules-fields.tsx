"use client";

import { Field } from "@/components/ui/field";
import { formText } from "@/components/ui/form-text";
import { OUTCOMES } from "@/lib/providers/values";
import type { Rules } from "@/lib/destinations/rules";

/** The "which calls" part of a destination's form; read back with readRulesForm. */
export function RulesFields({ rules, sources, alerts }: { rules: Rules; sources: { id: string; name: string }[]; alerts: boolean }) {
  return (
    <fieldset className="space-y-3 pt-2">
      <legend className="text-sm font-medium text-slate-900">Which calls</legend>
      <div className="flex flex-wrap gap-4">
        <Field label="Send">
          <select name="rules.calls" defaultValue={rules.calls} className="input block">
            <option value="hot">Hot leads only</option>
            <option value="all">Every finished call</option>
            <option value="none">No calls</option>
          </select>
        </Field>
        <Field label="Minimum lead score">
          <input name="rules.minScore" type="number" min={0} max={100} defaultValue={rules.minScore ?? ""} placeholder="any" className="input block w-28" />
        </Field>
      </div>
      <div className="text-sm text-slate-600">
        <span className="mb-1 block">Outcomes (none ticked: any)</span>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {OUTCOMES.map((o) => (
            <label key={o} className="inline-flex items-center gap-1.5">
              <input type="checkbox" name="rules.outcomes" value={o} defaultChecked={rules.outcomes.includes(o)} /> {o.replaceAll("_", " ")}
            </label>
          ))}
        </div>
      </div>
      {sources.length > 0 && (
        <div className="text-sm text-slate-600">
          <span className="mb-1 block">Sources (none ticked: all)</span>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {sources.map((s) => (
              <label key={s.id} className="inline-flex items-center gap-1.5">
                <input type="checkbox" name="rules.sourceIds" value={s.id} defaultChecked={rules.sourceIds.includes(s.id)} /> {s.name}
              </label>
            ))}
          </div>
        </div>
      )}
      <label className="inline-flex items-center gap-1.5 text-sm text-slate-600">
        <input type="checkbox" name="rules.updates" defaultChecked={rules.updates} /> Send a call again when a reviewer corrects it (outcome, sentiment, hot)
      </label>
      {alerts && (
        <label className="inline-flex items-center gap-1.5 text-sm text-slate-600">
          <input type="checkbox" name="rules.alerts" defaultChecked={rules.alerts} /> Also send source alerts (a source gone quiet or failing)
        </label>
      )}
    </fieldset>
  );
}

export function readRulesForm(form: FormData): Rules {
  const minScore = formText(form, "rules.minScore").trim();
  return {
    calls: form.get("rules.calls") as Rules["calls"],
    minScore: minScore === "" ? null : Number(minScore),
    outcomes: form.getAll("rules.outcomes") as Rules["outcomes"],
    sourceIds: form.getAll("rules.sourceIds") as string[],
    alerts: form.get("rules.alerts") === "on",
    updates: form.get("rules.updates") === "on",
  };
}
