import { z } from "zod";
import { Prisma } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/rows";
import type { DailyOutcomeStatColumns, DailySourceStatColumns, Nullable } from "@/lib/db/columns";
import { readTimeZone } from "@/lib/settings/time-zone";

// The overview's numbers, read from the daily rollups (never from calls). Days
// are days in the organisation's time zone, as the rollups keep them (test
// calls are not in them); "today" is today there.

export const trendsQuerySchema = z.object({
  days: z.coerce
    .number()
    .int()
    .refine((d) => [7, 30, 90, 365].includes(d), "days must be 7, 30, 90 or 365")
    .default(30),
});

export interface Kpis {
  calls: number;
  connectRate: number | null;
  avgTalkSec: number | null;
  hotLeads: number;
  positiveShare: number | null;
  meetings: number;
}

export interface Trends {
  /** The IANA zone the days are in. */
  timeZone: string;
  from: string;
  to: string;
  current: Kpis;
  previous: Kpis;
  byDaySentiment: { day: string; positive: number; neutral: number; negative: number; mixed: number; none: number }[];
  byDayOutcome: ({ day: string } & Record<string, number | string>)[];
  byProvider: { provider: string; calls: number }[];
  byCampaign: { campaign: string; calls: number }[];
}

/** A calendar date held as midnight UTC, as YYYY-MM-DD. */
export const dayString = (d: Date): string => d.toISOString().slice(0, 10);

interface Totals {
  calls: number;
  connected: number;
  talk: number;
  hot: number;
  positive: number;
  rated: number;
  meetings: number;
}

function toKpis(r: Totals | undefined): Kpis {
  if (!r) return { calls: 0, connectRate: null, avgTalkSec: null, hotLeads: 0, positiveShare: null, meetings: 0 };
  return {
    calls: r.calls,
    connectRate: r.calls ? r.connected / r.calls : null,
    avgTalkSec: r.connected ? Math.round(r.talk / r.connected) : null,
    hotLeads: r.hot,
    positiveShare: r.rated ? r.positive / r.rated : null,
    meetings: r.meetings,
  };
}

/** A row of the daily outcome rollup: one day's calls of one status, sentiment and outcome. */
type RollupRow = Pick<DailyOutcomeStatColumns, "day" | "status" | "sentiment" | "outcome" | "calls" | "hot_calls"> & {
  /** Cast to float8 (the column is a bigint). */
  talk_sec: number;
};

const SENTIMENT_KEYS = ["positive", "neutral", "negative", "mixed", "none"] as const;
const isSentimentKey = (s: string): s is (typeof SENTIMENT_KEYS)[number] => (SENTIMENT_KEYS as readonly string[]).includes(s);

const noTotals = (): Totals => ({ calls: 0, connected: 0, talk: 0, hot: 0, positive: 0, rated: 0, meetings: 0 });

function addTo(t: Totals, r: RollupRow): void {
  t.calls += r.calls;
  t.hot += r.hot_calls;
  if (r.status === "completed") {
    t.connected += r.calls;
    t.talk += r.talk_sec;
  }
  if (r.sentiment === "positive") t.positive += r.calls;
  if (r.sentiment !== "") t.rated += r.calls;
  if (r.outcome === "meeting_scheduled") t.meetings += r.calls;
}

/** Grouped by sets: provider is null in the campaign rows, campaign in the provider rows. */
type SourceRow = Nullable<Pick<DailySourceStatColumns, "provider" | "campaign">> & {
  calls: number;
  /** GROUPING(provider, campaign): 0b01 by provider, 0b10 by campaign. */
  g: number;
};

/** The calendar date of `at` in `timeZone`, as YYYY-MM-DD. */
export function dayIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/**
 * The KPIs of the days [from, to) (calendar dates, the rollups' days in the organisation's zone) and of the as
 * many days before: what a digest shows for its period, read from the same rollup as the overview.
 */
