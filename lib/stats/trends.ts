import { z } from "zod";
import { db, Prisma } from "@/lib/db/client";
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

const dayString = (d: Date) => d.toISOString().slice(0, 10);

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

const TOTALS = Prisma.sql`
  COALESCE(sum(calls), 0)::int AS calls,
  COALESCE(sum(calls) FILTER (WHERE status = 'completed'), 0)::int AS connected,
  COALESCE(sum(talk_sec) FILTER (WHERE status = 'completed'), 0)::float8 AS talk,
  COALESCE(sum(hot_calls), 0)::int AS hot,
  COALESCE(sum(calls) FILTER (WHERE sentiment = 'positive'), 0)::int AS positive,
  COALESCE(sum(calls) FILTER (WHERE sentiment <> ''), 0)::int AS rated,
  COALESCE(sum(calls) FILTER (WHERE outcome = 'meeting_scheduled'), 0)::int AS meetings`;

interface OutcomeRow extends Totals {
  day: Date | null;
  sentiment: string | null;
  outcome: string | null;
  /** GROUPING(day, sentiment, outcome): 0b001 day×sentiment, 0b010 day×outcome, 0b111 the total. */
  g: number;
}

interface SourceRow {
  provider: string | null;
  campaign: string | null;
  calls: number;
  /** GROUPING(provider, campaign): 0b01 by provider, 0b10 by campaign. */
  g: number;
}

/** The calendar date of `at` in `timeZone`, as YYYY-MM-DD. */
export function dayIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

export async function getTrends(days: number, today = new Date()): Promise<Trends> {
  const timeZone = await readTimeZone();
  // Calendar dates from here on: midnight UTC stands for the date, whatever the zone.
  const to = new Date(Date.parse(`${dayIn(timeZone, today)}T00:00:00Z`) + 86_400_000);
  const from = new Date(to.getTime() - days * 86_400_000);
  const previousFrom = new Date(from.getTime() - days * 86_400_000);

  // One pass over each rollup for the period, one for the previous period's KPIs.
  const [outcomes, sources, previous] = await Promise.all([
    db.$queryRaw<OutcomeRow[]>`
      SELECT day, sentiment, outcome, GROUPING(day, sentiment, outcome) AS g, ${TOTALS}
      FROM daily_outcome_stats WHERE day >= ${from}::date AND day < ${to}::date
      GROUP BY GROUPING SETS ((day, sentiment), (day, outcome), ())`,
    db.$queryRaw<SourceRow[]>`
      SELECT provider, campaign, GROUPING(provider, campaign) AS g, sum(calls)::int AS calls
      FROM daily_source_stats WHERE day >= ${from}::date AND day < ${to}::date
      GROUP BY GROUPING SETS ((provider), (campaign))`,
    db.$queryRaw<Totals[]>`
      SELECT ${TOTALS} FROM daily_outcome_stats WHERE day >= ${previousFrom}::date AND day < ${from}::date`,
  ]);
  const grouped = <R extends { g: number; calls: number }>(rows: R[], g: number) => rows.filter((r) => r.g === g && r.calls > 0);

  // Every day of the period, also days without calls, so the charts keep their scale.
  const dayList = Array.from({ length: days }, (_, i) => dayString(new Date(from.getTime() + i * 86_400_000)));
  const sentimentByDay = new Map(dayList.map((day) => [day, { day, positive: 0, neutral: 0, negative: 0, mixed: 0, none: 0 }]));
  for (const r of grouped(outcomes, 0b001)) {
    const row = sentimentByDay.get(dayString(r.day!));
    if (row) row[(r.sentiment || "none") as keyof Omit<typeof row, "day">] += r.calls;
  }
  const outcomeByDay = new Map<string, { day: string } & Record<string, number | string>>(dayList.map((day) => [day, { day }]));
  for (const r of grouped(outcomes, 0b010)) {
    const row = outcomeByDay.get(dayString(r.day!));
    if (row && r.outcome) row[r.outcome] = r.calls;
  }

  return {
    timeZone,
    from: dayString(from),
    to: dayString(new Date(to.getTime() - 86_400_000)),
    current: toKpis(outcomes.find((r) => r.g === 0b111)),
    previous: previous[0]?.calls ? toKpis(previous[0]) : toKpis(undefined),
    byDaySentiment: [...sentimentByDay.values()],
    byDayOutcome: [...outcomeByDay.values()],
    byProvider: grouped(sources, 0b01)
      .map((r) => ({ provider: r.provider!, calls: r.calls }))
      .sort((a, b) => b.calls - a.calls),
    byCampaign: grouped(sources, 0b10)
      .filter((r) => r.campaign)
      .map((r) => ({ campaign: r.campaign!, calls: r.calls }))
      .sort((a, b) => b.calls - a.calls)
      .slice(0, 10),
  };
}
