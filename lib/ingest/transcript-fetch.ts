import { inTransaction, pool } from "@/lib/db/pool";
import { talkTime } from "@/lib/calls/talk-time";
import { safeCallMetrics } from "@/lib/calls/metrics/compute";
import { saveMetrics } from "@/lib/calls/metrics/store";
import { rollupDeltas, rollupStatement } from "@/lib/rollups/deltas";
import { factColumnsSql, factsOf, type FactRow } from "@/lib/rollups/facts";
import type { Turn } from "@/lib/providers/canonical";
import type { CallColumns, ColumnsAs } from "@/lib/db/columns";
import { logger } from "@/lib/log";
import { cllrTranscriptTurns } from "@/lib/providers/cllr/transcript";
import { fetchPublic, OutboundRefused } from "@/lib/security/outbound";
import { readBodyCapped } from "./read-body";
import { transcriptVectorsSql, VECTOR_COLUMNS } from "./transcript-vectors";
import { correctionsOf, isHotCall } from "@/lib/reviews/corrections";
import { withTrackerSignals, type LeadSignal } from "@/lib/scoring/lead-score";
import { currentScoring } from "@/lib/scoring/settings";
import { replaceHits, trackerMatch } from "@/lib/trackers/apply";
import { currentTrackers } from "@/lib/trackers/current";

// Step 5 for Cllr: the transcript arrives later, from the URL in the webhook.
// Fetched through the outbound guard (public addresses only, redirects checked),
// within a time and a size limit. Failures that a retry could fix are thrown for
// the queue to retry; the rest, and the last retry, are recorded on the call,
// whose page then says why there is no transcript.

const TIMEOUT_MS = 15_000;
const MAX_BYTES = 5 * 1024 * 1024;

class Permanent extends Error {}

export type TranscriptFetchResult = "fetched" | "skipped" | "gave_up";

export async function fetchCallTranscript(callId: string, lastAttempt: boolean): Promise<TranscriptFetchResult> {
  const { rows } = await pool.query<
    Pick<CallColumns, "transcript_url" | "transcript_error" | "transcript_deleted_at" | "started_at"> & { has_transcript: boolean }
  >(
    `SELECT transcript_url, transcript_error, transcript_deleted_at, started_at, EXISTS (SELECT 1 FROM transcripts t WHERE t.call_id = c.id) AS has_transcript
     FROM calls c WHERE id = $1`,
    [callId],
  );
  const call = rows[0];
  // Retention deleted it: a vendor resending the call does not bring it back.
  if (!call?.transcript_url || call.has_transcript || call.transcript_error || call.transcript_deleted_at) return "skipped";

  try {
    const turns = await download(call.transcript_url, call.started_at);
    await storeTranscript(callId, turns);
    return "fetched";
  } catch (e) {
    const reason = (e as Error).message;
    if (!(e instanceof Permanent) && !lastAttempt) throw e;
    logger.warn({ callId, reason }, "transcript fetch gave up");
    await pool.query(`UPDATE calls SET transcript_error = $2 WHERE id = $1`, [callId, reason]);
    if (!(e instanceof Permanent)) throw e;
    return "gave_up";
  }
}

/**
 * Stores the transcript, its talk metrics and, from it, the call's talk time
 * by side and its tracker hits (with their score signals), moving the call in
 * the rollups (Compare's talk ratio, tracker mentions) in the same
 * transaction, with the call locked against a save or a review meanwhile.
 * The demo seed stores Cllr's made-up files through here too.
 */
export async function storeTranscript(callId: string, turns: Turn[]): Promise<void> {
  const [trackers, scoring] = await Promise.all([currentTrackers(), currentScoring()]);
  await inTransaction(async (client) => {
    const { rows } = await client.query<
      FactRow & Pick<CallColumns, "sentiment_override" | "hot_override"> & ColumnsAs<CallColumns, "lead_signals", LeadSignal[]>
    >(`SELECT sentiment_override, hot_override, lead_signals, ${factColumnsSql()} FROM calls WHERE id = $1 FOR UPDATE`, [callId]);
    const values: unknown[] = [callId, JSON.stringify(turns)];
    const { rowCount } = await client.query(
      `INSERT INTO transcripts (call_id, turns, language, updated_at, ${VECTOR_COLUMNS})
       SELECT id, $2, language, now(), ${transcriptVectorsSql(turns, "language", (v) => `$${values.push(v)}`)} FROM calls WHERE id = $1
       ON CONFLICT (call_id) DO NOTHING`,
      values,
    );
    if (!rows[0] || !rowCount) return;
    const before = factsOf(rows[0]);
    await saveMetrics(client, callId, safeCallMetrics(turns, before.durationSec, callId));
    const talk = talkTime(turns, before.durationSec);
    const hits = trackerMatch(turns, before.durationSec, trackers);
    const { score, signals } = withTrackerSignals(rows[0].lead_signals, hits.signals);
    const isHot = isHotCall(score, scoring.hotThreshold, correctionsOf(rows[0]));
    const after = {
      ...before,
      agentTalkMs: talk?.agentMs ?? null,
      customerTalkMs: talk?.customerMs ?? null,
      leadScore: score,
      isHot,
      trackerIds: hits.trackerIds,
    };
    await replaceHits(client, callId, before.startedAt, hits.found);
    await client.query(
      `UPDATE calls SET agent_talk_ms = $2, customer_talk_ms = $3, lead_score = $4, lead_signals = $5, is_hot = $6, updated_at = now() WHERE id = $1`,
      [callId, after.agentTalkMs, after.customerTalkMs, score, JSON.stringify(signals), isHot],
    );
    const rollup = rollupStatement(rollupDeltas(before, after));
    if (rollup) await client.query(rollup.text, rollup.values);
  });
}

async function download(url: string, startedAt: Date) {
  let response: Response;
  try {
    response = await fetchPublic(url, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (e) {
    if (e instanceof OutboundRefused) throw new Permanent(`The transcript address is not allowed: ${e.message}.`, { cause: e });
    throw new Error(`The transcript server did not answer (${(e as Error).message}).`, { cause: e });
  }
  if (!response.ok) {
    await response.body?.cancel();
    const retryable = response.status >= 500 || response.status === 408 || response.status === 429 || response.status === 404;
    const message = `The transcript server answered ${response.status}.`;
    throw retryable ? new Error(message) : new Permanent(message);
  }
  const body = await readBodyCapped(response.body, MAX_BYTES);
  if (!body) {
    await response.body?.cancel().catch(() => {});
    throw new Permanent(`The transcript is larger than ${MAX_BYTES / 1024 / 1024} MB.`);
  }
  const text = Buffer.from(body).toString("utf8");
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // Plain text transcripts ("Agent: …" lines) are read as such.
  }
  const turns = cllrTranscriptTurns(json, startedAt);
  if (!turns || turns.length === 0) throw new Permanent("The transcript file holds no turns this app can read.");
  return turns;
}
