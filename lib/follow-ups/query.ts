import { db, Prisma } from "@/lib/db/client";
import type { CallColumns } from "@/lib/db/columns";
import { cappedTotal, COUNT_CAP } from "@/lib/lists/total";
import { CALL_COLUMNS, toCallItem, type CallRow } from "@/lib/calls/row";
import type { CallItem } from "@/lib/calls/schemas";
import { decodeQueueCursor, encodeQueueCursor, type QueueCursor } from "./cursor";
import { otherCallsOf, type OtherCalls } from "./other-calls";
import type { AssigneeFilter, FollowUpView } from "./schemas";
import { DONE, DUE, NEEDS, NEWEST_OF_CONTACT, overdueAt, snoozedAt, upcomingAt } from "./sql";

export type FollowUpReason = "callback" | "hot" | "nextStep";

export interface FollowUp extends CallItem {
  /** When to act (snooze, else callback, else the call's start). */
  dueAt: string;
  overdue: boolean;
  reasons: FollowUpReason[];
  snoozedUntil: string | null;
  handledAt: string | null;
  assignee: { id: string; name: string } | null;
  note: { text: string; by: string | null; at: string } | null;
  otherCalls: OtherCalls;
}

export interface FollowUpPage {
  items: FollowUp[];
  nextCursor: string | null;
  prevCursor: string | null;
  /**
   * How many follow-ups match and how many of them are overdue, each counted
   * up to COUNT_CAP: exact is false when more match than that (count is then
   * the cap, shown as "10,000+", and so is overdue if it reached the cap).
   */
  total: { count: number; overdue: number; exact: boolean };
}

interface Options {
  view: FollowUpView;
  assignee: AssigneeFilter;
  /** The signed-in person, for assignee "me". */
  viewerId: string | null;
  cursor?: string;
  limit: number;
  /** The moment "overdue" is measured at, for the first page (later pages keep their cursor's). */
  now?: Date;
}

type Row = CallRow &
  Pick<CallColumns, "contact_id" | "snoozed_until" | "handled_at" | "assignee_id" | "follow_up_note" | "follow_up_note_at"> & {
    due: Date;
    seg: number;
    assignee_name: string | null;
    note_by: string | null;
  };

/** A part of the queue read in one index order: open is its overdue part, then the rest. */
interface Segment {
  where: Prisma.Sql;
  key: Prisma.Sql;
  desc: boolean;
}

function segmentsOf(view: FollowUpView, asOf: Date): Segment[] {
  if (view === "done") return [{ where: DONE, key: Prisma.sql`c.handled_at`, desc: true }];
  const open = Prisma.sql`${NEEDS} AND ${NEWEST_OF_CONTACT}`;
  if (view === "snoozed") return [{ where: Prisma.sql`${open} AND ${snoozedAt(asOf)}`, key: DUE, desc: false }];
  return [
    { where: Prisma.sql`${open} AND ${overdueAt(asOf)}`, key: DUE, desc: false },
    { where: Prisma.sql`${open} AND ${upcomingAt(asOf)}`, key: DUE, desc: false },
  ];
}

function assigneeWhere(filter: AssigneeFilter, viewerId: string | null): Prisma.Sql {
  if (filter === "unassigned") return Prisma.sql`c.assignee_id IS NULL`;
  if (filter === "me") return viewerId ? Prisma.sql`c.assignee_id = ${viewerId}::uuid` : Prisma.sql`FALSE`;
  return Prisma.sql`TRUE`;
}

/** Up to `take` rows of one segment, in display order or (backwards) its reverse, strictly past a bound. */
async function readSegment(seg: Segment, index: number, filter: Prisma.Sql, take: number, backwards: boolean, bound: QueueCursor | null): Promise<Row[]> {
  // Backwards reads the segment in reverse; the key's own direction flips too.
  const ascending = seg.desc === backwards;
  const dir = ascending ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const past = bound
    ? ascending
      ? Prisma.sql`(${seg.key}, c.id) > (${bound.at}::timestamptz, ${bound.id}::uuid)`
      : Prisma.sql`(${seg.key}, c.id) < (${bound.at}::timestamptz, ${bound.id}::uuid)`
    : Prisma.sql`TRUE`;
  return db.$queryRaw<Row[]>`
    SELECT ${CALL_COLUMNS}, c.contact_id, ${seg.key} AS due, ${index}::int AS seg, c.snoozed_until, c.handled_at,
           c.assignee_id, COALESCE(a.name, a.email) AS assignee_name,
           c.follow_up_note, COALESCE(nb.name, nb.email) AS note_by, c.follow_up_note_at
    FROM calls c
    JOIN sources s ON s.id = c.source_id
    LEFT JOIN users a ON a.id = c.assignee_id
    LEFT JOIN users nb ON nb.id = c.follow_up_note_by
    WHERE ${seg.where} AND ${filter} AND ${past}
    ORDER BY ${seg.key} ${dir}, c.id ${dir}
    LIMIT ${take}`;
}

