"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { formText } from "@/components/ui/form-text";
import { CALL_STATUSES, OUTCOMES, SENTIMENTS } from "@/lib/providers/values";
import { PROVIDER_IDS } from "@/lib/providers/types";
import { humanize, PROVIDER_NAMES } from "./labels";

// Every filter lives in the URL, so a filtered view can be shared and reloaded.
// Inputs are uncontrolled (they answer at once) and re-mount from the URL when it changes.

const PRESETS = [
  { label: "Today", days: 1 },
  { label: "7 days", days: 7 },
  { label: "30 days", days: 30 },
  { label: "90 days", days: 90 },
];

const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

function Select({
  name,
  label,
  values,
  current,
  onChange,
  names,
}: {
  name: string;
  label: string;
  values: readonly string[];
  current: string;
  onChange: (name: string, value: string) => void;
  names?: Record<string, string>;
}) {
  return (
    <label className="flex flex-col text-xs font-medium text-slate-500">
      {label}
      <select key={current} name={name} defaultValue={current} onChange={(e) => onChange(name, e.target.value)} className="input mt-1 py-1.5">
        <option value="">All</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {names?.[v] ?? humanize(v)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function CallFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    next.delete("cursor"); // a new filter starts at the first page
    startTransition(() => router.push(`${pathname}?${next}`));
  };
  const set = (name: string, value: string) => update({ [name]: value || null });
  const get = (name: string) => params.get(name) ?? "";

  const preset = (days: number) => {
    const from = new Date();
    from.setDate(from.getDate() - (days - 1));
    update({ from: isoDay(from), to: null });
  };

  return (
    <section aria-label="Filters" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-pending={pending || undefined}>
      <form
        role="search"
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          set("q", formText(new FormData(e.currentTarget), "q").trim());
        }}
      >
        <input
          key={get("q")}
          name="q"
          type="search"
          defaultValue={get("q")}
          placeholder="Search transcripts, summaries and names…"
          aria-label="Search calls"
          className="input flex-1"
        />
        <button type="submit" className="rounded-md bg-indigo-600 px-4 text-sm font-medium text-white hover:bg-indigo-500">
          Search
        </button>
      </form>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col text-xs font-medium text-slate-500">
          Period
          <div className="mt-1 flex gap-1">
            {PRESETS.map((p) => (
              <button
                key={p.days}
                type="button"
                onClick={() => preset(p.days)}
                className="rounded-md border border-slate-300 px-2 py-1.5 text-xs text-slate-700 hover:bg-slate-50"
              >
                {p.label}
              </button>
            ))}
          </div>
        </div>
        <label className="flex flex-col text-xs font-medium text-slate-500">
          From
          <input
            key={get("from")}
            type="date"
            name="from"
            defaultValue={get("from")}
            onChange={(e) => set("from", e.target.value)}
            className="input mt-1 py-1.5"
          />
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-500">
          To
          <input key={get("to")} type="date" name="to" defaultValue={get("to")} onChange={(e) => set("to", e.target.value)} className="input mt-1 py-1.5" />
        </label>
        <Select name="provider" label="Vendor" values={PROVIDER_IDS} names={PROVIDER_NAMES} current={get("provider")} onChange={set} />
        <Select name="status" label="Status" values={CALL_STATUSES} current={get("status")} onChange={set} />
        <Select name="outcome" label="Outcome" values={OUTCOMES} current={get("outcome")} onChange={set} />
        <Select name="sentiment" label="Sentiment" values={SENTIMENTS} current={get("sentiment")} onChange={set} />
        <label className="flex flex-col text-xs font-medium text-slate-500">
          Min score
          <input
            key={get("minScore")}
            type="number"
            min={0}
            max={100}
            name="minScore"
            defaultValue={get("minScore")}
            onBlur={(e) => set("minScore", e.target.value)}
            className="input mt-1 w-20 py-1.5"
          />
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-500">
          Campaign
          <input
            key={get("campaign")}
            name="campaign"
            defaultValue={get("campaign")}
            onBlur={(e) => set("campaign", e.target.value.trim())}
            className="input mt-1 w-36 py-1.5"
          />
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-500">
          Agent
          <input
            key={get("agent")}
            name="agent"
            defaultValue={get("agent")}
            onBlur={(e) => set("agent", e.target.value.trim())}
            className="input mt-1 w-28 py-1.5"
          />
        </label>
        <label className="mb-2 flex items-center gap-2 text-sm text-slate-700">
          <input
            key={get("hot")}
            type="checkbox"
            name="hot"
            defaultChecked={get("hot") === "true"}
            onChange={(e) => set("hot", e.target.checked ? "true" : "")}
            className="size-4 rounded border-slate-300 text-indigo-600"
          />
          Hot leads only
        </label>
        {params.size > 0 && (
          <button type="button" onClick={() => startTransition(() => router.push(pathname))} className="mb-1.5 text-sm text-indigo-700 hover:underline">
            Clear filters
          </button>
        )}
      </div>
    </section>
  );
}
