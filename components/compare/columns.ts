import type { CompareFigures, CompareRow, DailyMetric } from "@/lib/stats/compare-schema";

// The Compare table's columns: how each figure reads, and which way is better
// (for the colour of its change against the previous period).

export type ColumnKey = Exclude<keyof CompareFigures, "connected" | "timedCalls" | "rated" | "costedCalls" | "reviewed"> | "label";

export interface Column {
  key: ColumnKey;
  label: string;
  /** A share (0..1): changes in points; otherwise in percent. */
  ratio?: boolean;
  /** Higher is better (green when up), worse (red when up), or neither. */
  better?: "higher" | "lower";
  format: (v: number | string | null, row: Pick<CompareRow, "currency">) => string;
  /** A metric the chart can draw. */
  metric?: DailyMetric;
  /** Shown on the Vendor tab only. */
  vendorOnly?: boolean;
}

const dash = "–";
export const percent = (v: number | string | null) => (v === null ? dash : `${Math.round(Number(v) * 100)}%`);
const count = (v: number | string | null) => (v === null ? dash : Number(v).toLocaleString("en-US"));
const talk = (v: number | string | null) => {
  if (v === null) return dash;
  const s = Math.round(Number(v));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};
const oneDecimal = (v: number | string | null) => (v === null ? dash : Number(v).toFixed(1));
export const money = (v: number | string | null, row: Pick<CompareRow, "currency">) =>
  v === null || row.currency === null ? dash : `${Number(v).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${row.currency}`;

export const COLUMNS: Column[] = [
  { key: "calls", label: "Calls", better: "higher", format: count, metric: "calls" },
  { key: "connectRate", label: "Connect rate", ratio: true, better: "higher", format: percent, metric: "connectRate" },
  { key: "avgTalkSec", label: "Avg talk", better: "higher", format: talk, metric: "avgTalkSec" },
  { key: "talkRatio", label: "Agent talk share", ratio: true, format: percent, metric: "talkRatio" },
  { key: "meetings", label: "Meetings", better: "higher", format: count, metric: "meetings" },
  { key: "meetingRate", label: "Meeting rate", ratio: true, better: "higher", format: percent, metric: "meetingRate" },
  { key: "hotLeads", label: "Hot leads", better: "higher", format: count, metric: "hotLeads" },
  { key: "hotRate", label: "Hot rate", ratio: true, better: "higher", format: percent, metric: "hotRate" },
  { key: "avgLeadScore", label: "Avg score", better: "higher", format: oneDecimal, metric: "avgLeadScore" },
  { key: "positiveShare", label: "Positive", ratio: true, better: "higher", format: percent, metric: "positiveShare" },
  { key: "negativeShare", label: "Negative", ratio: true, better: "lower", format: percent, metric: "negativeShare" },
  { key: "cost", label: "Cost", format: money, metric: "cost" },
  { key: "costPerConnected", label: "Cost / connected", better: "lower", format: money, metric: "costPerConnected" },
  { key: "costPerMeeting", label: "Cost / meeting", better: "lower", format: money, metric: "costPerMeeting" },
  { key: "keptShare", label: "AI outcome kept", ratio: true, better: "higher", format: percent, vendorOnly: true },
];

/** The change from `before` to `now`: points for shares, percent otherwise; null when there is nothing to compare. */
export function changeOf(column: Column, now: number | string | null, before: number | string | null): { text: string; tone: "good" | "bad" | "plain" } | null {
  if (now === null || before === null) return null;
  const [n, b] = [Number(now), Number(before)];
  let diff: number;
  let text: string;
  if (column.ratio) {
    diff = Math.round((n - b) * 100);
    text = `${diff >= 0 ? "+" : ""}${diff} pts`;
  } else {
    if (b === 0) return null;
    diff = Math.round(((n - b) / b) * 100);
    text = `${diff >= 0 ? "+" : ""}${diff}%`;
  }
  if (diff === 0 || !column.better) return { text, tone: "plain" };
  return { text, tone: diff > 0 === (column.better === "higher") ? "good" : "bad" };
}