/** Rows in display order from a cursor (or the start), segment after segment, until `take` are found. */
async function readFrom(segments: Segment[], filter: Prisma.Sql, take: number, cursor: QueueCursor | null): Promise<Row[]> {
  const backwards = cursor?.dir === "before";
  const order = segments.map((s, i) => [s, i] as const).filter(([, i]) => !cursor || (backwards ? i <= cursor.seg : i >= cursor.seg));
  if (backwards) order.reverse();
  const rows: Row[] = [];
  for (const [seg, i] of order) {
    if (rows.length >= take) break;
    rows.push(...(await readSegment(seg, i, filter, take - rows.length, backwards, cursor && i === cursor.seg ? cursor : null)));
  }
  return rows;
}

/** Both counts stop at the cap, as every list's total does: the done view grows without end. */
async function countOf(view: FollowUpView, asOf: Date, filter: Prisma.Sql): Promise<FollowUpPage["total"]> {
  const where = segmentsOf(view, asOf)
    .map((s) => s.where)
    .reduce((a, b) => Prisma.sql`(${a}) OR (${b})`);
  const capped = (condition: Prisma.Sql) => Prisma.sql`(SELECT count(*) FROM (SELECT 1 FROM calls c WHERE ${condition} LIMIT ${COUNT_CAP + 1}) x)::int`;
  const [row] = await db.$queryRaw<{ count: number; overdue: number }[]>`
    SELECT ${capped(Prisma.sql`(${where}) AND ${filter}`)} AS count,
      ${view === "open" ? capped(Prisma.sql`(${where}) AND ${filter} AND ${overdueAt(asOf)}`) : Prisma.sql`0`} AS overdue`;
  const count = cappedTotal(row.count);
  return { count: count.count, overdue: cappedTotal(row.overdue).count, exact: count.exact };
}

function reasonsOf(r: Row): FollowUpReason[] {
  return [...(r.callback_at ? (["callback"] as const) : []), ...(r.is_hot ? (["hot"] as const) : []), ...(r.next_action ? (["nextStep"] as const) : [])];
}

/** One page of the follow-up queue, with its total (counted in parallel with the page). */
export async function listFollowUps(opts: Options): Promise<FollowUpPage> {
  const cursor = decodeQueueCursor(opts.cursor);
  const asOf = cursor?.asOf ?? opts.now ?? new Date();
  const segments = segmentsOf(opts.view, asOf);
  const filter = assigneeWhere(opts.assignee, opts.viewerId);
  const [fetched, total] = await Promise.all([readFrom(segments, filter, opts.limit + 1, cursor), countOf(opts.view, asOf, filter)]);

  const backwards = cursor?.dir === "before";
  const more = fetched.length > opts.limit;
  const rows = fetched.slice(0, opts.limit);
  if (backwards) rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  const position = (r: Row, dir: "after" | "before") => encodeQueueCursor({ asOf, dir, seg: r.seg, at: r.due, id: r.id });
  const nextCursor = last && (backwards ? true : more) ? position(last, "after") : null;
  const prevCursor = first && (backwards ? more : Boolean(cursor)) ? position(first, "before") : null;

  const others = await otherCallsOf(rows.map((r) => ({ id: r.id, contactId: r.contact_id })));
  const items = rows.map((r): FollowUp => ({
    ...toCallItem(r),
    dueAt: (r.snoozed_until ?? r.callback_at ?? r.started_at).toISOString(),
    overdue: (r.snoozed_until !== null || r.callback_at !== null) && (r.snoozed_until ?? r.callback_at ?? r.started_at) < asOf && !r.handled_at,
    reasons: reasonsOf(r),
    snoozedUntil: r.snoozed_until?.toISOString() ?? null,
    handledAt: r.handled_at?.toISOString() ?? null,
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? "Someone" } : null,
    note: r.follow_up_note && r.follow_up_note_at ? { text: r.follow_up_note, by: r.note_by, at: r.follow_up_note_at.toISOString() } : null,
    otherCalls: others.get(r.id) ?? { count: 0, latest: [] },
  }));
  return { items, nextCursor, prevCursor, total };
}
