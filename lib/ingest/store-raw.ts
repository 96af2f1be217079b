import { v7 as uuidv7 } from "uuid";
import { pool } from "@/lib/db/pool";
import type { RawEvent } from "@/lib/db/columns";
import type { StoredEvent } from "./process";

// Step 2 of the pipeline: the request (or polled task) exactly as it arrived,
// committed before anything parses it.

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

export async function storeRawEvent(sourceId: string, raw: RawRequest): Promise<StoredEvent> {
  const { rows } = await pool.query<Pick<RawEvent, "id" | "receivedAt" | "isTest">>(
    `INSERT INTO raw_events (id, source_id, method, headers, query, body, external_id, is_test) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     RETURNING id, received_at AS "receivedAt", is_test AS "isTest"`,
    [
      uuidv7(),
      sourceId,
      raw.method,
      JSON.stringify(raw.headers),
      JSON.stringify(raw.query),
      Buffer.from(raw.body.buffer, raw.body.byteOffset, raw.body.byteLength),
      raw.externalId ?? null,
      raw.isTest ?? false,
    ],
  );
  return { ...rows[0], method: raw.method, query: raw.query, body: raw.body };
}
