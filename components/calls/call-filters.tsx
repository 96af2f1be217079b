"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useId, useRef, useState } from "react";
import { formText } from "@/components/ui/form-text";
import { CALL_STATUSES, OUTCOMES, SENTIMENTS } from "@/lib/providers/values";
import { PROVIDER_IDS } from "@/lib/providers/lookup";
import { humanize, PROVIDER_NAMES } from "./labels";
import { useListNavigation } from "./navigation";
import { DateBound } from "./date-bound";
import { TextFilter } from "./text-filter";
import { TrackerFilter } from "./tracker-filter";
import { VariableFilter, variableChips } from "./variable-filter";

// Every filter lives in the URL, so a filtered view can be shared and reloaded.
// All of them sit in one form, and whichever changes, the URL is rebuilt from
// every field's current value: a campaign typed but not yet applied survives a
// date picked next. Inputs are uncontrolled and re-mount when their URL value changes.

/** Relative periods: the URL keeps "7d", so a shared link means the last 7 days whenever it is opened. */
const PERIODS = [
  { value: "today", label: "Today" },
  { value: "7d", label: "7 days" },
  { value: "30d", label: "30 days" },
  { value: "90d", label: "90 days" },
];

const YES_NO = ["yes", "no"] as const;

const FIELDS = [
  "q",
  "said",
  "from",
  "to",
  "provider",
  "status",
  "outcome",
  "sentiment",
  "minScore",
  "campaign",
  "agent",
  "reviewed",
  "corrected",
  "tracker",
] as const;

/** Hot leads are hot already, and followed up rather than reviewed: their row keeps the filters that pick whom to call. */
const LEAD_FIELDS: readonly string[] = ["q", "said", "from", "to", "provider", "outcome", "minScore", "campaign", "agent", "tracker"];

