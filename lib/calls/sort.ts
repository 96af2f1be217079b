import { z } from "zod";
import { Prisma } from "@/lib/db/client";
import { BadCursorError } from "./cursor";

// The call list's orders and their keyset cursors. A cursor names the order it
// belongs to, which way it goes (the page after a row, or the page before
// one) and the sort key of that row, so that "Previous page" is a keyset
// query backwards, never an OFFSET. Each order is backed by an index:
// newest and oldest by (started_at DESC, id DESC), read either way; score by
// (lead_score DESC, started_at DESC, id DESC).

export const CALL_SORTS = ["newest", "oldest", "score"] as const;
export type CallSort = (typeof CALL_SORTS)[number];

export interface SortKey {
  at: Date;
  id: string;
  score: number;
}

export interface CallCursor {
  sort: CallSort;
  /** "after": the rows that follow `key` in the order; "before": the ones that precede it. */
  way: "after" | "before";
  key: SortKey;
}

const cursorSchema = z.object({
  s: z.enum(CALL_SORTS),
  w: z.enum(["after", "before"]),
  k: z.tuple([z.int().min(0).max(100), z.iso.datetime(), z.uuid()]),
});
/** Cursors made before sorting existed: newest first, the page after [time, id]. */
const legacySchema = z.tuple([z.iso.datetime(), z.uuid()]);

export function encodeCallCursor({ sort, way, key }: CallCursor): string {
  const k = [key.score, key.at.toISOString(), key.id];
  return Buffer.from(JSON.stringify({ s: sort, w: way, k })).toString("base64url");
}

/** The cursor's position; a cursor of another order (the sort changed since) is as stale as a made-up one. */
export function decodeCallCursor(cursor: string | undefined, sort: CallSort): CallCursor | null {
  if (!cursor) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new BadCursorError();
  }
  const legacy = legacySchema.safeParse(json);
  if (legacy.success && sort === "newest") {
    return { sort, way: "after", key: { score: 0, at: new Date(legacy.data[0]), id: legacy.data[1] } };
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success || parsed.data.s !== sort) throw new BadCursorError();
  const [score, at, id] = parsed.data.k;
  return { sort, way: parsed.data.w, key: { score, at: new Date(at), id } };
}

/** Whether the order runs from the largest key down (newest, score) or up (oldest). */
const descending = (sort: CallSort) => sort !== "oldest";

/** ORDER BY for `sort`, or its exact reverse (to read the page before a row). */
export function orderBy(sort: CallSort, reverse = false): Prisma.Sql {
  const dir = descending(sort) !== reverse ? Prisma.raw("DESC") : Prisma.raw("ASC");
  return sort === "score" ? Prisma.sql`ORDER BY c.lead_score ${dir}, c.started_at ${dir}, c.id ${dir}` : Prisma.sql`ORDER BY c.started_at ${dir}, c.id ${dir}`;
}

/** The rows strictly after (or before) the cursor's row in its order. */
export function beyond(cursor: CallCursor): Prisma.Sql {
  const { at, id, score } = cursor.key;
  const smaller = descending(cursor.sort) === (cursor.way === "after");
  const op = Prisma.raw(smaller ? "<" : ">");
  return cursor.sort === "score"
    ? Prisma.sql`(c.lead_score, c.started_at, c.id) ${op} (${score}::int, ${at}::timestamptz, ${id}::uuid)`
    : Prisma.sql`(c.started_at, c.id) ${op} (${at}::timestamptz, ${id}::uuid)`;
}

/**
 * One page from rows read with LIMIT limit + 1 in the cursor's direction:
 * the items in display order, and the cursors of the pages on either side.
 */
export function sortedPage<T>(
  rows: T[],
  limit: number,
  sort: CallSort,
  cursor: CallCursor | null,
  keyOf: (row: T) => SortKey,
): { items: T[]; nextCursor: string | null; prevCursor: string | null } {
  const more = rows.length > limit;
  const backwards = cursor?.way === "before";
  const items = backwards ? rows.slice(0, limit).reverse() : rows.slice(0, limit);
  const first = items.at(0);
  const last = items.at(-1);
  const at = (way: CallCursor["way"], key: SortKey) => encodeCallCursor({ sort, way, key });
  if (backwards) {
    // Reading back toward the start: the page we came from follows, and more precede only if the read overflowed.
    return {
      items,
      nextCursor: last ? at("after", keyOf(last)) : at("after", cursor.key),
      prevCursor: more && first ? at("before", keyOf(first)) : null,
    };
  }
  return {
    items,
    nextCursor: more && last ? at("after", keyOf(last)) : null,
    prevCursor: cursor ? (first ? at("before", keyOf(first)) : at("before", cursor.key)) : null,
  };
}
