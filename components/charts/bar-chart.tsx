"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// The one wrapper over recharts: stacked, side-by-side or single bars, each
// segment a link into the call list filtered to it.

export interface Series {
  key: string;
  label: string;
  color: string;
}

type Row = Record<string, string | number>;

const shortDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { month: "short", day: "numeric", timeZone: "UTC" });

export function StackedBars({
  data,
  series,
  xKey,
  href,
  layout = "horizontal",
  height = 260,
  stacked = true,
  format,
  legend = series.length > 1,
}: {
  data: Row[];
  series: Series[];
  xKey: string;
  /** Where a click on a segment leads: the row and the series clicked. */
  href: (row: Row, key: string) => string;
  layout?: "horizontal" | "vertical";
  height?: number;
  /** False: each series' bar beside the others' (for shares, which do not add up). */
  stacked?: boolean;
  /** How values read on the axis and in the tooltip (e.g. "12%"). */
  format?: (value: number) => string;
  /** Name the series below the chart: by default only when there are several. */
  legend?: boolean;
}) {
  const router = useRouter();
  const isDay = xKey === "day";
  const vertical = layout === "vertical";
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} layout={vertical ? "vertical" : "horizontal"} margin={{ top: 4, right: 8, bottom: 0, left: vertical ? 24 : -16 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={vertical} horizontal={!vertical} />
        {vertical ? (
          <>
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: "#475569" }} />
            <YAxis type="category" dataKey={xKey} width={120} tick={{ fontSize: 12, fill: "#334155" }} />
          </>
        ) : (
          <>
            <XAxis dataKey={xKey} tickFormatter={isDay ? shortDay : undefined} tick={{ fontSize: 12, fill: "#475569" }} minTickGap={16} />
            <YAxis allowDecimals={false} tickFormatter={format} tick={{ fontSize: 12, fill: "#475569" }} />
          </>
        )}
        <Tooltip
          formatter={format ? (value) => (typeof value === "number" ? format(value) : value) : undefined}
          labelFormatter={(label) => (isDay && typeof label === "string" ? shortDay(label) : label)}
          cursor={{ fill: "#f1f5f9" }}
        />
        {legend && <Legend iconType="circle" wrapperStyle={{ fontSize: 12 }} formatter={(value: string) => <span className="text-slate-700">{value}</span>} />}
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stackId={stacked ? "all" : undefined}
            fill={s.color}
            cursor="pointer"
            isAnimationActive={false}
            onClick={(bar: { payload?: Row }) => bar.payload && router.push(href(bar.payload, s.key))}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
