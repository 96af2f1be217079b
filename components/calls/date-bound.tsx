"use client";

import { useState } from "react";

// The From and To boxes. A digest or an alert links to an exact time ("from=2026-11-28T05:00:00.000Z": the
// user's day, in their zone), which a date box cannot show: it is shown as text and kept in the form, so other
// filters changed keep it. "Change" puts an empty date box in its place, focused: the day picked there replaces
// the exact time (or, left empty, the next filter applied drops it).

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "Nov 28, 2026, 05:00 UTC": the same on the server and in every browser. */
const exactText = (value: string) => {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  const date = at.toLocaleDateString("en-US", { timeZone: "UTC", month: "short", day: "numeric", year: "numeric" });
  return `${date}, ${at.toISOString().slice(11, 16)} UTC`;
};

export function DateBound({ name, label, value, onChange }: { name: string; label: string; value: string; onChange: () => void }) {
  const [pickDay, setPickDay] = useState(false);
  const exact = value !== "" && !DAY.test(value) && !pickDay;
  if (!exact) {
    return (
      <label className="flex flex-col text-xs font-medium text-slate-600">
        {label}
        <input
          key={value}
          type="date"
          name={name}
          defaultValue={DAY.test(value) ? value : ""}
          onChange={onChange}
          autoFocus={pickDay}
          className="input mt-1 py-1.5"
        />
      </label>
    );
  }
  return (
    <div className="flex flex-col text-xs font-medium text-slate-600">
      <span>{label}</span>
      <input type="hidden" name={name} value={value} />
      <span className="mt-1 flex items-center gap-2 rounded-md border border-slate-200 bg-slate-50 px-2 py-1.5 text-sm font-normal text-slate-800">
        {exactText(value)}
        <button
          type="button"
          onClick={() => setPickDay(true)}
          className="text-xs font-medium text-indigo-700 hover:underline"
          aria-label={`${label}: pick a day instead`}
        >
          Change
        </button>
      </span>
    </div>
  );
}