/** What the phone's "Filters (n on)" counts: the folded fields (not the search above them) and the ones set by buttons. */
const counted = (fields: readonly string[]) => [...fields.filter((name) => name !== "q" && name !== "said"), "period", "hot", "review"];

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
  onChange: () => void;
  names?: Record<string, string>;
}) {
  // A shared link may hold several values ("a,b"), which no single option is: kept as one, so another change does not drop it.
  const extra = current && !values.includes(current) ? current : null;
  return (
    <label className="flex flex-col text-xs font-medium text-slate-600">
      {label}
      <select key={current} name={name} defaultValue={current} onChange={onChange} className="input mt-1 py-1.5">
        <option value="">All</option>
        {extra && (
          <option value={extra}>
            {extra
              .split(",")
              .map((v) => names?.[v] ?? humanize(v))
              .join(", ")}
          </option>
        )}
        {values.map((v) => (
          <option key={v} value={v}>
            {names?.[v] ?? humanize(v)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * `hotLeads`: the compact row of the Hot leads page, which keeps its tab
 * (`view`) when the filters are cleared.
 */
export function CallFilters({ hotLeads = false }: { hotLeads?: boolean }) {
  const pathname = usePathname();
  const params = useSearchParams();
  const { navigate } = useListNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const saidId = useId();
  const moreId = useId();
  // On a phone the filters below the search fold away, so the results come first.
  const [showMore, setShowMore] = useState(false);
  const get = (name: string) => params.get(name) ?? "";
  const period = get("period");
  const fields: readonly string[] = hotLeads ? LEAD_FIELDS : FIELDS;
  const shown = (name: string) => fields.includes(name);
  const activeCount = counted(fields).filter((name) => params.has(name)).length + variableChips(params).length;
  const tab = hotLeads ? params.get("view") : null;
  const cleared = tab ? `${pathname}?${new URLSearchParams({ view: tab })}` : pathname;

  const apply = (changes: Record<string, string | null> = {}) => {
    if (!formRef.current) return;
    const data = new FormData(formRef.current);
    const next = new URLSearchParams(params);
    for (const name of fields) {
      const value = formText(data, name).trim();
      if (value) next.set(name, value);
      else next.delete(name);
    }
    if (data.get("hot") === "true") next.set("hot", "true");
    else if (!hotLeads) next.delete("hot");
    // Dates picked by hand replace a relative period.
    if (next.get("from") || next.get("to")) next.delete("period");
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    next.delete("cursor"); // a new filter starts at the first page
    if (next.toString() === params.toString()) return;
    navigate(next.size ? `${pathname}?${next}` : pathname);
  };
  const onChange = () => apply();

  return (
    <form
      ref={formRef}
      aria-label="Filters"
      className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <div role="search" className="flex flex-wrap gap-2">
        <input
          key={get("q")}
          name="q"
          type="search"
          defaultValue={get("q")}
          placeholder="Search transcripts, summaries, names and numbers…"
          aria-label="Search calls"
          className="input min-w-0 flex-1 basis-56"
        />
        <div className="flex items-center gap-2 text-sm text-slate-700">
          <label htmlFor={saidId}>Said by</label>
          <select id={saidId} key={get("said")} name="said" defaultValue={get("said")} onChange={onChange} className="input py-1.5">
            <option value="">Anyone</option>
            <option value="customer">The customer</option>
            <option value="agent">The agent</option>
          </select>
        </div>
        <button
          type="submit"
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          Search
        </button>
      </div>
      <button
        type="button"
        aria-expanded={showMore}
        aria-controls={moreId}
        onClick={() => setShowMore(!showMore)}
        className="self-start text-sm font-medium text-indigo-700 hover:underline sm:hidden"
      >
        {showMore ? "Hide filters" : activeCount ? `Filters (${activeCount} on)` : "Filters"}
      </button>
      <div id={moreId} className={`${showMore ? "flex" : "hidden"} flex-wrap items-end gap-3 sm:flex`}>
        <fieldset className="flex flex-col text-xs font-medium text-slate-600">
          <legend className="float-left">Period</legend>
          <div className="mt-1 flex gap-1">
            {PERIODS.map((p) => {
              const active = period === p.value && !get("from") && !get("to");
              return (
                <button
                  key={p.value}
                  type="button"
                  aria-pressed={active}
                  onClick={() => apply({ period: active ? null : p.value, from: null, to: null })}
                  className={`rounded-md border px-2 py-1.5 text-xs focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${
                    active ? "border-indigo-600 bg-indigo-600 text-white" : "border-slate-300 text-slate-700 hover:bg-slate-50"
                  }`}
                >
                  {p.label}
                </button>
              );
            })}
          </div>
        </fieldset>
        <DateBound key={`from-${get("from")}`} name="from" label="From" value={get("from")} onChange={onChange} />
        <DateBound key={`to-${get("to")}`} name="to" label="To" value={get("to")} onChange={onChange} />
        <Select name="provider" label="Vendor" values={PROVIDER_IDS} names={PROVIDER_NAMES} current={get("provider")} onChange={onChange} />
        {shown("status") && <Select name="status" label="Status" values={CALL_STATUSES} current={get("status")} onChange={onChange} />}
        <Select name="outcome" label="Outcome" values={OUTCOMES} current={get("outcome")} onChange={onChange} />
        {shown("sentiment") && <Select name="sentiment" label="Sentiment" values={SENTIMENTS} current={get("sentiment")} onChange={onChange} />}
        <TextFilter name="minScore" label="Min score" type="number" current={get("minScore")} onApply={onChange} className="w-20" />
        <TextFilter name="campaign" label="Campaign" suggest="campaign" current={get("campaign")} onApply={onChange} />
        <TextFilter name="agent" label="Agent" suggest="agent" current={get("agent")} onApply={onChange} className="w-32" />
        {/* A link may repeat the parameter (tracker=a&tracker=b): all of them stay, as one "a,b" choice. */}
        <TrackerFilter current={params.getAll("tracker").join(",")} onChange={onChange} />
        {!hotLeads && (
          <>
            <Select
              name="reviewed"
              label="Reviewed"
              values={YES_NO}
              names={{ yes: "Reviewed", no: "Not reviewed" }}
              current={get("reviewed")}
              onChange={onChange}
            />
            <Select
              name="corrected"
              label="Corrected"
              values={YES_NO}
              names={{ yes: "Corrected", no: "As the AI said" }}
              current={get("corrected")}
              onChange={onChange}
            />
            <label className="mb-2 flex items-center gap-2 text-sm text-slate-700">
              <input
                key={get("hot")}
                type="checkbox"
                name="hot"
                value="true"
                defaultChecked={get("hot") === "true"}
                onChange={onChange}
                className="size-4 rounded border-slate-300 text-indigo-600"
              />
              Hot leads only
            </label>
          </>
        )}
        <VariableFilter />
        {params.size > (tab ? 1 : 0) && (
          <button type="button" onClick={() => navigate(cleared)} className="mb-1.5 text-sm text-indigo-700 hover:underline">
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}
