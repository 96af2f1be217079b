"use client";

import { StackedBars, type Series } from "@/components/charts/bar-chart";
import type { TrackerStats } from "@/lib/trackers/stats";

// The overview's tracker mentions: per day, the share of connected calls that
// hit each tracker; a bar opens that day's connected calls with the tracker.

// Each reaches 3:1 against the white panel (WCAG 1.4.11).
const COLORS = ["#4f46e5", "#0d9488", "#d97706", "#e11d48", "#0284c7", "#7c3aed", "#047857", "#1e293b"];

export function TrackerMentions({ stats }: { stats: TrackerStats }) {
  const hit = new Set(stats.days.flatMap((d) => Object.keys(d.trackers)));
  const series: Series[] = stats.trackers
    .filter((t) => hit.has(t.id))
    .slice(0, COLORS.length)
    .map((t, i) => ({ key: t.id, label: t.name, color: COLORS[i] }));
  const data = stats.days.map((d) => ({
    day: d.day,
    ...Object.fromEntries(series.map((s) => [s.key, Math.round((d.trackers[s.key]?.share ?? 0) * 1000) / 10])),
  }));
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="tracker-mentions" data-testid="tracker-mentions">
      <h2 id="tracker-mentions" className="mb-1 text-sm font-semibold text-slate-900">
        Tracker mentions
      </h2>
      <p className="mb-3 text-xs text-slate-600">Share of connected calls each day that hit a tracker.</p>
      {series.length === 0 ? (
        <p className="py-10 text-center text-sm text-slate-600">No tracker was hit in this period.</p>
      ) : (
        <StackedBars
          data={data}
          series={series}
          xKey="day"
          stacked={false}
          legend // a single tracker's bars need its name too
          format={(v) => `${v}%`}
          href={(row, key) => `/calls?tracker=${key}&status=completed&from=${row.day}&to=${row.day}`}
        />
      )}
    </section>
  );
}
