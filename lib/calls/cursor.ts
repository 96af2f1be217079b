import { z } from "zod";

// Opaque keyset cursors: the sort key of the last row, base64url-encoded.

const cursorSchema = z.tuple([z.iso.datetime(), z.uuid()]);

export interface Position {
  startedAt: Date;
  id: string;
}

export function encodeCursor({ startedAt, id }: Position): string {
  return Buffer.from(JSON.stringify([startedAt.toISOString(), id])).toString("base64url");
}

/** The position in a cursor, or null when it is not one of ours. */
export function decodeCursor(cursor: string): Position | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? { startedAt: new Date(parsed.data[0]), id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}
