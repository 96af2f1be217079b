import type { Kpis } from "./trends";

// The overview's KPIs as people read them: each one's label and format, and
// its change against the previous period. The overview's cards and the
// digests (email, Slack) say them the same way.

const percent = (v: number | null) => (v === null ? "–" : `${Math.round(v * 100)}%`);
const talk = (v: number | null) => (v === null ? "–" : `${Math.floor(v / 60)}:${String(v % 60).padStart(2, "0")}`);

export const KPI_CARDS: { key: keyof Kpis; label: string; format: (v: number | null) => string; ratio?: boolean }[] = [
  { key: "calls", label: "Calls", format: (v) => (v ?? 0).toLocaleString() },
  { key: "connectRate", label: "Connect rate", format: percent, ratio: true },
  { key: "avgTalkSec", label: "Average talk time", format: talk },
  { key: "hotLeads", label: "Hot leads", format: (v) => (v ?? 0).toLocaleString() },
  { key: "positiveShare", label: "Positive sentiment", format: percent, ratio: true },
  { key: "meetings", label: "Meetings scheduled", format: (v) => (v ?? 0).toLocaleString() },
];

/** The change against the previous period: points for ratios, percent for counts. */
export function kpiChange(now: number | null, before: number | null, ratio?: boolean): { text: string; up: boolean } | null {
  if (now === null || before === null) return null;
  if (ratio) {
    const pts = Math.round((now - before) * 100);
    return { text: `${pts >= 0 ? "+" : ""}${pts} pts`, up: pts >= 0 };
  }
  if (before === 0) return null;
  const pct = Math.round(((now - before) / before) * 100);
  return { text: `${pct >= 0 ? "+" : ""}${pct}%`, up: pct >= 0 };
}
