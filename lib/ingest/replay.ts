import { db } from "@/lib/db/client";
import { processRawEvent, type ProcessResult } from "./process";

// Runs a stored raw event through the current adapter again: after an adapter
// fix, or after a source's vendor setting was corrected.

export async function replayRawEvent(eventId: string): Promise<ProcessResult | null> {
  const event = await db.rawEvent.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      receivedAt: true,
      method: true,
      query: true,
      body: true,
      isTest: true,
      source: { select: { id: true, provider: true, defaultRegion: true } },
    },
  });
  if (!event) return null;
  return processRawEvent({ ...event, query: event.query as Record<string, string> }, event.source);
}

/** Replays events matching a filter, oldest first, in bounded batches. */
export async function replayWhere(
  filter: { status?: "failed" | "rejected"; sourceSlug?: string },
  onBatch: (done: number, counts: Record<string, number>) => void = () => {},
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let after: string | undefined;
  let done = 0;
  for (;;) {
    const batch = await db.rawEvent.findMany({
      where: {
        status: filter.status ?? "failed",
        ...(filter.sourceSlug ? { source: { slug: filter.sourceSlug } } : {}),
        ...(after ? { id: { gt: after } } : {}),
      },
      orderBy: { id: "asc" },
      take: 200,
      select: { id: true },
    });
    if (batch.length === 0) return counts;
    for (const { id } of batch) {
      const result = await replayRawEvent(id);
      if (result) counts[result.kind] = (counts[result.kind] ?? 0) + 1;
    }
    done += batch.length;
    after = batch.at(-1)!.id;
    onBatch(done, counts);
  }
}
