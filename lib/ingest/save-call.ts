import { createHash } from "node:crypto";
import { v7 as uuidv7 } from "uuid";
import { db, Prisma } from "@/lib/db/client";
import type { TransactionClient } from "@/lib/db/generated/internal/prismaNamespace";
import { env } from "@/lib/env";
import type { CanonicalCall } from "@/lib/providers/canonical";
import { leadScore } from "@/lib/scoring/lead-score";
import type { EventSource } from "./process";
import { rollupDeltas, rollupSql, type RollupFacts } from "./rollup";

// Step 4: upsert the call with its transcript, contact and daily rollup, in one
// transaction. Idempotent per (source, vendor id): the call row is locked while
// deciding, so concurrent copies of one event make one call.

export type SaveResult = { kind: "stored" | "duplicate" | "stale"; callId: string };

interface Existing {
  id: string;
  contentHash: string;
  eventAt: Date;
  status: string;
  startedAt: Date;
  campaign: string | null;
  agent: string | null;
  sentiment: string | null;
  outcome: string | null;
  durationSec: number | null;
  isHot: boolean;
  contactId: string | null;
  customerPhone: string | null;
}

const UNFINISHED = new Set(["in_progress", "unknown"]);

/** A final status beats an unfinished one; otherwise the later event wins. */
function isNewer(call: CanonicalCall, existing: Existing): boolean {
  const rank = (status: string) => (UNFINISHED.has(status) ? 0 : 1);
  if (rank(call.status) !== rank(existing.status)) return rank(call.status) > rank(existing.status);
  return call.eventAt.getTime() >= existing.eventAt.getTime();
}

/** Identifies the content of a call; times that only echo the arrival don't count. */
function contentHash(call: CanonicalCall): string {
  const stable = call.timeSource === "arrival" ? { ...call, startedAt: null, eventAt: null } : call;
  return createHash("sha256").update(JSON.stringify(stable)).digest("hex");
}

export async function saveCall(source: EventSource, call: CanonicalCall, rawEventId: string): Promise<SaveResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => saveInTransaction(tx, source, call, rawEventId), {
        maxWait: 10_000,
        timeout: 30_000,
      });
    } catch (e) {
      // A concurrent copy inserted the call first: run again, and find it locked for us.
      const raced = e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
      if (!raced || attempt >= 3) throw e;
    }
  }
}

async function saveInTransaction(
  tx: TransactionClient,
  source: EventSource,
  call: CanonicalCall,
  rawEventId: string,
): Promise<SaveResult> {
  const [existing] = await tx.$queryRaw<Existing[]>`
    SELECT id, content_hash AS "contentHash", event_at AS "eventAt", status, started_at AS "startedAt",
           campaign, COALESCE(agent_name, agent_id) AS agent, sentiment, outcome,
           duration_sec AS "durationSec", is_hot AS "isHot", contact_id AS "contactId", customer_phone AS "customerPhone"
    FROM calls WHERE source_id = ${source.id}::uuid AND external_id = ${call.externalId}
    FOR UPDATE`;

  const hash = contentHash(call);
  const markEvent = (status: "stored" | "duplicate", callId: string) =>
    tx.rawEvent.update({
      where: { id: rawEventId },
      data: { status, callId, externalId: call.externalId, processedAt: new Date(), error: null },
    });

  if (existing && (existing.contentHash === hash || !isNewer(call, existing))) {
    await markEvent("duplicate", existing.id);
    return { kind: existing.contentHash === hash ? "duplicate" : "stale", callId: existing.id };
  }

  // A vendor that sends no times keeps the time the call was first seen.
  const startedAt = existing && call.timeSource === "arrival" ? existing.startedAt : call.startedAt;
  const { score, signals } = leadScore(call);
  const isHot = score >= env().LEAD_HOT_THRESHOLD;
  const contactId = call.customer.phone
    ? await upsertContact(tx, call, startedAt, existing?.customerPhone !== call.customer.phone)
    : null;

  const data = {
    provider: source.provider,
    groupKey: call.groupKey,
    attempt: call.attempt,
    direction: call.direction,
    status: call.status,
    startedAt,
    endedAt: call.endedAt,
    durationSec: call.durationSec,
    billedSec: call.billedSec,
    contactId,
    customerPhone: call.customer.phone,
    customerName: call.customer.name,
    customerEmail: call.customer.email,
    customerCompany: call.customer.company,
    agentName: call.agent.name,
    agentId: call.agent.id,
    campaign: call.campaign,
    recordingUrl: call.recordingUrl,
    recordingKey: call.recordingKey,
    transcriptUrl: call.transcriptUrl,
    summary: call.summary,
    sentiment: call.sentiment,
    outcome: call.outcome,
    outcomeRaw: call.outcomeRaw,
    interestLevel: call.interestLevel,
    score: call.score,
    labels: call.labels,
    nextAction: call.nextAction,
    callbackAt: call.callbackAt,
    variables: call.variables as Prisma.InputJsonObject,
    costAmount: call.costAmount,
    costCurrency: call.costCurrency,
    leadScore: score,
    leadSignals: signals as unknown as Prisma.InputJsonArray,
    isHot,
    eventAt: call.eventAt,
    contentHash: hash,
  };

  const callId = existing?.id ?? uuidv7();
  if (existing) await tx.call.update({ where: { id: callId }, data, select: { id: true } });
  else await tx.call.create({ data: { id: callId, sourceId: source.id, externalId: call.externalId, ...data }, select: { id: true } });

  // A later version without a transcript keeps the one already stored.
  if (call.transcript.length > 0) {
    const turns = call.transcript as unknown as Prisma.InputJsonArray;
    await tx.transcript.upsert({ where: { callId }, create: { callId, turns }, update: { turns }, select: { callId: true } });
  }

  const after: RollupFacts = { ...data, agent: data.agentName ?? data.agentId, startedAt };
  const before: RollupFacts | null = existing ? { ...existing, provider: source.provider } : null;
  const rollup = rollupSql(rollupDeltas(before, after));
  if (rollup) await tx.$executeRaw(rollup);

  await markEvent("stored", callId);
  return { kind: "stored", callId };
}

/** One contact per phone; the newest non-empty name, email and company win. */
async function upsertContact(tx: TransactionClient, call: CanonicalCall, at: Date, isNewCall: boolean): Promise<string> {
  const { phone, name, email, company } = call.customer;
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO contacts (id, phone, name, email, company, call_count, first_call_at, last_call_at)
    VALUES (${uuidv7()}::uuid, ${phone}, ${name}, ${email}, ${company}, ${isNewCall ? 1 : 0}, ${at}, ${at})
    ON CONFLICT (phone) DO UPDATE SET
      name = COALESCE(EXCLUDED.name, contacts.name),
      email = COALESCE(EXCLUDED.email, contacts.email),
      company = COALESCE(EXCLUDED.company, contacts.company),
      call_count = contacts.call_count + EXCLUDED.call_count,
      first_call_at = LEAST(contacts.first_call_at, EXCLUDED.first_call_at),
      last_call_at = GREATEST(contacts.last_call_at, EXCLUDED.last_call_at)
    RETURNING id`;
  return row.id;
}
