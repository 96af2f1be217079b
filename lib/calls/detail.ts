import { db } from "@/lib/db/client";
import type { CallColumns, ColumnsAs, Nullable, TranscriptColumns } from "@/lib/db/columns";
import type { Turn } from "@/lib/providers/canonical";
import { isCallId } from "./ids";
import { CALL_COLUMNS, toCallItem, type CallRow } from "./row";
import { RAW_EVENTS_SHOWN, type CallDetail } from "./schemas";

type DetailRow = CallRow &
  Pick<CallColumns, "billed_sec" | "agent_name_raw" | "line" | "contact_id" | "transcript_error" | "created_at" | "updated_at"> &
  ColumnsAs<CallColumns, "variables", Record<string, unknown>> &
  ColumnsAs<CallColumns, "lead_signals", CallDetail["leadSignals"]> &
  Nullable<ColumnsAs<TranscriptColumns, "turns", Turn[]>> & {
    transcript_pending: boolean;
    raw_event_ids: string[];
    raw_event_count: number;
  };

/**
 * One call with its transcript, variables, score signals and its newest raw
 * event ids, in one query; null when there is none.
 */
export async function getCall(id: string): Promise<CallDetail | null> {
  if (!isCallId(id)) return null;
  const [row] = await db.$queryRaw<DetailRow[]>`
    SELECT ${CALL_COLUMNS}, c.billed_sec, c.agent_name_raw, c.line, c.contact_id, c.transcript_error, c.variables, c.lead_signals, c.created_at, c.updated_at, c.is_test,
           (SELECT turns FROM transcripts t WHERE t.call_id = c.id) AS turns,
           (c.transcript_url IS NOT NULL AND c.transcript_error IS NULL
             AND NOT EXISTS (SELECT 1 FROM transcripts t WHERE t.call_id = c.id)) AS transcript_pending,
           ARRAY(SELECT e.id::text FROM raw_events e WHERE e.call_id = c.id
                 ORDER BY e.received_at DESC, e.id DESC LIMIT ${RAW_EVENTS_SHOWN}) AS raw_event_ids,
           (SELECT count(*)::int FROM raw_events e WHERE e.call_id = c.id) AS raw_event_count
    FROM calls c JOIN sources s ON s.id = c.source_id
    WHERE c.id = ${id}::uuid`;
  if (!row) return null;
  return {
    ...toCallItem(row),
    agentId: row.agent_id,
    vendorAgentName: row.agent_name_raw,
    line: row.line,
    contactId: row.contact_id,
    billedSec: row.billed_sec,
    transcript: row.turns ?? [],
    transcriptPending: row.transcript_pending,
    transcriptError: row.transcript_error,
    variables: row.variables,
    leadSignals: row.lead_signals,
    rawEventIds: row.raw_event_ids,
    rawEventCount: row.raw_event_count,
    isTest: row.is_test,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
