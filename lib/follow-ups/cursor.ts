import { z } from "zod";
import { BadCursorError } from "@/lib/calls/cursor";

// The queue's keyset cursor. It keeps the moment the first page was read
// (asOf), so that "overdue" means the same on every page and paging through
// covers each row once even while time passes; then the segment (overdue
// first, then the rest), the sort key and the id of the row it stands after
// (or before, for the previous page).

const schema = z.object({
  asOf: z.iso.datetime(),
  dir: z.enum(["after", "before"]),
  seg: z.number().int().min(0).max(1),
  at: z.iso.datetime(),
  id: z.uuid(),
});

export interface QueueCursor {
  asOf: Date;
  dir: "after" | "before";
  seg: number;
  at: Date;
  id: string;
}

export function encodeQueueCursor(c: QueueCursor): string {
  return Buffer.from(JSON.stringify({ ...c, asOf: c.asOf.toISOString(), at: c.at.toISOString() })).toString("base64url");
}

export function decodeQueueCursor(cursor: string | undefined): QueueCursor | null {
  if (!cursor) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return { ...parsed.data, asOf: new Date(parsed.data.asOf), at: new Date(parsed.data.at) };
  } catch {
    // Falls through to the error below.
  }
  throw new BadCursorError();
}
