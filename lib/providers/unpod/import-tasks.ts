import type { ColumnsAs, RawEventColumns } from "@/lib/db/columns";
import { pool } from "@/lib/db/pool";
import { processRawEvent, type EventSource } from "@/lib/ingest/process";
import { storeRawEvent } from "@/lib/ingest/store-raw";
import { logger } from "@/lib/log";
import type { UnpodTask } from "./client";

// Completed tasks enter the same pipeline as a webhook: raw event first (with
// the task id as its external id), then the adapter. A task id that already
// has a raw event is not imported again; one whose processing was cut short
// (still "received") is processed from that same raw event.

const CONCURRENCY = 4;

/** Imports the tasks not seen before; returns how many became stored calls. */
export async function importTasks(source: EventSource, tasks: UnpodTask[], pageNumber: number): Promise<number> {
  const ids = tasks.map((t) => t.task_id).filter((id): id is string => Boolean(id));
  if (tasks.length > ids.length) logger.warn({ page: pageNumber, skipped: tasks.length - ids.length }, "unpod tasks without task_id skipped");
  if (ids.length === 0) return 0;

  const { rows: seen } = await pool.query<SeenEvent & { external_id: string }>(
    `SELECT DISTINCT ON (external_id) id, external_id, status::text, received_at, method, query,
            CASE WHEN status = 'received' THEN body END AS body
     FROM raw_events WHERE source_id = $1 AND external_id = ANY($2::text[])
     ORDER BY external_id, received_at DESC`,
    [source.id, ids],
  );
  const byId = new Map(seen.map((r) => [r.external_id, r]));

  // Each task once, even if a page lists it twice; a few at a time, as webhooks would arrive.
  const unique = [...new Map(tasks.filter((t) => t.task_id).map((t) => [t.task_id!, t])).values()];
  let imported = 0;
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < unique.length; i = next++) {
      if (await importTask(source, unique[i], byId.get(unique[i].task_id!), pageNumber)) imported++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return imported;
}

type SeenEvent = Pick<RawEventColumns, "id" | "received_at" | "method"> &
  ColumnsAs<RawEventColumns, "query", Record<string, string>> & {
    /** Cast to text. */
    status: string;
    /** Read only while still "received" (null otherwise). */
    body: Buffer;
  };

/** One task through the pipeline; true when it became a stored call. */
async function importTask(source: EventSource, task: UnpodTask, known: SeenEvent | undefined, pageNumber: number): Promise<boolean> {
  if (known && known.status !== "received") return false;
  const event = known
    ? { id: known.id, receivedAt: known.received_at, method: known.method, query: known.query, body: known.body }
    : await storeRawEvent(source.id, {
        method: "POLL",
        headers: {},
        query: { page: String(pageNumber) },
        body: Buffer.from(JSON.stringify(task)),
        externalId: task.task_id!,
      });
  const result = await processRawEvent(event, source);
  if (result.kind === "rejected" || result.kind === "failed") {
    logger.warn({ taskId: task.task_id, error: result.error }, "unpod task kept but not mapped; replay it from the inbox once fixed");
  }
  return result.kind === "stored";
}
