import { z } from "zod";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { withSourceLock } from "@/lib/polling/lock";
import type { PollOutcome } from "@/lib/polling/types";
import { toDate } from "@/lib/providers/normalize";
import { ConfigurationFailure, fetchTaskPage, RateLimited, type UnpodTask } from "./client";
import { importTasks } from "./import-tasks";
import { unpodInfo } from "./info";
import { unpodPollingSettings, type PollingSettings } from "./polling-settings";

// One poll run of one Unpod source. Unpod's task list has no "since" filter,
// only page numbers over all tasks, newest first. So a run walks pages from the
// first, and the cursor remembers two things:
//   watermark  every task created before it is final and imported, so a walk
//              can stop at a page whose tasks are all older;
//   walk       a walk in progress: the next page, the newest task seen, and
//              the oldest task still running. A run reads at most pagesPerRun
//              pages and saves after each page, so a backlog is imported in
//              bounded batches and a restart resumes where it stopped. New tasks
//              only push older ones to later pages, so resuming never skips.
// A walk that ends sets the watermark to the oldest task still running (it
// must be looked at again) or else to the newest task seen.
// Tasks are imported once: the pipeline is entered only for task ids that have
// no raw event yet (./import-tasks.ts).

const walkSchema = z.object({
  nextPage: z.int().min(1),
  head: z.string().nullable(),
  oldestOpen: z.string().nullable(),
  newestFirst: z.boolean().nullable(),
  startedAt: z.string(),
  imported: z.int(),
  /** Pages in the list when the walk last looked (from Unpod's count), for progress. */
  totalPages: z.int().nullable().default(null),
});
const cursorSchema = z.object({ watermark: z.string().nullable().default(null), walk: walkSchema.nullable().default(null) });
export type PollCursor = z.infer<typeof cursorSchema>;
type Walk = z.infer<typeof walkSchema>;

const FINAL = new Set(["completed", "failed", "cancelled", "canceled", "error"]);

function createdAt(task: UnpodTask): Date | null {
  return toDate(task.created ?? null);
}

const later = (a: string | null, b: Date | null) => (b && (!a || b.getTime() > Date.parse(a)) ? b.toISOString() : a);
const earlier = (a: string | null, b: Date | null) => (b && (!a || b.getTime() < Date.parse(a)) ? b.toISOString() : a);

/** Newest first unless page 1 clearly goes the other way; then no early stop. */
function looksNewestFirst(tasks: UnpodTask[]): boolean {
  const first = tasks[0] && createdAt(tasks[0]);
  const last = tasks.at(-1) && createdAt(tasks.at(-1)!);
  return !(first && last && first.getTime() < last.getTime());
}

export async function pollUnpodSource(sourceId: string): Promise<PollOutcome> {
  const outcome = await withSourceLock(sourceId, () => pollLocked(sourceId));
  return outcome ?? { status: "busy" };
}

