import { KPI_CARDS, kpiChange } from "@/lib/stats/kpi-format";
import type { Kpis } from "@/lib/stats/trends";

export function KpiCards({ current, previous, days }: { current: Kpis; previous: Kpis; days: number }) {
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      {KPI_CARDS.map((card) => {
        const delta = kpiChange(current[card.key], previous[card.key], card.kind);
        return (
          <div key={card.key} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid={`kpi-${card.key}`}>
            <p className="text-xs font-medium text-slate-600">{card.label}</p>
            <p className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">{card.format(current[card.key])}</p>
            <p className={`mt-1 text-xs ${delta ? (delta.up ? "text-emerald-700" : "text-rose-700") : "text-slate-500"}`}>
              {delta ? `${delta.text} vs previous ${days} days` : "no earlier data"}
            </p>
          </div>
        );
      })}
    </div>
  );
}
