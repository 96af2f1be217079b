import { db, Prisma } from "@/lib/db/client";
import { isCallId } from "./ids";
import { CALL_COLUMNS, toCallItem, type CallRow } from "./row";
import type { CallDetail, CallItem } from "./schemas";

export interface HotLead extends CallItem {
  leadSignals: CallDetail["leadSignals"];
  handledAt: string | null;
  /** Other calls with the same phone: how many, and the latest few. */
  otherCalls: { count: number; latest: { id: string; startedAt: string; status: string; outcome: string | null }[] };
}

/** Hot calls by lead score, unhandled (or, with `handled`, the handled ones, newest handled first). */
export async function listHotLeads(opts: { handled: boolean; limit?: number }): Promise<HotLead[]> {
  const limit = opts.limit ?? 50;
  const rows = await db.$queryRaw<(CallRow & { lead_signals: HotLead["leadSignals"]; handled_at: Date | null; contact_id: string | null })[]>`
    SELECT ${CALL_COLUMNS}, c.lead_signals, c.handled_at, c.contact_id
    FROM calls c JOIN sources s ON s.id = c.source_id
    WHERE c.is_hot AND NOT c.is_test AND ${opts.handled ? Prisma.sql`c.handled_at IS NOT NULL` : Prisma.sql`c.handled_at IS NULL`}
    ORDER BY ${opts.handled ? Prisma.sql`c.handled_at DESC` : Prisma.sql`c.lead_score DESC, c.started_at DESC`}
    LIMIT ${limit}`;

  const contactIds = [...new Set(rows.flatMap((r) => (r.contact_id ? [r.contact_id] : [])))];
  const others = contactIds.length
    ? await db.$queryRaw<{ contact_id: string; id: string; started_at: Date; status: string; outcome: string | null; total: number }[]>`
        SELECT contact_id, id, started_at, status, outcome, total FROM (
          SELECT contact_id, id, started_at, status, outcome,
                 row_number() OVER (PARTITION BY contact_id ORDER BY started_at DESC) AS n,
                 count(*) OVER (PARTITION BY contact_id)::int AS total
          FROM calls WHERE contact_id = ANY(${contactIds}::uuid[])) ranked
        WHERE n <= 6`
    : [];

  return rows.map((r) => {
    const mine = others.filter((o) => o.contact_id === r.contact_id && o.id !== r.id);
    return {
      ...toCallItem(r),
      leadSignals: r.lead_signals,
      handledAt: r.handled_at?.toISOString() ?? null,
      otherCalls: {
        count: Math.max(0, (others.find((o) => o.contact_id === r.contact_id)?.total ?? 1) - 1),
        latest: mine.slice(0, 5).map((o) => ({ id: o.id, startedAt: o.started_at.toISOString(), status: o.status, outcome: o.outcome })),
      },
    };
  });
}

/** Marks a call's lead handled (or not); false when there is no such call. */
export async function setHandled(callId: string, handled: boolean, userId: string | null): Promise<boolean> {
  if (!isCallId(callId)) return false;
  const { count } = await db.call.updateMany({
    where: { id: callId },
    data: handled ? { handledAt: new Date(), handledBy: userId } : { handledAt: null, handledBy: null },
  });
  return count > 0;
}
