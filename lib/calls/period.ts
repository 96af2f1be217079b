import { Prisma } from "@/lib/db/client";

// The list's dates are the organisation's days: "2026-03-02" runs from that
// midnight to the next in its time zone, and a period such as "7d" is today
// and the six days before, resolved when the request is made (so a shared
// link keeps meaning "the last 7 days"). Postgres does the zone arithmetic,
// daylight saving time included.

export const CALL_PERIODS = ["today", "7d", "30d", "90d"] as const;
export type CallPeriod = (typeof CALL_PERIODS)[number];

const DAYS: Record<CallPeriod, number> = { today: 1, "7d": 7, "30d": 30, "90d": 90 };

const isDay = (value: string) => value.length === 10;

/** The first instant of a filter's `from`: a day's midnight in `zone`, or the instant itself. */
export function fromInstant(value: string, zone: string): Prisma.Sql {
  return isDay(value) ? Prisma.sql`(${value}::date::timestamp AT TIME ZONE ${zone})` : Prisma.sql`${new Date(value)}::timestamptz`;
}

/** The exclusive end of a filter's `to`: a bare day includes the whole day. */
export function toInstant(value: string, zone: string): Prisma.Sql {
  return isDay(value) ? Prisma.sql`((${value}::date + 1)::timestamp AT TIME ZONE ${zone})` : Prisma.sql`${new Date(value)}::timestamptz`;
}

/** The first instant of a relative period: midnight `days - 1` days before today, in `zone`. */
export function periodStart(period: CallPeriod, zone: string): Prisma.Sql {
  return Prisma.sql`((date_trunc('day', now() AT TIME ZONE ${zone}) - make_interval(days => ${DAYS[period] - 1})) AT TIME ZONE ${zone})`;
}
