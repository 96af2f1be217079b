import type { CompareBy, CompareRow } from "@/lib/stats/compare-schema";

// The calls behind a Compare row: the calls list filtered to the row's value
// and period. The list has no source filter: a source's row opens its vendor's
// calls. A row of calls without an agent or campaign has no filter to open.

const PARAM: Record<Exclude<CompareBy, "source">, string> = { vendor: "provider", agent: "agent", campaign: "campaign" };

export function callsHref(by: CompareBy, row: Pick<CompareRow, "key" | "provider">, from: string, to: string): string | null {
  const q = new URLSearchParams({ from, to });
  if (by === "source") {
    if (!row.provider) return null;
    q.set("provider", row.provider);
  } else {
    if (!row.key) return null;
    q.set(PARAM[by], row.key);
  }
  return `/calls?${q}`;
}
