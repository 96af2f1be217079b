"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import type { CompareBy, CompareRow } from "@/lib/stats/compare-schema";
import { changeOf, COLUMNS, percent, type Column, type ColumnKey } from "./columns";
import { CompareChart } from "./compare-chart";
import { callsHref } from "./links";

// The Compare table: one row per vendor, agent, campaign or source (and
// currency, where a group's costs are in several), each figure with its change
// against the previous period. Headers sort (click or Enter); ticking two or
// more rows draws them side by side by day.

const MAX_TICKED = 6;
const rowId = (r: CompareRow) => `${r.key}\u0000${r.currency ?? ""}`;

type Sort = { key: ColumnKey; dir: "asc" | "desc" };

function sortValue(r: CompareRow, key: ColumnKey): number | string | null {
  if (key === "label") return r.label.toLowerCase();
  const v = r[key];
  return v === null ? null : typeof v === "string" ? Number(v) : v;
}

function sorted(rows: CompareRow[], sort: Sort): CompareRow[] {
  const sign = sort.dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [sortValue(a, sort.key), sortValue(b, sort.key)];
    // Rows without the figure go last, whichever the direction.
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return (x < y ? -1 : x > y ? 1 : 0) * sign || a.label.localeCompare(b.label);
  });
}

const TONE = { good: "text-emerald-700", bad: "text-rose-700", plain: "text-slate-500" };

function Figure({ column, row }: { column: Column; row: CompareRow }) {
  const key = column.key as Exclude<ColumnKey, "label">;
  const change = changeOf(column, row[key], row.previous[key]);
  return (
    <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
      <span className="text-slate-900">{column.format(row[key], row)}</span>
      {change && (
        <span className={`ml-1.5 text-xs ${TONE[change.tone]}`} title={`Previous period: ${column.format(row.previous[key], row)}`}>
          {change.text}
        </span>
      )}
      {key === "keptShare" && <span className="block text-xs text-slate-500">of {row.reviewed.toLocaleString("en-US")} reviewed</span>}
    </td>
  );
}

export function CompareTable({ by, rows, from, to }: { by: CompareBy; rows: CompareRow[]; from: string; to: string }) {
  const [sort, setSort] = useState<Sort>({ key: "calls", dir: "desc" });
  const [ticked, setTicked] = useState<string[]>([]);
  const columns = COLUMNS.filter((c) => !c.vendorOnly || by === "vendor");
  const shown = useMemo(() => sorted(rows, sort), [rows, sort]);
  const chosen = ticked.map((id) => rows.find((r) => rowId(r) === id)).filter((r): r is CompareRow => r !== undefined);

  const sortBy = (key: ColumnKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === "asc" ? "desc" : "asc" } : { key, dir: key === "label" ? "asc" : "desc" }));
  const toggle = (id: string) => setTicked((t) => (t.includes(id) ? t.filter((x) => x !== id) : t.length >= MAX_TICKED ? t : [...t, id]));

  const header = (key: ColumnKey, label: string, align: "left" | "right") => (
    <th
      key={key}
      scope="col"
      aria-sort={sort.key === key ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}
      className={`px-3 py-2 font-medium whitespace-nowrap text-slate-600 ${align === "right" ? "text-right" : "text-left"}`}
    >
      <button
        type="button"
        onClick={() => sortBy(key)}
        className="inline-flex items-center gap-1 rounded hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        {label}
        <span aria-hidden="true" className="text-slate-400">
          {sort.key === key ? (sort.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );

  return (
    <div className="space-y-4">
      <p className="text-xs text-slate-500">
        Tick two or more rows to chart them side by side by day. Small figures are the change against the previous period of the same length.
        {by === "vendor" && " “AI outcome kept” is the share of reviewed calls whose AI outcome the reviewer left as it was."}
      </p>
      {chosen.length >= 2 && <CompareChart by={by} rows={chosen} from={from} to={to} />}
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full text-sm" data-testid="compare-table">
          <thead className="border-b border-slate-200 bg-slate-50">
            <tr>
              <th scope="col" className="w-8 px-3 py-2">
                <span className="sr-only">Chart</span>
              </th>
              {header("label", by === "vendor" ? "Vendor" : by === "agent" ? "Agent" : by === "campaign" ? "Campaign" : "Source", "left")}
              {columns.map((c) => header(c.key, c.label, "right"))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((row) => {
              const id = rowId(row);
              const href = callsHref(by, row, from, to);
              const name = `${row.label}${row.split ? ` (${row.currency ?? "no cost"})` : ""}`;
              return (
                <tr key={id} className="hover:bg-slate-50" data-testid="compare-row">
                  <td className="px-3 py-2">
                    <input
                      type="checkbox"
                      aria-label={`Chart ${name}`}
                      checked={ticked.includes(id)}
                      disabled={!ticked.includes(id) && ticked.length >= MAX_TICKED}
                      onChange={() => toggle(id)}
                      className="size-4 rounded border-slate-300 accent-indigo-600"
                    />
                  </td>
                  <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">
                    {href ? (
                      <Link
                        href={href}
                        className="text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
                        title="The calls behind this row"
                      >
                        {name}
                      </Link>
                    ) : (
                      <span className="text-slate-700">{name}</span>
                    )}
                  </th>
                  {columns.map((c) => (
                    <Figure key={c.key} column={c} row={row} />
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {by === "vendor" && <AgreementNote rows={rows} />}
    </div>
  );
}

/** "AI outcome kept by reviewers: 82% of 45 reviewed", per vendor (over its currency rows). */
function AgreementNote({ rows }: { rows: CompareRow[] }) {
  const byVendor = new Map<string, { label: string; reviewed: number; kept: number }>();
  for (const r of rows) {
    const v = byVendor.get(r.key) ?? { label: r.label, reviewed: 0, kept: 0 };
    v.reviewed += r.reviewed;
    v.kept += (r.keptShare ?? 0) * r.reviewed;
    byVendor.set(r.key, v);
  }
  const reviewed = [...byVendor.values()].filter((v) => v.reviewed > 0);
  if (reviewed.length === 0) return <p className="text-xs text-slate-500">No call in this period has been reviewed yet.</p>;
  return (
    <ul className="space-y-0.5 text-xs text-slate-600">
      {reviewed.map((v) => (
        <li key={v.label}>
          {v.label}: AI outcome kept by reviewers: {percent(v.kept / v.reviewed)} of {v.reviewed.toLocaleString("en-US")} reviewed
        </li>
      ))}
    </ul>
  );
}
