import { Prisma } from "@/lib/db/client";
import { preparedRows } from "@/lib/db/rows";
import type { CallColumns, ColumnsAs, Nullable, RecordingArchiveColumns, TranscriptColumns } from "@/lib/db/columns";
import type { Turn } from "@/lib/providers/canonical";
import { currentScoring } from "@/lib/scoring/settings";
import { metricsJsonSql, type StoredMetrics } from "./metrics/store";
import { talkMetricsView } from "./metrics/view";
import { CALL_TRACKERS_SQL, type CallTracker } from "@/lib/trackers/detail";
import { isCallId } from "./ids";
import { CALL_COLUMNS, toCallItem, type CallRow } from "./row";
import { RAW_EVENTS_SHOWN, type CallDetail, type RecordingState } from "./schemas";
import { withEvidence } from "@/lib/scoring/evidence";

type DetailRow = CallRow &
  Pick<
    CallColumns,
    | "billed_sec"
    | "agent_name_raw"
    | "line"
    | "contact_id"
    | "transcript_error"
    | "transcript_deleted_at"
    | "transcript_deleted_after_days"
    | "created_at"
    | "updated_at"
    | "ai_outcome"
    | "ai_sentiment"
    | "outcome_override"
    | "sentiment_override"
    | "hot_override"
    | "reviewed_at"
    | "review_note"
    | "review_note_at"
  > & { reviewer: string | null; note_author: string | null } & Nullable<
    Pick<RecordingArchiveColumns, "content_type" | "bytes" | "duration_ms" | "archived_at" | "deleted_at" | "deleted_after_days">
  > & {
    archive_status: RecordingArchiveColumns["status"] | null;
    archive_error: string | null;
    levels: number[] | null;
  } & ColumnsAs<CallColumns, "variables", Record<string, unknown>> &
  ColumnsAs<CallColumns, "lead_signals", CallDetail["leadSignals"]> &
  Nullable<ColumnsAs<TranscriptColumns, "turns", Turn[]>> & {
    transcript_pending: boolean;
    metrics: StoredMetrics | null;
    raw_event_ids: string[];
    raw_event_count: number;
    trackers: CallTracker[];
  };

/**
 * One call with its transcript, variables, score signals and its newest raw
 * event ids, in one query; null when there is none.
 */
export async function getCall(id: string): Promise<CallDetail | null> {
  if (!isCallId(id)) return null;
  const [row] = await preparedRows<DetailRow>(
    "call-detail",
    Prisma.sql`
    SELECT ${CALL_COLUMNS}, c.billed_sec, c.agent_name_raw, c.line, c.contact_id, c.transcript_error, c.transcript_deleted_at, c.transcript_deleted_after_days, c.variables, c.lead_signals, c.created_at, c.updated_at, c.is_test,
           c.ai_outcome, c.ai_sentiment, c.outcome_override, c.sentiment_override, c.hot_override, c.reviewed_at, c.review_note, c.review_note_at,
           (SELECT coalesce(u.name, u.email) FROM users u WHERE u.id = c.reviewed_by) AS reviewer,
           (SELECT coalesce(u.name, u.email) FROM users u WHERE u.id = c.review_note_by) AS note_author,
           (SELECT turns FROM transcripts t WHERE t.call_id = c.id) AS turns,
           (SELECT ${Prisma.raw(metricsJsonSql("m"))} FROM call_metrics m WHERE m.call_id = c.id) AS metrics,
           (c.transcript_url IS NOT NULL AND c.transcript_error IS NULL AND c.transcript_deleted_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM transcripts t WHERE t.call_id = c.id)) AS transcript_pending,
           ARRAY(SELECT e.id::text FROM raw_events e WHERE e.call_id = c.id
                 ORDER BY e.received_at DESC, e.id DESC LIMIT ${RAW_EVENTS_SHOWN}) AS raw_event_ids,
           (SELECT count(*)::int FROM raw_events e WHERE e.call_id = c.id) AS raw_event_count,
           ${Prisma.raw(CALL_TRACKERS_SQL)}
           , ra.status AS archive_status, ra.content_type, ra.bytes, ra.duration_ms, ra.levels, ra.error AS archive_error, ra.archived_at, ra.deleted_at, ra.deleted_after_days
    FROM calls c JOIN sources s ON s.id = c.source_id LEFT JOIN recording_archives ra ON ra.call_id = c.id
    WHERE c.id = ${id}::uuid`,
  );
  if (!row) return null;
  const { hotThreshold } = await currentScoring();
  return {
    ...toCallItem(row),
    agentId: row.agent_id,
    vendorAgentName: row.agent_name_raw,
    line: row.line,
    contactId: row.contact_id,
    billedSec: row.billed_sec,
    transcript: row.turns ?? [],
    transcriptPending: row.transcript_pending,
    // Kept after retention deletes the transcript (for averages), shown only beside one.
    metrics: row.turns && row.metrics ? talkMetricsView(row.metrics) : null,
    transcriptError: row.transcript_error,
    transcriptDeleted: row.transcript_deleted_at ? { at: row.transcript_deleted_at.toISOString(), afterDays: row.transcript_deleted_after_days ?? 0 } : null,
    recording: recordingState(row),
    review: {
      reviewedAt: row.reviewed_at?.toISOString() ?? null,
      reviewedBy: row.reviewer,
      note: row.review_note,
      noteBy: row.note_author,
      noteAt: row.review_note_at?.toISOString() ?? null,
      ai: { outcome: row.ai_outcome as CallDetail["outcome"], sentiment: row.ai_sentiment as CallDetail["sentiment"], hot: row.lead_score >= hotThreshold },
      corrected: { outcome: row.outcome_override !== null, sentiment: row.sentiment_override !== null, hot: row.hot_override !== null },
    },
    variables: row.variables,
    leadSignals: withEvidence(row.lead_signals),
    trackers: row.trackers,
    rawEventIds: row.raw_event_ids,
    rawEventCount: row.raw_event_count,
    isTest: row.is_test,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function recordingState(row: DetailRow): RecordingState {
  return {
    status: row.archive_status ?? (row.has_recording ? "vendor" : "none"),
    contentType: row.content_type,
    bytes: row.bytes,
    durationMs: row.duration_ms,
    levels: row.levels ?? [],
    error: row.archive_error,
    archivedAt: row.archived_at?.toISOString() ?? null,
    deletedAt: row.deleted_at?.toISOString() ?? null,
    deletedAfterDays: row.deleted_after_days,
  };
}
