import { db } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { logger } from "@/lib/log";
import { isProviderId } from "@/lib/providers/lookup";
import { mapPayload } from "@/lib/providers/modules";
import { enqueueFollowUps } from "./follow-ups";
import { saveCall, type SaveResult } from "./save-call";

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

export type ProcessResult = SaveResult | { kind: "rejected" | "failed"; error: string };

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
    return { kind: "failed" as const, error: "Internal error while processing the event." };
  });
  if (result.kind === "rejected" || result.kind === "failed") {
    await db.rawEvent.update({
      where: { id: event.id },
      data: { status: result.kind, error: result.error, processedAt: new Date() },
    });
  }
  return result;
}

async function mapAndSave(event: StoredEvent, source: EventSource, followUps: boolean): Promise<ProcessResult> {
  const parsed = payloadOf(event);
  if (!parsed.ok) return { kind: "rejected", error: parsed.error };
  if (!isProviderId(source.provider)) return { kind: "failed", error: `No adapter for provider "${source.provider}".` };

  const mapped = mapPayload(source.provider, parsed.payload, {
    receivedAt: event.receivedAt,
    defaultRegion: source.defaultRegion,
    query: event.query,
  });
  if (!mapped.ok) return { kind: "failed", error: mapped.error };
  const saved = await saveCall(source, mapped.call, event.id, { isTest: event.isTest ?? false });
  if (saved.kind === "stored" && followUps) await enqueueFollowUps(saved.callId, mapped.call, saved.facts);
  return saved;
}
