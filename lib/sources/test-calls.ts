import { DomainError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/pool";

// Test calls made by "Send test event": listed on the source's page and
// removed in one click with what hangs off them (transcripts and deliveries go
// with the call; the raw events, kept apart, are removed here too). They were
// never in the rollups, so the charts do not change.

export interface TestCalls {
  count: number;
  latest: { id: string; startedAt: string; customerName: string | null }[];
}

export async function testCallsOf(sourceId: string, shown = 5): Promise<TestCalls> {
  const [count, latest] = await Promise.all([
    db.call.count({ where: { sourceId, isTest: true } }),
    db.call.findMany({
      where: { sourceId, isTest: true },
      orderBy: { createdAt: "desc" },
      take: shown,
      select: { id: true, startedAt: true, customerName: true },
    }),
  ]);
  return { count, latest: latest.map((c) => ({ id: c.id, startedAt: c.startedAt.toISOString(), customerName: c.customerName })) };
}

/** Deletes a source's test calls and test events; how many of each went. */
export async function removeTestCalls(slug: string): Promise<{ source: { id: string; name: string }; calls: number; events: number }> {
  const source = await db.source.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (!source) throw new DomainError("not_found", "Not found", `No source has the slug "${slug}".`);
  return inTransaction(async (client) => {
    const events = await client.query(
      `DELETE FROM raw_events WHERE source_id = $1 AND is_test AND (call_id IS NULL OR call_id IN (SELECT id FROM calls WHERE source_id = $1 AND is_test))`,
      [source.id],
    );
    const calls = await client.query(`DELETE FROM calls WHERE source_id = $1 AND is_test`, [source.id]);
    return { source, calls: calls.rowCount ?? 0, events: events.rowCount ?? 0 };
  });
}
