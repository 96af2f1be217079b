import { totalText, type ListTotal } from "@/lib/lists/total";
import { KPI_CARDS, kpiChange, type KpiKind } from "@/lib/stats/kpi-format";
import type { DigestContent, DigestViewCount } from "./content";

// The digest's sentences, the same in the email (HTML and text) and in
// Slack. Plain text: each format escapes them itself.

export const periodWord = (c: DigestContent) => (c.frequency === "weekly" ? "weekly" : "daily");
const previousWord = (c: DigestContent) => (c.frequency === "weekly" ? "the week before" : "the day before");

/** "Your daily call digest: 42 calls, 5 hot leads". */
export function digestSubject(c: DigestContent): string {
  const calls = totalText({ count: c.kpis.current.calls, exact: true }, "call", "calls");
  const hot = totalText({ count: c.kpis.current.hotLeads, exact: true }, "hot lead", "hot leads");
  return `Your ${periodWord(c)} call digest: ${calls}, ${hot}`;
}

export const countText = (t: ListTotal | null) => (t ? `${t.count.toLocaleString("en-US")}${t.exact ? "" : "+"}` : "–");

/** "+12% vs the day before", or "" when there is nothing to compare with. */
export function changeText(c: DigestContent, now: number | null, before: number | null, kind?: KpiKind): { text: string; up: boolean } | null {
  const change = kpiChange(now, before, kind);
  return change && { text: `${change.text} vs ${previousWord(c)}`, up: change.up };
}

export function kpiLines(c: DigestContent) {
  return KPI_CARDS.map((card) => ({
    label: card.label,
    value: card.format(c.kpis.current[card.key]),
    change: changeText(c, c.kpis.current[card.key], c.kpis.previous[card.key], card.kind),
  }));
}

export function viewChange(c: DigestContent, v: DigestViewCount) {
  if (!v.current || !v.previous || !v.current.exact || !v.previous.exact) return null;
  return changeText(c, v.current.count, v.previous.count);
}

/** Said under the KPIs when the user's days are not the organisation's (the rollups count the latter). */
export function kpiZoneNote(c: DigestContent): string | null {
  return c.kpiZone === c.timeZone ? null : `Totals count days in ${c.kpiZone.replaceAll("_", " ")}, the organisation's time zone.`;
}

export const leadNext = (lead: DigestContent["leads"][number]) =>
  [lead.nextAction, lead.callbackAt ? `call back ${lead.callbackAt}` : null].filter(Boolean).join(" · ") || "No next step given";

export const NO_VIEWS_HINT = "Save a view on the Calls or Hot leads page and choose it in your digest settings to see its count here.";
