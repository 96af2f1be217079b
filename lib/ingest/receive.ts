import { v7 as uuidv7 } from "uuid";
import { problem } from "@/lib/api/problem";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { env } from "@/lib/env";
import { secretMatches } from "@/lib/security/secrets";
import { databaseAnswered, databaseFailed, skippingDatabase } from "./database-state";
import { processNewEvent, processRawEvent, type EventSource, type ProcessResult, type StoredEvent } from "./process";
import { readBodyCapped } from "./read-body";
import { spoolRequest } from "./spool";
import { storeRawEvent } from "./store-raw";
import { findWebhookSource, secretHashes } from "./webhook-source";

// Step 1 and 2 of the pipeline (DESIGN.md): authenticate the source, check the
// size, and commit the request: with its call when it can be read, else alone
// (./process.ts), so that nothing sent is lost. While the database cannot take
// it, the request is committed to the local spool instead (./spool) and answered 202 "queued".

const withoutNul = (text: string) => text.replaceAll("\0", "");

/** Credentials never reach the raw event store. */
const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "x-webhook-secret"]);

function presentedSecret(request: Request, url: URL): string | null {
  const auth = request.headers.get("authorization");
  if (auth?.toLowerCase().startsWith("bearer ")) return auth.slice(7).trim();
  return request.headers.get("x-webhook-secret") ?? url.searchParams.get("token");
}

/** The answer to a webhook request: JSON, problem details for every refusal. */
export async function receiveWebhook(slug: string, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const source = await findWebhookSource(slug);
  if (source === "unknown") return unavailable("The database is unreachable and this source has not been seen recently; retry later.");
  if (!source) return problem(404, "Unknown source", `No source has the slug "${slug}".`);

  const secret = presentedSecret(request, url);
  if (!secret) {
    return problem(401, "Missing secret", "Send the source's secret as Authorization: Bearer, X-Webhook-Secret or ?token=.");
  }
  if (!secretHashes(source).some((hash) => secretMatches(secret, hash))) return problem(401, "Bad secret", "The secret does not match this source.");
  if (!source.enabled) return problem(403, "Source disabled", `The source "${slug}" is disabled; an admin can enable it.`);
  return acceptRequest(source, request);
}

/**
 * Everything after authentication: size, the raw request committed, the
 * adapter, the answer. An admin's "send a test event" enters here too.
 */
export async function acceptRequest(source: EventSource, request: Request, opts: { isTest?: boolean } = {}): Promise<Response> {
  const url = new URL(request.url);
  const limit = env().WEBHOOK_MAX_BYTES;
  const tooLarge = () => problem(413, "Payload too large", `The body is larger than ${limit} bytes.`);
  if (Number(request.headers.get("content-length") ?? 0) > limit) return tooLarge();
  const body = await readBodyCapped(request.body, limit);
  if (!body) return tooLarge();

  // Postgres text cannot hold NUL (a "%00" in the query): it is dropped rather than make the event unstorable.
  const query = Object.fromEntries([...url.searchParams].filter(([k]) => k !== "token").map(([k, v]) => [withoutNul(k), withoutNul(v)]));
  const headers = Object.fromEntries([...request.headers].filter(([k]) => !SECRET_HEADERS.has(k.toLowerCase())));
  const raw = { method: request.method, headers, query, body, isTest: opts.isTest };
  // A test event is an admin's, who sees the database is away: it is not spooled.
  if (opts.isTest) return answerStored(await storeRawEvent(source.id, raw), source);
  const event = { ...raw, id: uuidv7(), receivedAt: new Date() };
  if (skippingDatabase()) return queued(await spoolRequest(source.id, event));
  try {
    const result = await processNewEvent(event, source);
    databaseAnswered();
    return answer(result, event.id);
  } catch (e) {
    if (!isDatabaseUnavailable(e)) throw e;
    databaseFailed();
    // Under the same id: should the statement have committed after all, the drain finds it stored and leaves it.
    return queued(await spoolRequest(source.id, event));
  }
}

async function answerStored(event: StoredEvent, source: EventSource): Promise<Response> {
  try {
    return answer(await processRawEvent(event, source), event.id);
  } catch (e) {
    // Stored as received: the maintenance round processes it once the database answers.
    if (isDatabaseUnavailable(e)) return queued(event.id);
    throw e;
  }
}

const queued = (eventId: string) =>
  Response.json({ status: "queued", eventId, detail: "Kept, and stored as a call once the database answers again." }, { status: 202 });

const unavailable = (detail: string) => problem(503, "Temporarily unavailable", detail, {}, { "retry-after": "5" });

function answer(result: ProcessResult, eventId: string): Response {
  switch (result.kind) {
    case "stored":
      return Response.json({ status: "stored", callId: result.callId, eventId }, { status: 202 });
    case "duplicate":
      return Response.json({ status: "duplicate", callId: result.callId, eventId });
    case "stale":
      return Response.json({ status: "duplicate", callId: result.callId, eventId, detail: "A newer version of this call is already stored." });
    case "rejected":
      return problem(400, "Body is not JSON", result.error, { eventId });
    case "failed":
      return problem(422, "Payload cannot be mapped", `${result.error} The event is kept and can be replayed.`, { eventId });
  }
}
