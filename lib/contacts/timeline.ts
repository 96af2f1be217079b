import { db } from "@/lib/db/client";
import { after, decodeCursor, keysetPage } from "@/lib/calls/cursor";
import type { CallItem } from "@/lib/calls/schemas";
import { groupAttempts, shorten } from "./group";
import { SUMMARY_CHARS, TIMELINE_LIMIT, type TimelineCall, type TimelineEntry } from "./schemas";

export interface TimelinePage {
  entries: TimelineEntry[];
  nextCursor: string | null;
}

const SELECT = {
  id: true,
  provider: true,
  groupKey: true,
  attempt: true,
  direction: true,
  status: true,
  startedAt: true,
  durationSec: true,
  sentiment: true,
  outcome: true,
  leadScore: true,
  isHot: true,
  nextAction: true,
  callbackAt: true,
  summary: true,
  followUpNote: true,
  reviewNote: true,
} as const;

/**
 * One page of a contact's calls, newest first, through the (contact_id,
 * started_at desc) index with a LIMIT: a number called thousands of times
 * reads no more than a page. Test calls are left out. A bad cursor throws
 * BadCursorError.
 */
export async function contactTimeline(contactId: string, opts: { cursor?: string; limit?: number } = {}): Promise<TimelinePage> {
  const limit = opts.limit ?? TIMELINE_LIMIT;
  const position = decodeCursor(opts.cursor);
  const rows = await db.call.findMany({
    where: { contactId, isTest: false, ...after("startedAt", position) },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: SELECT,
  });
  const page = keysetPage(rows, limit, (r) => ({ at: r.startedAt, id: r.id }));
  const calls: TimelineCall[] = page.items.map((r) => ({
    ...r,
    provider: r.provider as CallItem["provider"],
    direction: r.direction as CallItem["direction"],
    status: r.status as CallItem["status"],
    sentiment: r.sentiment as CallItem["sentiment"],
    outcome: r.outcome as CallItem["outcome"],
    startedAt: r.startedAt.toISOString(),
    callbackAt: r.callbackAt?.toISOString() ?? null,
    summary: shorten(r.summary, SUMMARY_CHARS),
  }));
  return { entries: groupAttempts(calls), nextCursor: page.nextCursor };
}
