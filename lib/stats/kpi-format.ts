import type { Kpis } from "./trends";

// The overview's KPIs as people read them: each one's label and format, and
// its change against the previous period. The overview's cards and the
// digests (email, Slack) say them the same way.

const percent = (v: number | null) => (v === null ? "–" : `${Math.round(v * 100)}%`);
const talk = (v: number | null) => (v === null ? "–" : `${Math.floor(v / 60)}:${String(v % 60).padStart(2, "0")}`);

/** How a KPI changes: a ratio by points, a count or an average by percent. */
export type KpiKind = "count" | "ratio" | "average";

export const KPI_CARDS: { key: keyof Kpis; label: string; format: (v: number | null) => string; kind: KpiKind }[] = [
  { key: "calls", label: "Calls", format: (v) => (v ?? 0).toLocaleString(), kind: "count" },
  { key: "connectRate", label: "Connect rate", format: percent, kind: "ratio" },
  { key: "avgTalkSec", label: "Average talk time", format: talk, kind: "average" },
  { key: "hotLeads", label: "Hot leads", format: (v) => (v ?? 0).toLocaleString(), kind: "count" },
  { key: "positiveShare", label: "Positive sentiment", format: percent, kind: "ratio" },
  { key: "meetings", label: "Meetings scheduled", format: (v) => (v ?? 0).toLocaleString(), kind: "count" },
];

/**
 * The change against the previous period: points for ratios, percent for counts and averages. A count up from
 * none says by how many (no percentage of zero); an average of nothing has nothing to compare with.
 */
export function kpiChange(now: number | null, before: number | null, kind: KpiKind = "count"): { text: string; up: boolean } | null {
  if (now === null || before === null) return null;
  if (kind === "ratio") {
    const pts = Math.round((now - before) * 100);
    return { text: `${pts >= 0 ? "+" : ""}${pts} pts`, up: pts >= 0 };
  }
  if (before === 0) return kind === "count" ? { text: `+${now.toLocaleString("en-US")}`, up: true } : null;
  const pct = Math.round(((now - before) / before) * 100);
  return { text: `${pct >= 0 ? "+" : ""}${pct}%`, up: pct >= 0 };
}
