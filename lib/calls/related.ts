import { db } from "@/lib/db/client";
import { RAW_EVENTS_SHOWN } from "./schemas";

export interface RelatedCall {
  id: string;
  provider: string;
  startedAt: Date;
  status: string;
  outcome: string | null;
  groupKey: string | null;
  attempt: number | null;
  leadScore: number;
}

/** The contact's other calls, newest first (at most 50). */
export async function otherCallsOfContact(callId: string, contactId: string | null): Promise<RelatedCall[]> {
  if (!contactId) return [];
  return db.call.findMany({
    where: { contactId, id: { not: callId } },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: 50,
    select: { id: true, provider: true, startedAt: true, status: true, outcome: true, groupKey: true, attempt: true, leadScore: true },
  });
}

export interface RawEventView {
  id: string;
  receivedAt: Date;
  method: string;
  status: string;
  error: string | null;
  query: unknown;
  body: string;
  truncated: boolean;
}

const SHOWN_BYTES = 256 * 1024;

/**
 * The newest requests behind a call, as received (bodies cut at 256 KB for
 * display). Only the newest: a vendor can send one call any number of times,
 * and the page must not load them all; the inbox pages through the rest.
 */
export async function rawEventsOfCall(callId: string): Promise<RawEventView[]> {
  const events = await db.rawEvent.findMany({
    where: { callId },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: RAW_EVENTS_SHOWN,
    select: { id: true, receivedAt: true, method: true, status: true, error: true, query: true, body: true },
  });
  return events.map((e) => ({
    ...e,
    body: Buffer.from(e.body.subarray(0, SHOWN_BYTES)).toString("utf8"),
    truncated: e.body.length > SHOWN_BYTES,
  }));
}
