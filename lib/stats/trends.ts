import { z } from "zod";
import { db, Prisma } from "@/lib/db/client";

// The overview's numbers, read from the daily rollup (never from calls). Days
// are UTC days, as the rollup keeps them.

export const trendsQuerySchema = z.object({ days: z.coerce.number().int().refine((d) => [7, 30, 90, 365].includes(d), "days must be 7, 30, 90 or 365").default(30) });

export interface Kpis {
  calls: number;
  connectRate: number | null;
  avgTalkSec: number | null;
  hotLeads: number;
  positiveShare: number | null;
  meetings: number;
}

export interface Trends {
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

/** Which grouping set a row belongs to (GROUPING() bits over day, sentiment, outcome, provider, campaign). */
const SET = { daySentiment: 0b00111, dayOutcome: 0b01011, provider: 0b11101, campaign: 0b11110, total: 0b11111 };

interface GroupedRow extends Totals {
  day: Date | null;
  sentiment: string | null;
  outcome: string | null;
  provider: string | null;
  campaign: string | null;
  g: number;
}

export async function getTrends(days: number, today = new Date()): Promise<Trends> {
  const to = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1));
  const from = new Date(to.getTime() - days * 86_400_000);
  const previousFrom = new Date(from.getTime() - days * 86_400_000);

  // One pass over the period's rollup rows for every chart and the KPIs.
  const [rows, previous] = await Promise.all([
    db.$queryRaw<GroupedRow[]>`
      SELECT day, sentiment, outcome, provider, campaign,
             GROUPING(day, sentiment, outcome, provider, campaign) AS g, ${TOTALS}
      FROM daily_call_stats WHERE day >= ${from}::date AND day < ${to}::date
      GROUP BY GROUPING SETS ((day, sentiment), (day, outcome), (provider), (campaign), ())`,
    db.$queryRaw<Totals[]>`
      SELECT ${TOTALS} FROM daily_call_stats WHERE day >= ${previousFrom}::date AND day < ${from}::date`,
  ]);
  const set = (g: number) => rows.filter((r) => r.g === g && r.calls > 0);

  // Every day of the period, also days without calls, so the charts keep their scale.
  const dayList = Array.from({ length: days }, (_, i) => dayString(new Date(from.getTime() + i * 86_400_000)));
  const sentimentByDay = new Map(dayList.map((day) => [day, { day, positive: 0, neutral: 0, negative: 0, mixed: 0, none: 0 }]));
  for (const r of set(SET.daySentiment)) {
    const row = sentimentByDay.get(dayString(r.day!));
    if (row) row[(r.sentiment || "none") as keyof Omit<typeof row, "day">] += r.calls;
  }
  const outcomeByDay = new Map<string, { day: string } & Record<string, number | string>>(dayList.map((day) => [day, { day }]));
  for (const r of set(SET.dayOutcome)) {
    const row = outcomeByDay.get(dayString(r.day!));
    if (row && r.outcome) row[r.outcome] = r.calls;
  }

  return {
    from: dayString(from),
    to: dayString(new Date(to.getTime() - 86_400_000)),
    current: toKpis(rows.find((r) => r.g === SET.total)),
    previous: previous[0]?.calls ? toKpis(previous[0]) : toKpis(undefined),
    byDaySentiment: [...sentimentByDay.values()],
    byDayOutcome: [...outcomeByDay.values()],
    byProvider: set(SET.provider)
      .map((r) => ({ provider: r.provider!, calls: r.calls }))
      .sort((a, b) => b.calls - a.calls),
    byCampaign: set(SET.campaign)
      .filter((r) => r.campaign)
      .map((r) => ({ campaign: r.campaign!, calls: r.calls }))
      .sort((a, b) => b.calls - a.calls)
      .slice(0, 10),
  };
}
