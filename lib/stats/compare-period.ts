import { dayIn } from "./trends";

// A Compare period as calendar days in the organisation's time zone, both
// ends included, and the period of equal length just before it.

export interface ComparePeriod {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  days: number;
}

const DAY_MS = 86_400_000;
const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`);
const toDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** `from`..`to` as given; a missing end from `days` (default 30) back from today in `timeZone`. */
export function resolvePeriod(q: { from?: string; to?: string; days?: number }, timeZone: string, now = new Date()): ComparePeriod {
  const length = q.days ?? 30;
  const to = q.to ?? (q.from ? toDay(Math.max(toTime(q.from), toTime(dayIn(timeZone, now)))) : dayIn(timeZone, now));
  const from = q.from ?? toDay(toTime(to) - (length - 1) * DAY_MS);
  const days = Math.round((toTime(to) - toTime(from)) / DAY_MS) + 1;
  return {
    from,
    to,
    previousFrom: toDay(toTime(from) - days * DAY_MS),
    previousTo: toDay(toTime(from) - DAY_MS),
    days,
  };
}

/** Every day of [from, to], in order. */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = toTime(from); t <= toTime(to); t += DAY_MS) out.push(toDay(t));
  return out;
}
