import { db, Prisma } from "@/lib/db/client";
import { isUuid } from "@/lib/api/ids";
import { NEEDS } from "@/lib/follow-ups/sql";
import { cappedTotal, COUNT_CAP } from "@/lib/lists/total";
import type { ContactSummary } from "./schemas";

// The contact page's header: who (from their newest calls), how often and when they were called, and
// what to do next. Test calls are left out. Each part reads the contact's
// calls through its (contact_id, started_at desc) index, and the count stops
// at COUNT_CAP, so a number called thousands of times stays cheap.

/** The contact's newest calls read for their name, email and company. */
const WHO_CALLS = 200;

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** The contact with what its calls say; null when there is no such contact (or the id is not one). */
export async function contactSummary(id: string, now = new Date()): Promise<ContactSummary | null> {
  if (!isUuid(id)) return null;
  const contact = await db.contact.findUnique({ where: { id }, select: { id: true, phone: true } });
  if (!contact) return null;
  const mine = { contactId: id, isTest: false };
  // Who they are: the name, email and company of the newest call that has each (a late-arriving older call renames no
  // one), among the newest WHO_CALLS calls, so that a number called thousands of times costs no more.
  const newest = (column: string) => Prisma.raw(`(SELECT ${column} FROM recent WHERE ${column} IS NOT NULL ORDER BY started_at DESC, id DESC LIMIT 1)`);
  const [[who], first, last, [counted], nextStep, upcoming, passed, [followUp]] = await Promise.all([
    db.$queryRaw<{ name: string | null; email: string | null; company: string | null }[]>`
      WITH recent AS (
        SELECT customer_name, customer_email, customer_company, started_at, id FROM calls
        WHERE contact_id = ${id}::uuid AND NOT is_test ORDER BY started_at DESC, id DESC LIMIT ${WHO_CALLS})
      SELECT ${newest("customer_name")} AS name, ${newest("customer_email")} AS email, ${newest("customer_company")} AS company`,
    db.call.findFirst({ where: mine, orderBy: [{ startedAt: "asc" }], select: { startedAt: true } }),
    db.call.findFirst({ where: mine, orderBy: [{ startedAt: "desc" }], select: { startedAt: true } }),
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM calls WHERE contact_id = ${id}::uuid AND NOT is_test LIMIT ${COUNT_CAP + 1}) x`,
    db.call.findFirst({
      where: { ...mine, nextAction: { not: null } },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      select: { id: true, nextAction: true, startedAt: true },
    }),
    db.call.findFirst({ where: { ...mine, callbackAt: { gte: now } }, orderBy: [{ callbackAt: "asc" }], select: { id: true, callbackAt: true } }),
    db.call.findFirst({ where: { ...mine, callbackAt: { lt: now } }, orderBy: [{ callbackAt: "desc" }], select: { id: true, callbackAt: true } }),
    // The queue shows a customer once, with their newest open call (lib/follow-ups/sql.ts).
    db.$queryRaw<{ id: string; due: Date; snoozed: boolean }[]>`
      SELECT c.id, COALESCE(c.snoozed_until, c.callback_at, c.started_at) AS due, COALESCE(c.snoozed_until >= ${now}::timestamptz, false) AS snoozed
      FROM calls c
      WHERE c.contact_id = ${id}::uuid AND ${NEEDS}
      ORDER BY c.started_at DESC
      LIMIT 1`,
  ]);
  const callback = upcoming ?? passed;
  return {
    ...contact,
    ...who,
    firstCallAt: iso(first?.startedAt),
    lastCallAt: iso(last?.startedAt),
    calls: cappedTotal(counted?.n ?? 0),
    nextStep: nextStep?.nextAction ? { text: nextStep.nextAction, callId: nextStep.id, at: nextStep.startedAt.toISOString() } : null,
    callback: callback?.callbackAt ? { at: callback.callbackAt.toISOString(), callId: callback.id, upcoming: Boolean(upcoming) } : null,
    followUp: followUp ? { callId: followUp.id, dueAt: followUp.due.toISOString(), snoozed: followUp.snoozed } : null,
  };
}
