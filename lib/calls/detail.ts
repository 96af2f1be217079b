import { db } from "@/lib/db/client";
import type { Turn } from "@/lib/providers/canonical";
import { CALL_COLUMNS, toCallItem, type CallRow } from "./row";
import type { CallDetail } from "./schemas";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One call with its transcript, variables, score signals and raw event ids; null when there is none. */
export async function getCall(id: string): Promise<CallDetail | null> {
  if (!UUID.test(id)) return null;
  const [rows, extra, transcript, events] = await Promise.all([
    db.$queryRaw<CallRow[]>`SELECT ${CALL_COLUMNS} FROM calls c JOIN sources s ON s.id = c.source_id WHERE c.id = ${id}::uuid`,
    db.call.findUnique({
      where: { id },
      select: { billedSec: true, contactId: true, transcriptUrl: true, variables: true, leadSignals: true, createdAt: true, updatedAt: true },
    }),
    db.transcript.findUnique({ where: { callId: id }, select: { turns: true } }),
    db.rawEvent.findMany({ where: { callId: id }, select: { id: true }, orderBy: { receivedAt: "asc" } }),
  ]);
  const row = rows[0];
  if (!row || !extra) return null;
  return {
    ...toCallItem(row),
    agentId: row.agent_id,
    contactId: extra.contactId,
    billedSec: extra.billedSec,
    transcript: (transcript?.turns ?? []) as unknown as Turn[],
    transcriptUrl: extra.transcriptUrl,
    variables: extra.variables as Record<string, unknown>,
    leadSignals: extra.leadSignals as CallDetail["leadSignals"],
    rawEventIds: events.map((e) => e.id),
    createdAt: extra.createdAt.toISOString(),
    updatedAt: extra.updatedAt.toISOString(),
  };
}
