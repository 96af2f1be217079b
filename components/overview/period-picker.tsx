"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";

const PERIODS = [7, 30, 90, 365];

/**
 * The overview's period: toggle buttons (aria-pressed) that load the page for
 * that many days, busy while it loads. `path` is the page (with any other
 * query parameters it keeps, e.g. "/compare?by=agent").
 */
export function PeriodPicker({ current, path = "/" }: { current: number; path?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label="Period" aria-busy={pending} className={`flex gap-1 rounded-lg bg-slate-100 p-1 ${pending ? "opacity-70" : ""}`}>
      {PERIODS.map((p) => (
        <button
          key={p}
          type="button"
          aria-pressed={p === current}
          onClick={() => startTransition(() => router.push(`${path}${path.includes("?") ? "&" : "?"}days=${p}`))}
          className={`rounded-md px-3 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600 ${p === current ? "bg-white font-medium text-slate-900 shadow-xs ring-1 ring-slate-200" : "text-slate-700 hover:text-slate-900"}`}
        >
          {p === 365 ? "1 year" : `${p} days`}
        </button>
      ))}
    </div>
  );
}
