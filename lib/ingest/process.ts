import { db } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { logger } from "@/lib/log";
import { isProviderId } from "@/lib/providers/lookup";
import { mapPayload } from "@/lib/providers/modules";
import { enqueueFollowUps } from "./follow-ups";
import type { CanonicalCall } from "@/lib/providers/canonical";
import { saveCall, type SaveResult } from "./save-call";
import { keepEvent, type NewRawEvent } from "./store-raw";

// Steps 3 and 4: parse a stored raw event, map it through its provider's
// adapter and save the call. Webhooks, the Unpod poller and replays all enter here.

export interface StoredEvent {
  id: string;
  receivedAt: Date;
  method: string;
  query: Record<string, string>;
  body: Uint8Array;
  /** From the admin's "Send test event": the call is saved as a test call. */
  isTest?: boolean;
}

export interface EventSource {
  id: string;
  provider: string;
  defaultRegion: string;
}

type Unreadable = { kind: "rejected" | "failed"; error: string };
export type ProcessResult = SaveResult | Unreadable;

const INTERNAL_ERROR = "Internal error while processing the event.";
/** Postgres's deadlock_detected and serialization_failure: another try may well go through. */
const TRANSIENT = new Set(["40P01", "40001"]);

/** The JSON payload of a request: its body, or for a bodiless request (Hooman's GET) its query. */
function payloadOf(event: Pick<StoredEvent, "query" | "body">): { ok: true; payload: unknown } | { ok: false; error: string } {
  const text = Buffer.from(event.body).toString("utf8").trim();
  if (!text) {
    return Object.keys(event.query).length > 0
      ? { ok: true, payload: event.query }
      : { ok: false, error: "The body is empty and there are no query parameters." };
  }
  try {
    return { ok: true, payload: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: `The body is not valid JSON (${(e as Error).message}).` };
  }
}

/**
 * `followUps: false` leaves out step 5 (the demo seed puts transcripts in place
 * itself). `throwOnError`: an error is thrown to the caller rather than logged
 * and recorded on the event.
 */
export async function processRawEvent(
  event: StoredEvent,
  source: EventSource,
  { followUps = true, throwOnError = false }: { followUps?: boolean; throwOnError?: boolean } = {},
): Promise<ProcessResult> {
  const result = await mapAndSave(event, source, followUps).catch((e: unknown) => {
    // The database going away is no fault of the event: it stays "received", to be processed again (lib/ingest/recover.ts).
    if (throwOnError || isDatabaseUnavailable(e)) throw e;
    logger.error({ err: e, eventId: event.id }, "processing a raw event failed");
    return { kind: "failed" as const, error: INTERNAL_ERROR };
  });
  if (result.kind === "rejected" || result.kind === "failed") {
    await db.rawEvent.update({
      where: { id: event.id },
      data: { status: result.kind, error: result.error, processedAt: new Date() },
    });
  }
  return result;
}

/**
 * A webhook not stored yet: stored with its call in one statement when it can
 * be read (one round trip and one commit for a new call), alone with what went
 * wrong when it cannot be read or saved, so that it can be looked at and replayed.
 */
export async function processNewEvent(event: NewRawEvent, source: EventSource): Promise<ProcessResult> {
  let mapped: { call: CanonicalCall } | Unreadable;
  try {
    mapped = mapEvent(event, source);
  } catch (e) {
    logger.error({ err: e, eventId: event.id }, "mapping a raw event failed");
    mapped = { kind: "failed", error: INTERNAL_ERROR };
  }
  if (!("call" in mapped)) {
    await keepEvent(source.id, event, { status: mapped.kind, error: mapped.error });
    return mapped;
  }
  try {
    const saved = await saveCall(source, mapped.call, event.id, { isTest: event.isTest ?? false, newEvent: event });
    // After the answer: what follows is queued from rows the call left, and swept up should this process die first.
    if (saved.kind === "stored") void enqueueFollowUps(saved.callId, mapped.call, saved.facts, saved.written);
    return saved;
  } catch (e) {
    if (isDatabaseUnavailable(e)) throw e;
    // A deadlock or a serialization failure is no fault of the event: once more, from the event as stored.
    if (TRANSIENT.has((e as { code?: string }).code ?? "")) {
      await keepEvent(source.id, event);
      return processRawEvent(event, source);
    }
    // Nothing was stored, or the event alone (its call exists): either way it is kept now, as failed.
    logger.error({ err: e, eventId: event.id }, "saving a call failed");
    await keepEvent(source.id, event, { status: "failed", error: INTERNAL_ERROR });
    return { kind: "failed", error: INTERNAL_ERROR };
  }
}

/** Parses the payload and maps it through its provider's adapter (no database). */
function mapEvent(event: Pick<StoredEvent, "query" | "body" | "receivedAt">, source: EventSource): { call: CanonicalCall } | Unreadable {
  const parsed = payloadOf(event);
  if (!parsed.ok) return { kind: "rejected", error: parsed.error };
  if (!isProviderId(source.provider)) return { kind: "failed", error: `No adapter for provider "${source.provider}".` };
  const mapped = mapPayload(source.provider, parsed.payload, {
    receivedAt: event.receivedAt,
    defaultRegion: source.defaultRegion,
    query: event.query,
  });
  return mapped.ok ? { call: mapped.call } : { kind: "failed", error: mapped.error };
}

async function mapAndSave(event: StoredEvent, source: EventSource, followUps: boolean): Promise<ProcessResult> {
  const mapped = mapEvent(event, source);
  if (!("call" in mapped)) return mapped;
  const saved = await saveCall(source, mapped.call, event.id, { isTest: event.isTest ?? false });
  if (saved.kind === "stored" && followUps) await enqueueFollowUps(saved.callId, mapped.call, saved.facts, saved.written);
  return saved;
}