async function pollLocked(sourceId: string): Promise<PollOutcome> {
  const source = await db.source.findUnique({ where: { id: sourceId }, include: { poll: true } });
  const settings = source?.provider === unpodInfo.id && source.enabled ? unpodPollingSettings(source.settings) : null;
  if (!source || !settings) return { status: "not_configured" };
  if (source.poll?.notBefore && source.poll.notBefore > new Date()) return { status: "waiting", until: source.poll.notBefore.toISOString() };

  const cursor = cursorSchema.parse(source.poll?.cursor ?? {});
  const walk: Walk = cursor.walk ?? {
    nextPage: 1,
    head: null,
    oldestOpen: null,
    newestFirst: null,
    startedAt: new Date().toISOString(),
    imported: 0,
    totalPages: null,
  };
  const log = logger.child({ source: source.slug });
  const run = { pages: 0, imported: 0 };
  let counted = 0;
  const save = (data: { cursor: PollCursor; notBefore?: Date | null; lastError?: string | null; success?: boolean }) => {
    const newlyImported = run.imported - counted;
    counted = run.imported;
    const now = new Date();
    const fields = {
      cursor: data.cursor,
      notBefore: data.notBefore ?? null,
      lastRunAt: now,
      ...(data.lastError !== undefined ? { lastError: data.lastError } : {}),
      ...(data.success ? { lastSuccessAt: now } : {}),
    };
    return db.sourcePoll.upsert({
      where: { sourceId },
      create: { sourceId, ...fields, importedTotal: newlyImported },
      update: { ...fields, importedTotal: { increment: newlyImported } },
    });
  };

  try {
    while (run.pages < settings.pagesPerRun) {
      const finished = await readPage(source, settings, cursor.watermark, walk, run);
      if (finished) {
        const watermark = walk.oldestOpen ?? later(cursor.watermark, walk.head ? new Date(walk.head) : null);
        await save({ cursor: { watermark, walk: null }, lastError: null, success: true });
        if (walk.imported > 0 || walk.nextPage > 2) log.info({ pages: walk.nextPage - 1, imported: walk.imported }, "unpod poll finished");
        return { status: "done", ...run, intervalSec: settings.intervalSec };
      }
      await save({ cursor: { watermark: cursor.watermark, walk } });
    }
    log.info(
      { page: walk.nextPage - 1, of: walk.totalPages, importedSoFar: walk.imported },
      `unpod backlog: page ${walk.nextPage - 1}${walk.totalPages ? ` of ${walk.totalPages}` : ""} read, continuing`,
    );
    await save({ cursor: { watermark: cursor.watermark, walk }, lastError: null, success: true });
    return { status: "more", ...run };
  } catch (e) {
    const message = (e as Error).message;
    if (e instanceof RateLimited) {
      const notBefore = new Date(Date.now() + e.retryAfterMs);
      log.warn({ retryAfterMs: e.retryAfterMs, page: walk.nextPage }, "unpod rate limit: waiting");
      await save({ cursor: { watermark: cursor.watermark, walk }, notBefore, lastError: message });
      return { status: "rate_limited", ...run, retryAfterSec: Math.ceil(e.retryAfterMs / 1000) };
    }
    log.warn({ page: walk.nextPage, error: message }, "unpod poll failed; the cursor stays");
    await save({ cursor: { watermark: cursor.watermark, walk }, lastError: message });
    return { status: "failed", ...run, error: message, retry: !(e instanceof ConfigurationFailure) };
  }
}

/** Reads and imports one page; true when the walk is over. */
async function readPage(
  source: { id: string; provider: string; defaultRegion: string },
  settings: PollingSettings,
  watermark: string | null,
  walk: Walk,
  run: { pages: number; imported: number },
): Promise<boolean> {
  const page = await fetchTaskPage(settings, walk.nextPage, settings.pageSize);
  run.pages++;
  if (walk.nextPage === 1) walk.newestFirst = looksNewestFirst(page.tasks);
  if (page.count !== null) walk.totalPages = Math.ceil(page.count / settings.pageSize);

  const completed = page.tasks.filter((t) => t.status === "completed");
  const imported = await importTasks(source, completed, walk.nextPage);
  run.imported += imported;
  walk.imported += imported;
  for (const task of page.tasks) {
    walk.head = later(walk.head, createdAt(task));
    if (!FINAL.has(String(task.status))) walk.oldestOpen = earlier(walk.oldestOpen, createdAt(task));
  }

  const lastPage = page.tasks.length < settings.pageSize || (page.count !== null && walk.nextPage * settings.pageSize >= page.count);
  const olderThanWatermark =
    walk.newestFirst === true &&
    watermark !== null &&
    page.tasks.length > 0 &&
    page.tasks.every((t) => (createdAt(t)?.getTime() ?? Infinity) < Date.parse(watermark));
  walk.nextPage++;
  return lastPage || olderThanWatermark;
}
