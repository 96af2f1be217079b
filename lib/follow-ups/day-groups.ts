// The queue's sections, by calendar day in the viewer's time zone: a
// callback at 00:30 in New York is "Tomorrow" there at 22:00, even when it is
// the same day in UTC.

export const DAY_GROUPS = ["overdue", "today", "tomorrow", "later"] as const;
export type DayGroup = (typeof DAY_GROUPS)[number];

export const DAY_GROUP_TITLES: Record<DayGroup, string> = { overdue: "Overdue", today: "Today", tomorrow: "Tomorrow", later: "Later" };

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function dayIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** The day after a YYYY-MM-DD day (calendar arithmetic, so daylight-saving changes do not matter). */
function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Which section a follow-up goes in; anything due before today (a hot lead waiting since yesterday) is today's work. */
export function dayGroupOf(item: { dueAt: string; overdue: boolean }, now: Date, timeZone: string): DayGroup {
  if (item.overdue) return "overdue";
  const today = dayIn(now, timeZone);
  const day = dayIn(new Date(item.dueAt), timeZone);
  if (day <= today) return "today";
  return day === nextDay(today) ? "tomorrow" : "later";
}

/** Items in sections, each keeping the queue's order; empty sections left out. */
export function groupByDay<T extends { dueAt: string; overdue: boolean }>(items: T[], now: Date, timeZone: string): { group: DayGroup; items: T[] }[] {
  return DAY_GROUPS.map((group) => ({ group, items: items.filter((i) => dayGroupOf(i, now, timeZone) === group) })).filter((g) => g.items.length > 0);
}
