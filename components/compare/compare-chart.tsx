"use client";

import { useEffect, useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CompareBy, CompareDailyAnswer, CompareRow, DailyMetric } from "@/lib/stats/compare-schema";
import { COLUMNS } from "./columns";

// The ticked rows' figure by day, side by side (GET /api/stats/compare/daily).

const COLORS = ["#4f46e5", "#059669", "#d97706", "#e11d48", "#0284c7", "#7c3aed"];
const METRICS = COLUMNS.filter((c) => c.metric);
const shortDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

export function CompareChart({ by, rows, from, to }: { by: CompareBy; rows: CompareRow[]; from: string; to: string }) {
  const [metric, setMetric] = useState<DailyMetric>("calls");
  const [data, setData] = useState<CompareDailyAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = new URLSearchParams({ by, from, to, metric });
  for (const r of rows) {
    query.append("values", r.key);
    query.append("currencies", r.split ? (r.currency ?? "") : "*");
  }
  const url = `/api/stats/compare/daily?${query}`;

  useEffect(() => {
    const controller = new AbortController();
    fetch(url, { signal: controller.signal })
      .then(async (res) => {
        if (!res.ok) throw new Error(`The chart could not load (${res.status}).`);
        setData((await res.json()) as CompareDailyAnswer);
        setError(null);
      })
      .catch((e: Error) => {
        if (e.name !== "AbortError") setError(e.message);
      });
    return () => controller.abort();
  }, [url]);

  const column = METRICS.find((c) => c.metric === metric)!;
  const label = (id: string) => {
    const s = data?.series.find((x) => x.id === id);
    const row = rows.find((r) => r.key === s?.key);
    return s ? `${s.label}${row?.split ? ` (${s.currency ?? "no cost"})` : ""}` : id;
  };
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-label="Chart of the ticked rows" data-testid="compare-chart">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-slate-900">By day</h2>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          Figure
          <select
            value={metric}
            onChange={(e) => setMetric(e.target.value as DailyMetric)}
            className="rounded-md border border-slate-300 px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            {METRICS.map((c) => (
              <option key={c.metric} value={c.metric}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-rose-700">
          {error}
        </p>
      ) : !data ? (
        <div className="h-64 animate-pulse rounded-lg bg-slate-100" aria-busy="true" aria-label="Loading the chart" />
      ) : (
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={data.days} margin={{ top: 4, right: 8, bottom: 0, left: -8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="day" tickFormatter={shortDay} tick={{ fontSize: 12, fill: "#475569" }} minTickGap={16} />
            <YAxis
              allowDecimals={metric !== "calls" && metric !== "meetings" && metric !== "hotLeads"}
              tick={{ fontSize: 12, fill: "#475569" }}
              tickFormatter={(v: number) => (column.ratio ? `${Math.round(v * 100)}%` : String(v))}
            />
            <Tooltip
              labelFormatter={(l) => (typeof l === "string" ? shortDay(l) : l)}
              formatter={(v, _name, item) => {
                const id = String(item.dataKey);
                const s = data.series.find((x) => x.id === id);
                return [column.format(typeof v === "number" || typeof v === "string" ? v : null, { currency: s?.currency ?? null }), label(id)];
              }}
            />
            <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} formatter={(id: string) => <span className="text-slate-700">{label(id)}</span>} />
            {data.series.map((s, i) => (
              <Line
                key={s.id}
                dataKey={s.id}
                name={s.id}
                stroke={COLORS[i % COLORS.length]}
                strokeWidth={2}
                dot={false}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      )}
    </section>
  );
}
