import { z } from "zod";
import { db } from "@/lib/db/client";

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

interface KpiRow {
  current: boolean;
  calls: number;
  connected: number;
  talk: number;
  hot: number;
  positive: number;
  rated: number;
  meetings: number;
}

function toKpis(r: KpiRow | undefined): Kpis {
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

export async function getTrends(days: number, today = new Date()): Promise<Trends> {
  const to = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1));
  const from = new Date(to.getTime() - days * 86_400_000);
  const previousFrom = new Date(from.getTime() - days * 86_400_000);

  const [kpis, sentiment, outcomes, providers, campaigns] = await Promise.all([
    db.$queryRaw<KpiRow[]>`
      SELECT day >= ${from}::date AS current,
             COALESCE(sum(calls), 0)::int AS calls,
             COALESCE(sum(calls) FILTER (WHERE status = 'completed'), 0)::int AS connected,
             COALESCE(sum(talk_sec) FILTER (WHERE status = 'completed'), 0)::float8 AS talk,
             COALESCE(sum(hot_calls), 0)::int AS hot,
             COALESCE(sum(calls) FILTER (WHERE sentiment = 'positive'), 0)::int AS positive,
             COALESCE(sum(calls) FILTER (WHERE sentiment <> ''), 0)::int AS rated,
             COALESCE(sum(calls) FILTER (WHERE outcome = 'meeting_scheduled'), 0)::int AS meetings
      FROM daily_call_stats WHERE day >= ${previousFrom}::date AND day < ${to}::date GROUP BY 1`,
    db.$queryRaw<{ day: Date; sentiment: string; calls: number }[]>`
      SELECT day, sentiment, sum(calls)::int AS calls FROM daily_call_stats
      WHERE day >= ${from}::date AND day < ${to}::date GROUP BY 1, 2 HAVING sum(calls) > 0`,
    db.$queryRaw<{ day: Date; outcome: string; calls: number }[]>`
      SELECT day, outcome, sum(calls)::int AS calls FROM daily_call_stats
      WHERE day >= ${from}::date AND day < ${to}::date AND outcome <> '' GROUP BY 1, 2 HAVING sum(calls) > 0`,
    db.$queryRaw<{ provider: string; calls: number }[]>`
      SELECT provider, sum(calls)::int AS calls FROM daily_call_stats
      WHERE day >= ${from}::date AND day < ${to}::date GROUP BY 1 HAVING sum(calls) > 0 ORDER BY 2 DESC`,
    db.$queryRaw<{ campaign: string; calls: number }[]>`
      SELECT campaign, sum(calls)::int AS calls FROM daily_call_stats
      WHERE day >= ${from}::date AND day < ${to}::date AND campaign <> '' GROUP BY 1 HAVING sum(calls) > 0 ORDER BY 2 DESC LIMIT 10`,
  ]);

  // Every day of the period, also days without calls, so the charts keep their scale.
  const dayList = Array.from({ length: days }, (_, i) => dayString(new Date(from.getTime() + i * 86_400_000)));
  const sentimentByDay = new Map(dayList.map((day) => [day, { day, positive: 0, neutral: 0, negative: 0, mixed: 0, none: 0 }]));
  for (const r of sentiment) {
    const row = sentimentByDay.get(dayString(r.day));
    if (row) row[(r.sentiment || "none") as keyof Omit<typeof row, "day">] += r.calls;
  }
  const outcomeByDay = new Map<string, { day: string } & Record<string, number | string>>(dayList.map((day) => [day, { day }]));
  for (const r of outcomes) {
    const row = outcomeByDay.get(dayString(r.day));
    if (row) row[r.outcome] = ((row[r.outcome] as number | undefined) ?? 0) + r.calls;
  }

  return {
    from: dayString(from),
    to: dayString(new Date(to.getTime() - 86_400_000)),
    current: toKpis(kpis.find((k) => k.current)),
    previous: toKpis(kpis.find((k) => !k.current)),
    byDaySentiment: [...sentimentByDay.values()],
    byDayOutcome: [...outcomeByDay.values()],
    byProvider: providers,
    byCampaign: campaigns,
  };
}
