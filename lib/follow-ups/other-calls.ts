import { db } from "@/lib/db/client";

export interface OtherCalls {
  count: number;
  latest: { id: string; startedAt: string; status: string; outcome: string | null }[];
}

/** For each contact: how many calls it has, and the newest few, so each row can say "3 other calls with this number". */
export async function otherCallsOf(rows: { id: string; contactId: string | null }[]): Promise<Map<string, OtherCalls>> {
  const contactIds = [...new Set(rows.flatMap((r) => (r.contactId ? [r.contactId] : [])))];
  const others = contactIds.length
    ? await db.$queryRaw<{ contact_id: string; id: string; started_at: Date; status: string; outcome: string | null; total: number }[]>`
        SELECT contact_id, id, started_at, status, outcome, total FROM (
          SELECT contact_id, id, started_at, status, outcome,
                 row_number() OVER (PARTITION BY contact_id ORDER BY started_at DESC) AS n,
                 count(*) OVER (PARTITION BY contact_id)::int AS total
          FROM calls WHERE contact_id = ANY(${contactIds}::uuid[]) AND NOT is_test) ranked
        WHERE n <= 6`
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
