import { z } from "zod";
import { db, Prisma } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/rows";
import type { CallColumns, ColumnsAs } from "@/lib/db/columns";
import { otherCallsOf, type OtherCalls } from "@/lib/follow-ups/other-calls";
import { cappedTotal, COUNT_CAP, type ListTotal } from "@/lib/lists/total";
import { readTimeZone } from "@/lib/settings/time-zone";
import { andAll, callConditions } from "./conditions";
import { BadCursorError } from "./cursor";
import type { CallFilters } from "./filters";
import { isCallId } from "./ids";
import { CALL_COLUMNS, toCallItem, type CallRow } from "./row";
import { matchAll, resolveSearch } from "./search";
import type { CallDetail, CallItem } from "./schemas";
import { withEvidence } from "@/lib/scoring/evidence";

export interface HotLead extends CallItem {
  leadSignals: CallDetail["leadSignals"];
  handledAt: string | null;
  /** The customer's contact: its page lists every call with the number. */
  contactId: string | null;
  /** Other calls with the same phone: how many, and the latest few. */
  otherCalls: OtherCalls;
}

export interface HotLeadPage {
  items: HotLead[];
  nextCursor: string | null;
  prevCursor: string | null;
  total: ListTotal;
}

// Keyset paging in the list's own order: to follow up by lead score, then
// newest; handled by when, newest first. A cursor holds the sort key of the
// row it stands after (or before, for the previous page).
const cursorSchema = z.object({ dir: z.enum(["after", "before"]), score: z.number().int().min(0).max(100), at: z.iso.datetime(), id: z.uuid() });
type Cursor = z.infer<typeof cursorSchema>;

const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
function decode(cursor: string | undefined): Cursor | null {
  if (!cursor) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // Falls through to the error below.
  }
  throw new BadCursorError();
}

type Row = CallRow & ColumnsAs<CallColumns, "lead_signals", HotLead["leadSignals"]> & Pick<CallColumns, "handled_at" | "contact_id">;

/** The call list's filters that narrow hot leads (the list keeps its own order and paging). */
export type HotLeadFilters = Partial<Omit<CallFilters, "limit" | "cursor" | "sort">>;

/** The filters as conditions on `c`: the call list's, and its search as an exact match (hot leads are few). */
async function filterConditions(filters: HotLeadFilters = {}): Promise<Prisma.Sql[]> {
  const { q, said, hot: _hot, ...rest } = filters;
  const where = callConditions(rest, await readTimeZone());
  if (q) where.push(matchAll(await resolveSearch(q, said)));
  return where;
}

/**
 * Hot calls by lead score, unhandled (or, with `handled`, the handled ones,
 * newest handled first), narrowed by the call list's filters; test calls left out.
 */
export async function listHotLeads(opts: { handled: boolean; limit?: number; cursor?: string; filters?: HotLeadFilters }): Promise<HotLeadPage> {
  const limit = opts.limit ?? 50;
  const cursor = decode(opts.cursor);
  const backwards = cursor?.dir === "before";
  const filtered = andAll(await filterConditions(opts.filters));
  const where = Prisma.sql`c.is_hot AND NOT c.is_test AND ${opts.handled ? Prisma.sql`c.handled_at IS NOT NULL` : Prisma.sql`c.handled_at IS NULL`} ${filtered}`;
  // Every key is descending, so "after" is a smaller tuple and "before" a larger one.
  const key = opts.handled ? Prisma.sql`(c.handled_at, c.id)` : Prisma.sql`(c.lead_score, c.started_at, c.id)`;
  const bound = !cursor
    ? Prisma.sql`TRUE`
    : opts.handled
      ? Prisma.sql`${key} ${backwards ? Prisma.sql`>` : Prisma.sql`<`} (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
      : Prisma.sql`${key} ${backwards ? Prisma.sql`>` : Prisma.sql`<`} (${cursor.score}::int, ${cursor.at}::timestamptz, ${cursor.id}::uuid)`;
  const dir = backwards ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const order = opts.handled ? Prisma.sql`c.handled_at ${dir}, c.id ${dir}` : Prisma.sql`c.lead_score ${dir}, c.started_at ${dir}, c.id ${dir}`;

  const [fetched, [count]] = await Promise.all([
    sqlRows<Row>(Prisma.sql`
      SELECT ${CALL_COLUMNS}, c.lead_signals, c.handled_at, c.contact_id
      FROM calls c JOIN sources s ON s.id = c.source_id
      WHERE ${where} AND ${bound}
      ORDER BY ${order}
      LIMIT ${limit + 1}`),
    sqlRows<{ total: number }>(Prisma.sql`SELECT count(*)::int AS total FROM (SELECT 1 FROM calls c WHERE ${where} LIMIT ${COUNT_CAP + 1}) x`),
  ]);
  const more = fetched.length > limit;
  const rows = fetched.slice(0, limit);
  if (backwards) rows.reverse();
  const position = (r: Row, d: Cursor["dir"]) =>
    encode({ dir: d, score: r.lead_score, at: (opts.handled ? r.handled_at! : r.started_at).toISOString(), id: r.id });
  const first = rows[0];
  const last = rows.at(-1);

  const others = await otherCallsOf(rows.map((r) => ({ id: r.id, contactId: r.contact_id })));
  return {
    items: rows.map((r) => ({
      ...toCallItem(r),
      leadSignals: withEvidence(r.lead_signals),
      handledAt: r.handled_at?.toISOString() ?? null,
      contactId: r.contact_id,
      otherCalls: others.get(r.id) ?? { count: 0, latest: [] },
    })),
    nextCursor: last && (backwards || more) ? position(last, "after") : null,
    prevCursor: first && (backwards ? more : Boolean(cursor)) ? position(first, "before") : null,
    total: cappedTotal(count?.total ?? 0),
  };
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
