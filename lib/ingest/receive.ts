import { problem } from "@/lib/api/problem";
import { pool } from "@/lib/db/pool";
import type { Source } from "@/lib/db/columns";
import { env } from "@/lib/env";
import { secretMatches } from "@/lib/security/secrets";
import { processRawEvent, type EventSource, type ProcessResult } from "./process";
import { readBodyCapped } from "./read-body";
import { storeRawEvent } from "./store-raw";

// Step 1 and 2 of the pipeline (DESIGN.md): authenticate the source, check the
// size, and commit the request as received. Everything after can fail without
// losing it.

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
  const { rows } = await pool.query<Pick<Source, "id" | "provider" | "defaultRegion" | "enabled" | "secretHash" | "previousSecretHash">>(
    `SELECT id, provider, default_region AS "defaultRegion", enabled, secret_hash AS "secretHash",
            CASE WHEN previous_secret_expires_at > now() THEN previous_secret_hash END AS "previousSecretHash"
     FROM sources WHERE slug = $1`,
    [slug],
  );
  const source = rows[0];
  if (!source) return problem(404, "Unknown source", `No source has the slug "${slug}".`);

  const secret = presentedSecret(request, url);
  if (!secret) {
    return problem(401, "Missing secret", "Send the source's secret as Authorization: Bearer, X-Webhook-Secret or ?token=.");
  }
  // During a rotation's grace period the previous secret works too.
  const matches = secretMatches(secret, source.secretHash) || (source.previousSecretHash !== null && secretMatches(secret, source.previousSecretHash));
  if (!matches) return problem(401, "Bad secret", "The secret does not match this source.");
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

  const query = Object.fromEntries([...url.searchParams].filter(([k]) => k !== "token"));
  const headers = Object.fromEntries([...request.headers].filter(([k]) => !SECRET_HEADERS.has(k.toLowerCase())));
  const event = await storeRawEvent(source.id, { method: request.method, headers, query, body, isTest: opts.isTest });
  const result = await processRawEvent(event, source);
  return answer(result, event.id);
}

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
