import { receiveWebhook } from "@/lib/ingest/receive";
import { logger } from "@/lib/log";

// POST|PUT|GET /api/webhooks/{source-slug}: the source's secret authenticates
// (checked in receiveWebhook), so no user session is involved.

async function handle(request: Request, { params }: { params: Promise<{ source: string }> }): Promise<Response> {
  const { source } = await params;
  try {
    const answer = await receiveWebhook(source, request);
    const headers: Record<string, string> = { "content-type": answer.status >= 400 ? "application/problem+json" : "application/json" };
    // The rest of an oversized body is never read: close rather than drain it.
    if (answer.status === 413) headers.connection = "close";
    return Response.json(answer.body, { status: answer.status, headers });
  } catch (e) {
    logger.error({ err: e, source }, "webhook failed before it was stored");
    // Nothing was stored, so the vendor should retry.
    return Response.json(
      { type: "about:blank", title: "Temporarily unavailable", status: 503, detail: "The event could not be stored; retry later." },
      { status: 503, headers: { "content-type": "application/problem+json" } },
    );
  }
}

function methodNotAllowed(request: Request): Response {
  return Response.json(
    { type: "about:blank", title: "Method not allowed", status: 405, detail: `Webhooks take POST, PUT or GET, not ${request.method}.` },
    { status: 405, headers: { "content-type": "application/problem+json", allow: "GET, POST, PUT" } },
  );
}

export { handle as GET, handle as POST, handle as PUT, methodNotAllowed as DELETE, methodNotAllowed as PATCH };
