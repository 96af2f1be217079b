import { db } from "@/lib/db/client";
import type { CallColumns } from "@/lib/db/columns";

export interface OtherCalls {
  count: number;
  latest: { id: string; startedAt: string; status: string; outcome: string | null }[];
}

/** Past this many calls with one number, the count stops (it reads "10,000 other calls"). */
const OTHER_CALLS_COUNT_CAP = 10_000;

/** contact_id is the contact asked about (never null), not the call's column; total is capped. */
type Row = Pick<CallColumns, "id" | "started_at" | "status" | "outcome"> & { contact_id: string; total: number };

/** For each contact: how many calls it has, and the newest few, so each row can say "3 other calls with this number". */
export async function otherCallsOf(rows: { id: string; contactId: string | null }[]): Promise<Map<string, OtherCalls>> {
  const contactIds = [...new Set(rows.flatMap((r) => (r.contactId ? [r.contactId] : [])))];
  // Per contact through its index, newest six and a capped count: a number a vendor (or a spammer) called
  // a million times costs the page no more than one called twice.
  const others = contactIds.length
    ? await db.$queryRaw<Row[]>`
        SELECT k.contact_id, c.id, c.started_at, c.status, c.outcome, n.total
        FROM unnest(${contactIds}::uuid[]) AS k(contact_id)
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS total FROM (
            SELECT 1 FROM calls WHERE contact_id = k.contact_id AND NOT is_test LIMIT ${OTHER_CALLS_COUNT_CAP}) capped) n
        CROSS JOIN LATERAL (
          SELECT id, started_at, status, outcome FROM calls
          WHERE contact_id = k.contact_id AND NOT is_test
          ORDER BY started_at DESC LIMIT 6) c`
    : [];
  const result = new Map<string, OtherCalls>();
  for (const row of rows) {
    const mine = others.filter((o) => o.contact_id === row.contactId);
    const total = mine[0]?.total ?? 1;
    result.set(row.id, {
      count: Math.max(0, total - (mine.length ? 1 : 0)),
      latest: mine
        .filter((o) => o.id !== row.id)
        .slice(0, 5)
        .map((o) => ({ id: o.id, startedAt: o.started_at.toISOString(), status: o.status, outcome: o.outcome })),
    });
  }
  return result;
}
