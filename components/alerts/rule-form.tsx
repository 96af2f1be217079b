"use client";

import { useId, useState } from "react";
import { SaveOrCancel } from "@/components/admin/save-or-cancel";
import { Field } from "@/components/ui/field";
import {
  COMPARISONS,
  COMPARISON_LABELS,
  conditionText,
  DEFAULT_COOLDOWN_MINUTES,
  DEFAULT_MIN_COUNT,
  describeRule,
  isChange,
  METRIC_INFO,
  METRICS,
  needsMinCount,
  windowText,
  type Comparison,
  type Metric,
} from "@/lib/alerts/catalog";
import type { RuleView } from "@/lib/alerts/manage";

export interface RuleOptions {
  views: { id: string; name: string; shared: boolean; mine: boolean }[];
  trackers: { id: string; name: string }[];
  sources: { id: string; name: string }[];
  destinations: { id: string; name: string; kindLabel: string }[];
  /** Admins may send rules to destinations; others' rules email them. */
  admin: boolean;
  mailConfigured: boolean;
}

/** What the API takes. */
export interface RuleFields {
  name: string;
  viewId: string | null;
  metric: Metric;
  trackerId: string | null;
  sourceId: string | null;
  windowMinutes: number;
  comparison: Comparison;
  threshold: number;
  minCount: number;
  cooldownMinutes: number;
  email: boolean;
  destinationIds: string[];
  enabled: boolean;
}

const WINDOWS = [15, 30, 60, 120, 240, 480, 720, 1440, 2880, 10080];
const UNIT: Record<string, string> = { count: "", percent: "%", minutes: "min" };

function initial(rule: RuleView | undefined, options: RuleOptions): RuleFields {
  if (rule) {
    const { name, viewId, metric, trackerId, sourceId, windowMinutes, comparison, threshold, minCount, cooldownMinutes, email, destinationIds, enabled } = rule;
    return { name, viewId, metric, trackerId, sourceId, windowMinutes, comparison, threshold, minCount, cooldownMinutes, email, destinationIds, enabled };
  }
  return {
    name: "",
    viewId: null,
    metric: "connect_rate",
    trackerId: options.trackers[0]?.id ?? null,
    sourceId: options.sources[0]?.id ?? null,
    windowMinutes: 60,
    comparison: "below",
    threshold: 40,
    minCount: DEFAULT_MIN_COUNT,
    cooldownMinutes: DEFAULT_COOLDOWN_MINUTES,
    email: options.mailConfigured,
    destinationIds: [],
    enabled: true,
  };
}

