import { v7 as uuidv7 } from "uuid";
import { pool } from "@/lib/db/pool";
import type { RawEvent } from "@/lib/db/columns";
import type { StoredEvent } from "./process";

// Step 2 of the pipeline: the request (or polled task) exactly as it arrived,
// committed before anything parses it, or (a webhook) in the same statement as
// what was read from it, and alone when that cannot be read or saved.

export interface RawRequest {
  method: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  body: Uint8Array;
  /** The vendor's id when it is known before parsing (a polled task's id). */
  externalId?: string;
  /** Only the admin's "Send test event" sets this; nothing in a request can. */
  isTest?: boolean;
}

/** A request with the id and arrival time it is stored under. */
export type NewRawEvent = RawRequest & { id: string; receivedAt: Date };

const bytes = (body: Uint8Array) => Buffer.from(body.buffer, body.byteOffset, body.byteLength);

export async function storeRawEvent(sourceId: string, raw: RawRequest): Promise<StoredEvent> {
  const { rows } = await pool.query<Pick<RawEvent, "id" | "receivedAt" | "isTest">>(
    `INSERT INTO raw_events (id, source_id, method, headers, query, body, external_id, is_test) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     RETURNING id, received_at AS "receivedAt", is_test AS "isTest"`,
    [uuidv7(), sourceId, raw.method, JSON.stringify(raw.headers), JSON.stringify(raw.query), bytes(raw.body), raw.externalId ?? null, raw.isTest ?? false],
  );
  return { ...rows[0], method: raw.method, query: raw.query, body: raw.body };
}

/**
 * The INSERT of `event` for a statement that saves its call: "stored" with the
 * call when the CTE `call` inserted one, else "received" (the call exists; the caller goes on).
 * `$2` and `$3` are the source's id and the vendor's id; `param` adds a value.
 */
export function rawEventInsertSql(event: NewRawEvent, idParam: string, param: (value: unknown) => string, call: string): string {
  return `INSERT INTO raw_events (id, source_id, received_at, method, headers, query, body, external_id, is_test, status, call_id, processed_at)
    SELECT ${idParam}::uuid, $2, ${param(event.receivedAt)}, ${param(event.method)}, ${param(JSON.stringify(event.headers))},
      ${param(JSON.stringify(event.query))}, ${param(bytes(event.body))}, $3, ${param(event.isTest ?? false)},
      CASE WHEN ${call}.id IS NULL THEN 'received' ELSE 'stored' END::raw_event_status, ${call}.id, CASE WHEN ${call}.id IS NULL THEN NULL ELSE now() END
    FROM (SELECT 1) AS one LEFT JOIN ${call} ON true`;
}

/**
 * Keeps `event` whatever became of its call's statement (it may have stored the event before failing):
 * as received, to be processed again, or with `failure`, to look at and replay.
 */
export async function keepEvent(sourceId: string, event: NewRawEvent, failure?: { status: "rejected" | "failed"; error: string }): Promise<void> {
  await pool.query(
    `INSERT INTO raw_events (id, source_id, received_at, method, headers, query, body, is_test, status, error, processed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9::raw_event_status, 'received'), $10, CASE WHEN $9 IS NULL THEN NULL ELSE now() END)
     ON CONFLICT (id) DO ${failure ? "UPDATE SET status = EXCLUDED.status, error = EXCLUDED.error, processed_at = now()" : "NOTHING"}`,
    [
      event.id,
      sourceId,
      event.receivedAt,
      event.method,
      JSON.stringify(event.headers),
      JSON.stringify(event.query),
      bytes(event.body),
      event.isTest ?? false,
      failure?.status ?? null,
      failure?.error ?? null,
    ],
  );
}
