import Link from "next/link";
import type { CompareBy } from "@/lib/stats/compare-schema";

const TABS: { by: CompareBy; label: string }[] = [
  { by: "vendor", label: "Vendor" },
  { by: "agent", label: "Agent" },
  { by: "campaign", label: "Campaign" },
  { by: "source", label: "Source" },
];

/** The dimension tabs: links that keep the period. */
export function CompareTabs({ current, days }: { current: CompareBy; days: number }) {
  return (
    <nav aria-label="Compare by" className="flex gap-1 border-b border-slate-200">
      {TABS.map((t) => (
        <Link
          key={t.by}
          href={`/compare?by=${t.by}&days=${days}`}
          aria-current={t.by === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600 ${t.by === current ? "border-indigo-600 font-medium text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