/** Creating or editing an alert rule, with the rule read back as a sentence while it is filled in. */
export function RuleForm({
  rule,
  options,
  onSave,
  onCancel,
  busy,
  error,
}: {
  rule?: RuleView;
  options: RuleOptions;
  onSave: (fields: RuleFields) => Promise<void>;
  onCancel?: () => void;
  busy: boolean;
  error: string | null;
}) {
  const [f, setF] = useState<RuleFields>(() => initial(rule, options));
  // What the server refused stays shown until the fields change: then it may no longer hold.
  const [answered, setAnswered] = useState<string | null>(null);
  const shownError = error !== answered ? error : null;
  const edit = (next: (prev: RuleFields) => RuleFields) => {
    setAnswered(error);
    setF(next);
  };
  const set = <K extends keyof RuleFields>(key: K, value: RuleFields[K]) => edit((prev) => ({ ...prev, [key]: value }));
  const id = useId();
  const silence = f.metric === "source_silence";
  const names = {
    viewName: options.views.find((v) => v.id === f.viewId)?.name ?? null,
    trackerName: options.trackers.find((t) => t.id === f.trackerId)?.name ?? null,
    sourceName: options.sources.find((s) => s.id === f.sourceId)?.name ?? null,
  };
  const threshold = Number.isFinite(f.threshold) ? f.threshold : 0;
  const preview = describeRule({ ...f, threshold, ...names, viewName: silence ? null : names.viewName });
  const suggestedName = conditionText({ ...f, threshold, ...names });
  const unit = isChange(f.comparison) ? "%" : UNIT[METRIC_INFO[f.metric].unit];
  const windows = WINDOWS.includes(f.windowMinutes) ? WINDOWS : [...WINDOWS, f.windowMinutes].sort((a, b) => a - b);

  const changeMetric = (metric: Metric) =>
    edit((prev) => ({ ...prev, metric, ...(metric === "source_silence" ? { comparison: "above" as const, viewId: null, threshold: 60 } : {}) }));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setAnswered(null);
    void onSave({
      ...f,
      name: f.name.trim() || suggestedName,
      viewId: silence ? null : f.viewId,
      trackerId: f.metric === "tracker_mentions" ? f.trackerId : null,
      sourceId: silence ? f.sourceId : null,
    });
  };

  return (
    <form onSubmit={submit} aria-label={rule ? `Edit ${rule.name}` : "New alert rule"} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="What to watch">
          <select value={f.metric} onChange={(e) => changeMetric(e.target.value as Metric)} className="input block w-full">
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {METRIC_INFO[m].label}
              </option>
            ))}
          </select>
        </Field>
        {f.metric === "tracker_mentions" && (
          <Field label="Tracker">
            <select value={f.trackerId ?? ""} onChange={(e) => set("trackerId", e.target.value || null)} required className="input block w-full">
              {options.trackers.length === 0 && <option value="">No trackers yet</option>}
              {options.trackers.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        {silence ? (
          <Field label="Source">
            <select value={f.sourceId ?? ""} onChange={(e) => set("sourceId", e.target.value || null)} required className="input block w-full">
              {options.sources.length === 0 && <option value="">No sources yet</option>}
              {options.sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <>
            <Field label="Which calls">
              <select value={f.viewId ?? ""} onChange={(e) => set("viewId", e.target.value || null)} className="input block w-full">
                <option value="">All calls</option>
                {options.views.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                    {v.mine ? "" : " (shared)"}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Over the last">
              <select value={f.windowMinutes} onChange={(e) => set("windowMinutes", Number(e.target.value))} className="input block w-full">
                {windows.map((w) => (
                  <option key={w} value={w}>
                    {windowText(w)}
                  </option>
                ))}
              </select>
            </Field>
          </>
        )}
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Alert when it">
          <select value={f.comparison} onChange={(e) => set("comparison", e.target.value as Comparison)} disabled={silence} className="input block w-full">
            {(silence ? (["above"] as const) : COMPARISONS).map((c) => (
              <option key={c} value={c}>
                {silence ? "lasts more than" : COMPARISON_LABELS[c]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={isChange(f.comparison) ? "Change (%)" : `Threshold${unit ? ` (${unit})` : ""}`}>
          <input
            type="number"
            min={0}
            step="any"
            required
            value={Number.isFinite(f.threshold) ? f.threshold : ""}
            onChange={(e) => set("threshold", e.target.value === "" ? Number.NaN : Number(e.target.value))}
            className="input block w-full"
          />
        </Field>
        {needsMinCount(f.metric, f.comparison) && (
          <Field label={`At least (${METRIC_INFO[f.metric].base === "connected" ? "connected calls" : "calls"})`} hint="Fewer calls than this never fire it.">
            <input
              type="number"
              min={1}
              step={1}
              required
              value={f.minCount}
              onChange={(e) => set("minCount", Number(e.target.value))}
              className="input block w-full"
            />
          </Field>
        )}
        <Field label="Quiet for (minutes)" hint="After an alert clears, none opens again for this long.">
          <input
            type="number"
            min={0}
            step={1}
            required
            value={f.cooldownMinutes}
            onChange={(e) => set("cooldownMinutes", Number(e.target.value))}
            className="input block w-full"
          />
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm text-slate-600">Send to</legend>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={f.email && options.mailConfigured}
            disabled={!options.mailConfigured}
            onChange={(e) => set("email", e.target.checked)}
            className="size-4 rounded border-slate-300"
          />
          Email me
          {!options.mailConfigured && <span className="text-xs text-slate-500">(email is not set up on this server)</span>}
        </label>
        {options.destinations.map((d) => (
          <label key={d.id} className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={f.destinationIds.includes(d.id)}
              onChange={(e) => set("destinationIds", e.target.checked ? [...f.destinationIds, d.id] : f.destinationIds.filter((x) => x !== d.id))}
              className="size-4 rounded border-slate-300"
            />
            {d.name} <span className="text-xs text-slate-500">({d.kindLabel})</span>
          </label>
        ))}
        {options.destinations.length === 0 && (
          <p className="text-xs text-slate-500">
            {options.admin
              ? "No Slack or webhook destinations yet: add them under Admin → Forwarding."
              : "Alerts to a team's Slack channel or webhook are for admins to set up; yours come by email."}
          </p>
        )}
      </fieldset>
      <div className="flex flex-wrap items-end gap-4">
        <Field label="Name">
          <input
            value={f.name}
            onChange={(e) => set("name", e.target.value)}
            maxLength={120}
            placeholder={suggestedName}
            className="input block w-72 max-w-full"
          />
        </Field>
        <label className="mb-2 flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={f.enabled} onChange={(e) => set("enabled", e.target.checked)} className="size-4 rounded border-slate-300" />
          On
        </label>
      </div>
      <p id={`${id}-preview`} aria-live="polite" data-testid="rule-preview" className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-800">
        {preview}.
      </p>
      <SaveOrCancel busy={busy} label={rule ? "Save rule" : "Add rule"} onCancel={onCancel} error={shownError} describedBy={`${id}-preview`} />
    </form>
  );
}
