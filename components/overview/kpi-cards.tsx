import type { Kpis } from "@/lib/stats/trends";

const percent = (v: number | null) => (v === null ? "–" : `${Math.round(v * 100)}%`);
const talk = (v: number | null) => (v === null ? "–" : `${Math.floor(v / 60)}:${String(v % 60).padStart(2, "0")}`);

const CARDS: { key: keyof Kpis; label: string; format: (v: number | null) => string; ratio?: boolean }[] = [
  { key: "calls", label: "Calls", format: (v) => (v ?? 0).toLocaleString() },
  { key: "connectRate", label: "Connect rate", format: percent, ratio: true },
  { key: "avgTalkSec", label: "Average talk time", format: talk },
  { key: "hotLeads", label: "Hot leads", format: (v) => (v ?? 0).toLocaleString() },
  { key: "positiveShare", label: "Positive sentiment", format: percent, ratio: true },
  { key: "meetings", label: "Meetings scheduled", format: (v) => (v ?? 0).toLocaleString() },
];

/** The change against the previous period: points for ratios, percent for counts. */
function change(now: number | null, before: number | null, ratio?: boolean): { text: string; up: boolean } | null {
  if (now === null || before === null) return null;
  if (ratio) {
    const pts = Math.round((now - before) * 100);
    return { text: `${pts >= 0 ? "+" : ""}${pts} pts`, up: pts >= 0 };
  }
  if (before === 0) return null;
  const pct = Math.round(((now - before) / before) * 100);
  return { text: `${pct >= 0 ? "+" : ""}${pct}%`, up: pct >= 0 };
}

export function KpiCards({ current, previous, days }: { current: Kpis; previous: Kpis; days: number }) {
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      {CARDS.map((card) => {
        const delta = change(current[card.key], previous[card.key], card.ratio);
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
