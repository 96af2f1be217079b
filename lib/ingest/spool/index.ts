import { resolve } from "node:path";
import { v7 as uuidv7 } from "uuid";
import { dataDirFor } from "@/lib/data-dir";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import type { RawRequest } from "../store-raw";
import { SpoolWriter } from "./writer";

export { isSpoolRefused, SpoolRefused } from "./writer";

// The local spool in front of the raw-event store: while the database cannot
// take a webhook, the request is kept here and answered 202 "queued"; the
// drainer (./drain.ts) stores it once the database answers.

const globalForSpool = globalThis as unknown as { spoolWriter?: SpoolWriter };

/** This process's writer, one for all the bundles Next.js makes of this module. */
export function spoolWriter(): SpoolWriter {
  return (globalForSpool.spoolWriter ??= new SpoolWriter(spoolDir(), env().SPOOL_MAX_BYTES));
}

/** SPOOL_DIR, or .data/spool/<the database's host, port and name, hashed>. */
export function spoolDir(): string {
  const { SPOOL_DIR, DATABASE_URL } = env();
  return SPOOL_DIR ? resolve(SPOOL_DIR) : dataDirFor("spool", DATABASE_URL);
}

/** Keeps the request on disk; returns the raw event id it will be stored under (`raw.id` when it has one). */
export async function spoolRequest(sourceId: string, raw: RawRequest & { id?: string; receivedAt?: Date }): Promise<string> {
  const id = raw.id ?? uuidv7();
  const writer = spoolWriter();
  const first = writer.openPath === null;
  await writer.append({
    id,
    sourceId,
    receivedAt: (raw.receivedAt ?? new Date()).toISOString(),
    method: raw.method,
    headers: raw.headers,
    query: raw.query,
    body: Buffer.from(raw.body).toString("base64"),
  });
  if (first) logger.warn({ dir: writer.dir }, "the database cannot take webhooks: spooling them to disk until it can");
  return id;
}
