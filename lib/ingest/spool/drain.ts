import { appendFile, mkdir, readFile, stat, unlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { RawEventColumns, SourceColumns } from "@/lib/db/columns";
import { pool } from "@/lib/db/pool";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { logger } from "@/lib/log";
import { processRawEvent, type EventSource } from "../process";
import { claim, listSpoolFiles, orphaned, processToken, type SpoolFile } from "./files";
import { decodeRecords, encodeRecord, type SpooledEvent } from "./record";
import type { SpoolWriter } from "./writer";

// Moves spooled webhooks into raw_events and through the pipeline, file by
// file in the order they were started, record by record in arrival order.
// Exactly once: a record is inserted under the id it was given when spooled
// (ON CONFLICT DO NOTHING), and processed only while its raw event is still
// "received"; a file is removed only after its last record. So a drain cut
// short (the database gone again, the process killed) is simply run again.
// A process drains its own files and those of processes that are gone.

/** The folder of SPOOL_DIR where records the database refused are kept (never drained again by themselves). */
const SET_ASIDE = "set-aside";

export interface DrainResult {
  files: number;
  events: number;
}

/**
 * Drains what it can; throws (leaving the rest) when the database fails.
 * `ready` asks the database first, so that a spool still being written to
 * while it is away is not sealed into a new file every second.
 */
export async function drainSpool(writer: SpoolWriter, ready: () => Promise<unknown> = async () => {}): Promise<DrainResult> {
  const result: DrainResult = { files: 0, events: 0 };
  if ((await listSpoolFiles(writer.dir)).length === 0) return result;
  await ready();
  await writer.seal();
  for (const file of await listSpoolFiles(writer.dir)) {
    const mine = file.token === processToken ? file : orphaned(file) ? await claim(writer.dir, file) : null;
    if (!mine || mine.path === writer.openPath) continue;
    const size = await stat(mine.path).then((s) => s.size);
    result.events += await drainFile(mine);
    await unlink(mine.path);
    if (file.token === processToken) writer.released(size);
    result.files++;
  }
  return result;
}

async function drainFile(file: SpoolFile): Promise<number> {
  const records = decodeRecords(await readFile(file.path), (damage) =>
    logger.error({ file: file.name, ...damage }, "a damaged spool record was skipped (a write cut short by a crash, or a corrupted disk)"),
  );
  const sources = new Map<string, EventSource | null>();
  for (const record of records) {
    try {
      await importRecord(record, sources);
    } catch (e) {
      if (isDatabaseUnavailable(e)) throw e;
      // One record the database refuses must not hold up the others behind it: it is set aside, whole, to look at.
      logger.error({ err: e, eventId: record.id, file: file.name, setAside: SET_ASIDE }, "a spooled webhook could not be stored; it is set aside");
      await mkdir(join(dirname(file.path), SET_ASIDE), { recursive: true, mode: 0o700 });
      await appendFile(join(dirname(file.path), SET_ASIDE, file.name), encodeRecord(record), { mode: 0o600 });
    }
  }
  return records.length;
}

async function importRecord(record: SpooledEvent, sources: Map<string, EventSource | null>) {
  if (!sources.has(record.sourceId)) {
    const { rows } = await pool.query<Pick<SourceColumns, "id" | "provider"> & { defaultRegion: string }>(
      `SELECT id, provider, default_region AS "defaultRegion" FROM sources WHERE id = $1`,
      [record.sourceId],
    );
    sources.set(record.sourceId, rows[0] ?? null);
  }
  const source = sources.get(record.sourceId);
  if (!source) {
    logger.warn({ eventId: record.id, sourceId: record.sourceId }, "a spooled webhook's source was deleted meanwhile: dropped");
    return;
  }
  const body = Buffer.from(record.body, "base64");
  const { rows } = await pool.query<Pick<RawEventColumns, "status">>(
    `WITH inserted AS (
       INSERT INTO raw_events (id, source_id, received_at, method, headers, query, body) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO NOTHING RETURNING status)
     SELECT status FROM inserted UNION ALL SELECT status FROM raw_events WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM inserted)`,
    [record.id, record.sourceId, record.receivedAt, record.method, JSON.stringify(record.headers), JSON.stringify(record.query), body],
  );
  if (rows[0]?.status !== "received") return;
  const event = { id: record.id, receivedAt: new Date(record.receivedAt), method: record.method, query: record.query, body };
  // A fault of this event is recorded on it (failed, to replay); the database failing again throws and stops the drain.
  await processRawEvent(event, source);
}
