import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { pingDatabase } from "@/lib/db/ping";
import { logger } from "@/lib/log";
import { databaseAnswered, databaseFailed, skippingDatabase } from "../database-state";
import { needsReload } from "../source-cache";
import { loadWebhookSources } from "../webhook-source";
import { drainSpool } from "./drain";
import { spoolWriter } from "./index";

// Runs in each app process (instrumentation.ts): every second, drains the
// spool if anything is in it, on start too (what a crash or a restart left),
// and keeps the copy of the sources fresh while the database answers.

const EVERY_MS = 1000;

const globalForDrainer = globalThis as unknown as { spoolDrainer?: NodeJS.Timeout };

export function startSpoolDrainer(): void {
  if (globalForDrainer.spoolDrainer) return;
  let running = false;
  let failing = false;
  const tick = async () => {
    // While webhooks skip the database, so does the drain: it would only seal the file being spooled to.
    if (running || skippingDatabase()) return;
    running = true;
    try {
      if (needsReload()) await loadWebhookSources();
      const { files, events } = await drainSpool(spoolWriter(), () => pingDatabase());
      if (files > 0) logger.info({ files, events }, "spooled webhooks stored: the spool is drained");
      if (failing) databaseAnswered();
      failing = false;
    } catch (e) {
      if (!isDatabaseUnavailable(e)) logger.error({ err: e }, "draining the spool failed; it is tried again");
      else if (!failing) logger.warn("the database is unreachable: spooled webhooks wait for it");
      if (isDatabaseUnavailable(e)) databaseFailed();
      failing = true;
    } finally {
      running = false;
    }
  };
  globalForDrainer.spoolDrainer = setInterval(() => void tick(), EVERY_MS);
  globalForDrainer.spoolDrainer.unref();
  void tick();
}
