import { z } from "zod";

// Keyset paging for every newest-first list (calls, raw events, the audit
// log): an opaque cursor holds the sort key of the last row, base64url-encoded,
// and the next page starts strictly after it. Never OFFSET.

const cursorSchema = z.tuple([z.iso.datetime(), z.uuid()]);

export interface Position {
  at: Date;
  id: string;
}

/** A cursor that is not one of ours (edited, or from an older version). */
export class BadCursorError extends Error {
  constructor() {
    super("The cursor is not valid; use the nextCursor of a previous page.");
  }
}

export function encodeCursor({ at, id }: Position): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString("base64url");
}

/** The position a cursor stands for; no cursor is the first page. */
export function decodeCursor(cursor: string | undefined): Position | null {
  if (!cursor) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return { at: new Date(parsed.data[0]), id: parsed.data[1] };
  } catch {
    // Falls through to the error below.
  }
  throw new BadCursorError();
}

/** One page of rows fetched with LIMIT limit + 1: the rows to show, and the cursor of the next page if there is one. */
export function keysetPage<T>(rows: T[], limit: number, positionOf: (row: T) => Position): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(positionOf(last)) : null };
}

/** A Prisma condition for the rows after `position` in (field desc, id desc) order. */
export function after<F extends string>(field: F, position: Position | null) {
  if (!position) return {};
  return { OR: [{ [field]: { lt: position.at } }, { [field]: position.at, id: { lt: position.id } }] } as {
    OR: Array<Record<F, { lt: Date } | Date> & { id?: { lt: string } }>;
  };
}

/** For pages: a list whose cursor is not valid shows "this link has expired" (null) instead of an error. */
export function expiredCursor(e: unknown): null {
  if (e instanceof BadCursorError) return null;
  throw e;
}
