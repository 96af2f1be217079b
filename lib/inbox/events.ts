import { cappedTotal, COUNT_CAP, type ListTotal } from "@/lib/lists/total";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db/client";
import { after, decodeCursor, keysetPage } from "@/lib/calls/cursor";
import { replayRawEvent } from "@/lib/ingest/replay";

// The inbox: every request a source sent, as received, newest first. Admins
// filter it, read one, and replay events through the current adapter (after
// an adapter fix, or after correcting a source), seeing what each replay did.

export const RAW_STATUSES = ["received", "stored", "duplicate", "rejected", "failed"] as const;

export const inboxQuerySchema = z.object({
  source: z.string().max(100).optional(),
  status: z.enum(RAW_STATUSES).optional(),
  /** Only the requests behind one call. */
  call: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

export interface InboxItem {
  id: string;
  receivedAt: Date;
  source: { slug: string; name: string; provider: string };
  method: string;
  status: (typeof RAW_STATUSES)[number];
  error: string | null;
  externalId: string | null;
  callId: string | null;
  /** Made by an admin's "Send test event". */
  isTest: boolean;
}

const itemSelect = {
  id: true,
  receivedAt: true,
  method: true,
  status: true,
  error: true,
  externalId: true,
  callId: true,
  isTest: true,
  source: { select: { slug: true, name: true, provider: true } },
} satisfies Prisma.RawEventSelect;

export async function listInbox(query: InboxQuery): Promise<{ items: InboxItem[]; nextCursor: string | null; total: ListTotal }> {
  const where: Prisma.RawEventWhereInput = {
    ...(query.source ? { source: { slug: query.source } } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.call ? { callId: query.call } : {}),
  };
  const [rows, counted] = await Promise.all([
    db.rawEvent.findMany({
      where: { ...where, ...after("receivedAt", decodeCursor(query.cursor)) },
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      take: query.limit + 1,
      select: itemSelect,
    }),
    db.rawEvent.count({ where, take: COUNT_CAP + 1 }),
  ]);
  return { ...keysetPage(rows, query.limit, (r) => ({ at: r.receivedAt, id: r.id })), total: cappedTotal(counted) };
}

export interface InboxEvent extends InboxItem {
  headers: Record<string, string>;
  query: Record<string, string>;
  /** The body as text; JSON is indented. */
  body: string;
  bytes: number;
  processedAt: Date | null;
}

const SHOWN_BYTES = 512 * 1024;

export async function getInboxEvent(id: string): Promise<InboxEvent | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const row = await db.rawEvent.findUnique({
    where: { id },
    select: { ...itemSelect, headers: true, query: true, body: true, processedAt: true },
  });
  if (!row) return null;
  const text = Buffer.from(row.body.subarray(0, SHOWN_BYTES)).toString("utf8");
  let body = text;
  if (row.body.length <= SHOWN_BYTES) {
    try {
      body = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      // Not JSON: shown as it came.
    }
  } else body += `\n… (${row.body.length.toLocaleString()} bytes, cut at ${SHOWN_BYTES / 1024} KB)`;
  return {
    ...row,
    headers: row.headers as Record<string, string>,
    query: row.query as Record<string, string>,
    body,
    bytes: row.body.length,
  };
}

export interface ReplayOutcome {
  id: string;
  result: "stored" | "duplicate" | "stale" | "rejected" | "failed" | "not_found";
  callId?: string;
  error?: string;
}

/** Replays each event in turn (oldest first, as they arrived) and says what became of it. */
export async function replayEvents(ids: string[]): Promise<ReplayOutcome[]> {
  const events = await db.rawEvent.findMany({ where: { id: { in: ids } }, select: { id: true }, orderBy: [{ receivedAt: "asc" }, { id: "asc" }] });
  const found = new Set(events.map((e) => e.id));
  const outcomes: ReplayOutcome[] = ids.filter((id) => !found.has(id)).map((id) => ({ id, result: "not_found" }));
  for (const { id } of events) {
    const result = await replayRawEvent(id);
    if (!result) outcomes.push({ id, result: "not_found" });
    else if ("callId" in result) outcomes.push({ id, result: result.kind, callId: result.callId });
    else outcomes.push({ id, result: result.kind, error: result.error });
  }
  return outcomes;
}
