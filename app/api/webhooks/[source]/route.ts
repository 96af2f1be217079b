import { problem } from "@/lib/api/problem";
import { receiveWebhook } from "@/lib/ingest/receive";
import { isSpoolRefused } from "@/lib/ingest/spool";
import { logger } from "@/lib/log";

// POST|PUT|GET /api/webhooks/{source-slug}: the source's secret authenticates
// (checked in receiveWebhook), so no user session is involved.

async function handle(request: Request, { params }: { params: Promise<{ source: string }> }): Promise<Response> {
  const { source } = await params;
  try {
    return await receiveWebhook(source, request);
  } catch (e) {
    if (isSpoolRefused(e)) {
      logger.error({ source, reason: e.message }, "webhook refused: the database is away and the spool cannot take it");
      return problem(503, "Temporarily unavailable", "The database is unreachable and the local spool is full; retry later.", {}, { "retry-after": "30" });
    }
    logger.error({ err: e, source }, "webhook failed before it was stored");
    // Nothing was stored, so the vendor should retry.
    return problem(503, "Temporarily unavailable", "The event could not be stored; retry later.");
  }
}

function methodNotAllowed(request: Request): Response {
  return problem(405, "Method not allowed", `Webhooks take POST, PUT or GET, not ${request.method}.`, {}, { allow: "GET, POST, PUT" });
}

export { handle as GET, handle as POST, handle as PUT, methodNotAllowed as DELETE, methodNotAllowed as PATCH };
