import { Prisma } from "@/lib/db/client";

// The SQL that defines the queue. NEEDS and DUE are written word for word as
// the partial index calls_follow_up_due_idx (migration 20261128112441_follow_ups)
// says them: the planner uses that index only when they match.

/** A call needs a human next step: not a test, still open, and a callback, a hot lead or a vendor's next step. */
export const NEEDS = Prisma.sql`NOT c.is_test AND c.handled_at IS NULL AND (c.callback_at IS NOT NULL OR c.is_hot OR c.next_action IS NOT NULL)`;

/** When to act: the snooze if any, else the callback asked for, else as soon as the call ended. */
export const DUE = Prisma.sql`COALESCE(c.snoozed_until, c.callback_at, c.started_at)`;

/** One row per customer: a call is left out when a newer call of the same contact is open in the queue too. */
export const NEWEST_OF_CONTACT = Prisma.sql`NOT EXISTS (
  SELECT 1 FROM calls n
  WHERE n.contact_id = c.contact_id AND n.started_at > c.started_at
    AND NOT n.is_test AND n.handled_at IS NULL AND (n.callback_at IS NOT NULL OR n.is_hot OR n.next_action IS NOT NULL))`;

/** Overdue: a callback or snooze time that has passed (a hot lead with no time is due, not overdue). */
export const overdueAt = (asOf: Date) => Prisma.sql`(${DUE} < ${asOf}::timestamptz AND (c.snoozed_until IS NOT NULL OR c.callback_at IS NOT NULL))`;

/** Open and not overdue: not snoozed, and its callback (if any) still ahead. */
export const upcomingAt = (asOf: Date) => Prisma.sql`(c.snoozed_until IS NULL AND (c.callback_at IS NULL OR c.callback_at >= ${asOf}::timestamptz))`;

/** Snoozed to a time still ahead. */
export const snoozedAt = (asOf: Date) => Prisma.sql`c.snoozed_until >= ${asOf}::timestamptz`;

/** Done: handled, by the same flag Hot leads uses. */
export const DONE = Prisma.sql`NOT c.is_test AND c.handled_at IS NOT NULL AND (c.callback_at IS NOT NULL OR c.is_hot OR c.next_action IS NOT NULL)`;
