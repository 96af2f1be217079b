import { DateTime } from "luxon";

// When a digest is due, in the user's zone, with luxon doing the calendar:
// the slot is the local time of day on each day (daily) or on one weekday
// (weekly). A time that does not exist on a spring-forward day (02:30 in New
// York on 2026-03-08) goes at the first instant after the gap (03:30); a time
// that happens twice on a fall-back day goes at its first occurrence only,
// since the slot is a local date and time, not an instant.

export interface Schedule {
  frequency: "daily" | "weekly";
  /** 1 = Monday … 7 = Sunday (weekly). */
  weekday: number;
  /** "HH:MM", local. */
  sendAt: string;
}

export interface Slot {
  /** The digest_sends period: the slot's local date ("2026-03-08") or ISO week ("2026-W10"). */
  period: string;
  /** The instant it is due. */
  at: Date;
  /** The local midnight that ends the period the digest covers (the slot's day, 00:00). */
  endsAt: DateTime;
}

/** Slots older than this are skipped (after an outage the latest one goes late, the ones before it not at all). */
export const LATE_LIMIT_HOURS = 3;

function slotOn(day: DateTime, sendAt: string): DateTime {
  const [hour, minute] = sendAt.split(":").map(Number);
  // luxon moves a local time inside a spring-forward gap forward by the gap's length (02:30 → 03:30).
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

export function slotFor(schedule: Schedule, day: DateTime): Slot {
  const at = slotOn(day, schedule.sendAt);
  const midnight = day.startOf("day");
  return {
    period: schedule.frequency === "weekly" ? midnight.toFormat("kkkk-'W'WW") : midnight.toISODate()!,
    at: at.toJSDate(),
    endsAt: midnight,
  };
}

/** The latest slot at or before `now` (in `zone`), or null when it is older than LATE_LIMIT_HOURS. */
export function latestSlot(schedule: Schedule, zone: string, now: Date): Slot | null {
  const local = DateTime.fromJSDate(now, { zone });
  // Today's slot, else the one before: yesterday's (daily) or last week's day (weekly).
  for (let back = 0; back <= 7; back++) {
    const day = local.startOf("day").minus({ days: back });
    if (schedule.frequency === "weekly" && day.weekday !== schedule.weekday) continue;
    const slot = slotFor(schedule, day);
    if (slot.at.getTime() > now.getTime()) continue;
    return now.getTime() - slot.at.getTime() <= LATE_LIMIT_HOURS * 3_600_000 ? slot : null;
  }
  return null;
}

/** The window a digest covers, ending at `endsAt` (a local midnight): the day before, or the 7 days before; and the window before that. */
export function coveredWindows(frequency: Schedule["frequency"], endsAt: DateTime) {
  const days = frequency === "weekly" ? 7 : 1;
  const from = endsAt.minus({ days });
  const previousFrom = from.minus({ days });
  return {
    days,
    current: { from: from.toJSDate(), to: endsAt.toJSDate() },
    previous: { from: previousFrom.toJSDate(), to: from.toJSDate() },
    /** Calendar dates (YYYY-MM-DD), for the daily rollups: [from, to). */
    dates: { from: from.toISODate()!, to: endsAt.toISODate()!, previousFrom: previousFrom.toISODate()! },
    /** "Tue 10 Mar" or "2 – 8 Mar 2026", for people. */
    label: days === 1 ? from.toFormat("ccc d LLL yyyy") : `${from.toFormat("d LLL")} – ${endsAt.minus({ days: 1 }).toFormat("d LLL yyyy")}`,
  };
}