export async function kpisBetween(from: string, to: string, previousFrom: string): Promise<{ current: Kpis; previous: Kpis }> {
  const rows = await sqlRows<RollupRow>(Prisma.sql`
    SELECT day, status, sentiment, outcome, calls, talk_sec::float8 AS talk_sec, hot_calls
    FROM daily_outcome_stats WHERE day >= ${previousFrom}::date AND day < ${to}::date`);
  const start = new Date(`${from}T00:00:00Z`);
  const current = noTotals();
  const previous = noTotals();
  for (const r of rows) addTo(r.day < start ? previous : current, r);
  return { current: toKpis(current), previous: toKpis(previous.calls ? previous : undefined) };
}

export async function getTrends(days: number, today = new Date()): Promise<Trends> {
  const timeZone = await readTimeZone();
  // Calendar dates from here on: midnight UTC stands for the date, whatever the zone.
  const to = new Date(Date.parse(`${dayIn(timeZone, today)}T00:00:00Z`) + 86_400_000);
  const from = new Date(to.getTime() - days * 86_400_000);
  const previousFrom = new Date(from.getTime() - days * 86_400_000);

  // The outcome rollup's rows of both periods as they are (ten or so a day), added up here: a
  // fraction of the time Postgres takes to group them three ways. The source rollup is grouped there.
  const [rows, sources] = await Promise.all([
    // Days as text: pg would send a Date in the server process's own zone.
    sqlRows<RollupRow>(Prisma.sql`
      SELECT day, status, sentiment, outcome, calls, talk_sec::float8 AS talk_sec, hot_calls
      FROM daily_outcome_stats WHERE day >= ${dayString(previousFrom)}::date AND day < ${dayString(to)}::date`),
    sqlRows<SourceRow>(Prisma.sql`
      SELECT provider, campaign, GROUPING(provider, campaign) AS g, sum(calls)::int AS calls
      FROM daily_source_stats WHERE day >= ${dayString(from)}::date AND day < ${dayString(to)}::date
      GROUP BY GROUPING SETS ((provider), (campaign))`),
  ]);
  const grouped = (g: number) => sources.filter((r) => r.g === g && r.calls > 0);

  // Every day of the period, also days without calls, so the charts keep their scale; keyed by
  // the day's time, as the rows' days are compared (not formatted) thousands of times.
  const dayTimes = Array.from({ length: days }, (_, i) => from.getTime() + i * 86_400_000);
  const sentimentByDay = new Map(dayTimes.map((t) => [t, { day: dayString(new Date(t)), positive: 0, neutral: 0, negative: 0, mixed: 0, none: 0 }]));
  const outcomeByDay = new Map<number, { day: string } & Record<string, number | string>>(dayTimes.map((t) => [t, { day: dayString(new Date(t)) }]));
  const current = noTotals();
  const previous = noTotals();
  for (const r of rows) {
    if (r.day < from) {
      addTo(previous, r);
      continue;
    }
    addTo(current, r);
    if (r.calls === 0) continue;
    const day = r.day.getTime();
    const sentiments = sentimentByDay.get(day);
    const sentiment = r.sentiment || "none";
    if (sentiments && isSentimentKey(sentiment)) sentiments[sentiment] += r.calls;
    const outcomes = outcomeByDay.get(day);
    if (outcomes && r.outcome) outcomes[r.outcome] = ((outcomes[r.outcome] as number | undefined) ?? 0) + r.calls;
  }

  return {
    timeZone,
    from: dayString(from),
    to: dayString(new Date(to.getTime() - 86_400_000)),
    current: toKpis(current),
    previous: toKpis(previous.calls ? previous : undefined),
    byDaySentiment: [...sentimentByDay.values()],
    byDayOutcome: [...outcomeByDay.values()],
    byProvider: grouped(0b01)
      .map((r) => ({ provider: r.provider!, calls: r.calls }))
      .sort((a, b) => b.calls - a.calls),
    byCampaign: grouped(0b10)
      .filter((r) => r.campaign)
      .map((r) => ({ campaign: r.campaign!, calls: r.calls }))
      .sort((a, b) => b.calls - a.calls)
      .slice(0, 10),
  };
}
