import { createHash } from "node:crypto";
import type pg from "pg";
import { v5 as uuidv5, v7 as uuidv7 } from "uuid";
import type { CallColumns, ContactColumns } from "@/lib/db/columns";
import { inTransaction, savePool } from "@/lib/db/pool";
import type { CanonicalCall, Outcome } from "@/lib/providers/canonical";
import { leadScore, withTrackerSignals } from "@/lib/scoring/lead-score";
import { currentScoring, resolveOutcome } from "@/lib/scoring/settings";
import { resolveAgent, type AliasMap } from "@/lib/agents/aliases";
import { currentAliasMap } from "@/lib/agents/settings";
import type { EventSource } from "./process";
import { rawEventInsertSql, type NewRawEvent } from "./store-raw";
import { callDeliveriesSql, callDestinations } from "@/lib/destinations/queue";
import { rollupDeltas, rollupStatement, rollupStatements, type RollupFacts } from "@/lib/rollups/deltas";
import { factColumnsSql, factsOf, type FactRow } from "@/lib/rollups/facts";
import { correctionsOf, inUse, isHotCall, NO_CORRECTIONS, type Corrections } from "@/lib/reviews/corrections";
import { talkTime } from "@/lib/calls/talk-time";
import { safeCallMetrics } from "@/lib/calls/metrics/compute";
import { metricsInsertSql, saveMetrics } from "@/lib/calls/metrics/store";
import { currentTrackers } from "@/lib/trackers/current";
import { hitRowsSql, hitsJson, replaceHits, storedMatch, trackerMatch, type TrackerMatch } from "@/lib/trackers/apply";
import type { MatchableTracker } from "@/lib/trackers/match";
import type { Turn } from "@/lib/providers/canonical";
import { countNewKeys, newKeysJson, variablesCte, type NewKey } from "@/lib/calls/variables/store";
import { countKeysSoon } from "@/lib/calls/variables/count-soon";
import { transcriptVectorsSql, VECTOR_COLUMNS } from "./transcript-vectors";

// Step 4: save the call with its transcript and daily rollup, atomically.
// Idempotent per (source, vendor id): a new call is one INSERT ... ON CONFLICT
// DO NOTHING statement; an existing one is locked while deciding whether the
// event is a resend, older, or newer. Plain SQL on purpose: this runs for
// every webhook (see bench:ingest).

/** The call as saved, as far as forwarding rules look at it. */
export interface SavedFacts {
  sourceId: string;
  status: string;
  outcome: Outcome | null;
  leadScore: number;
  isHot: boolean;
  /** A test call (admin's "Send test event"): never forwarded. */
  isTest: boolean;
}

/** The rows of a new call's follow-ups written with it (its recording's archive row, its deliveries), whose jobs are still to be queued. */
export interface WrittenFollowUps {
  archiveRow: boolean;
  deliveryIds: string[];
}

export type SaveResult = { kind: "stored"; callId: string; facts: SavedFacts; written?: WrittenFollowUps } | { kind: "duplicate" | "stale"; callId: string };

type Existing = FactRow &
  Pick<CallColumns, "id" | "content_hash" | "event_at" | "sentiment_override" | "hot_override" | "ai_outcome" | "transcript_deleted_at">;

const UNFINISHED = new Set(["in_progress", "unknown"]);

/** A final status beats an unfinished one; otherwise the later event wins. */
function isNewer(call: CanonicalCall, existing: Pick<Existing, "status" | "event_at">): boolean {
  const rank = (status: string) => (UNFINISHED.has(status) ? 0 : 1);
  if (rank(call.status) !== rank(existing.status)) return rank(call.status) > rank(existing.status);
  return call.eventAt.getTime() >= existing.event_at.getTime();
}

/** Identifies the content of a call; times that only echo the arrival don't count. */
function contentHash(mapped: CanonicalCall): string {
  // Without a line, the hash stays what it was before calls had one: a resend of an older call is still a duplicate.
  const { line, ...rest } = mapped;
  const call = line === null ? rest : mapped;
  const stable = call.timeSource === "arrival" ? { ...call, startedAt: null, eventAt: null } : call;
  return createHash("sha256").update(JSON.stringify(stable)).digest("hex");
}

/**
 * `newEvent`: the raw request, not stored yet, goes in with the call (one
 * statement, one commit for a new call); without it the raw event `rawEventId` is stored already.
 */
export async function saveCall(
  source: EventSource,
  call: CanonicalCall,
  rawEventId: string,
  opts: { isTest?: boolean; newEvent?: NewRawEvent } = {},
): Promise<SaveResult> {
  const [scoring, aliases, trackers] = await Promise.all([currentScoring(), currentAliasMap(), currentTrackers()]);
  const columnsWith = (corrections: Corrections, trackerHits: TrackerMatch, turns: Turn[]) =>
    callColumns(source, call, scoring, aliases, opts.isTest ?? false, corrections, trackerHits, turns);
  const hits = trackerMatch(call.transcript, call.durationSec, trackers);
  const row = columnsWith(NO_CORRECTIONS, hits, call.transcript);
  // Most events are new calls: one statement, no explicit transaction.
  const newId = uuidv7();
  const destinationIds = await callDestinations(row.saved);
  const inserted = await insertNewCall(newId, source, call, row, rawEventId, hits, destinationIds, opts.newEvent);
  if (inserted) {
    const { keys: newKeys, deliveryIds } = inserted;
    // After the answer, with other calls' keys (lib/calls/variables/count-soon.ts): the call is stored whatever happens there.
    void countKeysSoon(source.id, newKeys);
    return { kind: "stored", callId: newId, facts: row.saved, written: { archiveRow: hasRecording(row), deliveryIds } };
  }
  return inTransaction((client) => updateExistingCall(client, source, call, columnsWith, rawEventId, trackers));
}

type Columns = ReturnType<typeof callColumns>;

const hasRecording = (row: Columns) => row.columns.recording_url !== null || row.columns.recording_key !== null;

type Scoring = Awaited<ReturnType<typeof currentScoring>>;

/**
 * The call's columns as the vendor's event gives them, with a reviewer's
 * corrections (if any) applied over the AI's outcome, sentiment and hotness.
 * Talk time and metrics are read from `turns`: the call's transcript, or the
 * one stored before it when this version brings none (none after retention).
 */
function callColumns(
  source: EventSource,
  mapped: CanonicalCall,
  scoring: Scoring,
  aliases: AliasMap,
  isTest: boolean,
  corrections: Corrections,
  trackerHits: TrackerMatch,
  turns: Turn[],
) {
  const ai = { ...mapped, outcome: resolveOutcome(mapped.status, mapped.outcomeRaw, scoring.map) };
  const call = { ...ai, ...inUse(ai, corrections) };
  // Tracker signals come from the transcript (the call's, or the one stored before it): not part of the content hash.
  const { score, signals } = withTrackerSignals(leadScore(call).signals, trackerHits.signals);
  const isHot = isHotCall(score, scoring.hotThreshold, corrections);
  // With this version's length: the last turn lasts until the call ends, so talk and silence move with it.
  const talk = talkTime(turns, call.durationSec);
  const metrics = turns.length > 0 ? safeCallMetrics(turns, call.durationSec) : null;
  // Rounded as the column stores it, so that the rollups add what the calls table says.
  const costAmount = call.costAmount === null ? null : Math.round(call.costAmount * 1e4) / 1e4;
  const columns: Record<string, unknown> = {
    provider: source.provider,
    group_key: call.groupKey,
    attempt: call.attempt,
    direction: call.direction,
    status: call.status,
    started_at: call.startedAt,
    ended_at: call.endedAt,
    duration_sec: call.durationSec,
    billed_sec: call.billedSec,
    customer_phone: call.customer.phone,
    customer_name: call.customer.name,
    customer_email: call.customer.email,
    customer_company: call.customer.company,
    agent_name: resolveAgent(call.agent.name, call.agent.id, aliases),
    agent_name_raw: call.agent.name,
    agent_id: call.agent.id,
    line: call.line,
    campaign: call.campaign,
    recording_url: call.recordingUrl,
    recording_key: call.recordingKey,
    transcript_url: call.transcriptUrl,
    summary: call.summary,
    sentiment: call.sentiment,
    outcome: call.outcome,
    ai_sentiment: ai.sentiment,
    ai_outcome: ai.outcome,
    outcome_raw: call.outcomeRaw,
    interest_level: call.interestLevel,
    score: call.score,
    labels: call.labels,
    next_action: call.nextAction,
    callback_at: call.callbackAt,
    variables: JSON.stringify(call.variables),
    cost_amount: costAmount,
    cost_currency: call.costCurrency,
    lead_score: score,
    lead_signals: JSON.stringify(signals),
    is_hot: isHot,
    is_test: isTest,
    event_at: call.eventAt,
    language: call.language ?? null,
    content_hash: contentHash(ai),
  };
  // Without turns (retention deleted the transcript), the talk times stored stay (see updateExistingCall).
  if (turns.length > 0) Object.assign(columns, { agent_talk_ms: talk?.agentMs ?? null, customer_talk_ms: talk?.customerMs ?? null });
  const facts: RollupFacts = {
    ...call,
    provider: source.provider,
    sourceId: source.id,
    costAmount,
    agentName: columns.agent_name as string | null,
    leadScore: score,
    isHot,
    isTest,
    agentTalkMs: talk?.agentMs ?? null,
    customerTalkMs: talk?.customerMs ?? null,
    reviewed: false,
    outcomeKept: false,
    trackerIds: trackerHits.trackerIds,
  };
  const saved: SavedFacts = { sourceId: source.id, status: call.status, outcome: call.outcome, leadScore: score, isHot, isTest };
  return { columns, facts, saved, metrics, hash: columns.content_hash as string };
}

/**
 * Inserts the call, its transcript and its rollup, and marks the raw event (or
 * inserts it, `newEvent`: "received" when the call exists, for the caller to
 * go on), in one statement (so one implicit transaction). Returns the variable keys it brought (to be counted after),
 * or null when the call exists already.
 */
async function insertNewCall(
  id: string,
  source: EventSource,
  call: CanonicalCall,
  row: Columns,
  rawEventId: string,
  hits: TrackerMatch,
  destinationIds: string[],
  newEvent?: NewRawEvent,
): Promise<{ keys: NewKey[]; deliveryIds: string[] } | null> {
  const names = Object.keys(row.columns);
  const values: unknown[] = [id, source.id, call.externalId, ...Object.values(row.columns), rawEventId];
  const param = (value: unknown) => `$${values.push(value)}`;
  const callParams = names.map((_, i) => `$${i + 4}`).join(", ");
  const rawParam = `$${names.length + 4}`;
  // Only for a call seen for the first time: a resend or an older event of a
  // known call must leave the contact as the call's newest event left it.
  // A test call's made-up customer is not a contact.
  const phone = call.customer.phone && !row.saved.isTest ? call.customer.phone : null;
  // The call names its contact without waiting for the contact's row: the id is read (no lock) or, for a new phone,
  // the one the insert below gives it. An upsert of the contact held its row locked until commit, and calls of one
  // customer queued behind each other (bench:ingest's lock waits, README).
  const contactIdSql = phone ? contactIdOf(phone, param) : "NULL";
  const contact = phone ? contactInsert(phone, param, "EXISTS (SELECT 1 FROM c)") : null;
  const transcript =
    call.transcript.length > 0
      ? `, t AS (INSERT INTO transcripts (call_id, turns, language, updated_at, ${VECTOR_COLUMNS})
           SELECT id, ${param(JSON.stringify(call.transcript))}, language, now(), ${transcriptVectorsSql(call.transcript, "c.language", param)} FROM c)`
      : "";
  const metrics = row.metrics ? `, m AS (${metricsInsertSql(row.metrics, param, "c")})` : "";
  // The record of the recording's copy still to make (lib/recordings/queue.ts), with the call.
  const archive = hasRecording(row) ? `, a AS (INSERT INTO recording_archives (call_id) SELECT id FROM c ON CONFLICT (call_id) DO NOTHING)` : "";
  const deliveries = destinationIds.length > 0 ? `, d AS (${callDeliveriesSql(destinationIds, param, "c")})` : "";
  const trackerHits =
    hits.found.length > 0
      ? `, h AS (INSERT INTO call_tracker_hits (call_id, tracker_id, hits, hit_count, started_at)
           SELECT c.id, x.tracker_id, x.hits, x.hit_count, ${param(call.startedAt)}::timestamptz FROM c, (${hitRowsSql(param(hitsJson(hits.found)))}) AS x)`
      : "";
  // The variables the list filters by (lib/calls/variables/store.ts); their keys are counted after this statement,
  // which has no defined order among its CTEs: the source's key rows are not to be locked before the rollups'.
  const variables = variablesCte({
    callId: "c.id",
    startedAt: param(call.startedAt),
    provider: param(source.provider),
    variables: param(row.columns.variables),
    from: "c",
  });
  const event = newEvent
    ? `e AS (${rawEventInsertSql(newEvent, rawParam, param, "c")})`
    : `r AS (UPDATE raw_events SET status = 'stored', call_id = c.id, external_id = $3, processed_at = now(), error = NULL
             FROM c WHERE raw_events.id = ${rawParam})`;
  const rollups = rollupStatements(rollupDeltas(null, row.facts), { offset: values.length, onlyIf: "EXISTS (SELECT 1 FROM c)" });
  for (const r of rollups) values.push(...r.values);
  const text = `WITH c AS (
       INSERT INTO calls (id, source_id, external_id, ${names.join(", ")}, contact_id, updated_at)
       VALUES ($1, $2, $3, ${callParams}, ${contactIdSql}, now())
       ON CONFLICT (source_id, external_id) DO NOTHING RETURNING id, language)
     ${transcript}
     ${metrics}
     ${archive}
     ${deliveries}
     ${trackerHits}
     , ${variables}
     , ${event}
     ${rollups.map((r, i) => `, s${i} AS (${r.text})`).join("\n")}
     ${contact ? `, k AS (${contact})` : ""}
     SELECT id, ${newKeysJson()} AS keys, ${deliveries ? "ARRAY(SELECT id FROM d)" : "ARRAY[]::uuid[]"} AS deliveries FROM c`;
  // Prepared once per connection for each shape the statement takes (a few dozen): Postgres then parses it and
  // expands its inserts' defaults once, not on every call, which is a good part of its work for a small call; and
  // plans it once (savePool).
  const { rows } = await savePool().query<Pick<CallColumns, "id"> & { keys: NewKey[]; deliveries: string[] }>({
    name: `new-call-${createHash("sha1").update(text).digest("hex")}`,
    text,
    values,
  });
  return rows.length > 0 ? { keys: rows[0].keys, deliveryIds: rows[0].deliveries } : null;
}

async function updateExistingCall(
  client: pg.PoolClient,
  source: EventSource,
  call: CanonicalCall,
  columnsWith: (corrections: Corrections, trackerHits: TrackerMatch, turns: Turn[]) => Columns,
  rawEventId: string,
  trackers: MatchableTracker[],
): Promise<SaveResult> {
  const { rows } = await client.query<Existing>(
    `SELECT id, content_hash, event_at, sentiment_override, hot_override, ai_outcome, transcript_deleted_at, ${factColumnsSql()}
     FROM calls WHERE source_id = $1 AND external_id = $2 FOR UPDATE`,
    [source.id, call.externalId],
  );
  const existing = rows[0];
  // A version without a transcript keeps the stored one, and so its tracker hits, talk time and metrics (read with the new duration).
  let turns = call.transcript;
  let storedLanguage: string | null = null;
  if (turns.length === 0) {
    const { rows: stored } = await client.query<{ turns: Turn[]; language: string | null }>(`SELECT turns, language FROM transcripts WHERE call_id = $1`, [
      existing.id,
    ]);
    turns = stored[0]?.turns ?? [];
    storedLanguage = stored[0]?.language ?? null;
  }
  // Retention deleted it: the hits found while it was there stay.
  const hits =
    turns.length === 0 && existing.transcript_deleted_at ? await storedMatch(client, existing.id, trackers) : trackerMatch(turns, call.durationSec, trackers);
  // A reviewer's corrections outlive every later version of the call.
  const row = columnsWith(correctionsOf(existing), hits, turns);
  const markEvent = (status: "stored" | "duplicate", callId: string) =>
    client.query(`UPDATE raw_events SET status = $2, call_id = $3, external_id = $4, processed_at = now(), error = NULL WHERE id = $1`, [
      rawEventId,
      status,
      callId,
      call.externalId,
    ]);
  // A sample must never overwrite a real call that happens to share its id; it is answered as a duplicate.
  if (existing.content_hash === row.hash || !isNewer(call, existing) || (row.saved.isTest && !existing.is_test)) {
    await markEvent("duplicate", existing.id);
    return { kind: existing.content_hash === row.hash ? "duplicate" : "stale", callId: existing.id };
  }

  // A vendor that sends no times keeps the time the call was first seen.
  const startedAt = call.timeSource === "arrival" ? existing.started_at : call.startedAt;
  // A call stays a test call only while every event about it is one: a vendor's real event makes it real
  // (counted, forwarded and kept by "Remove test calls"), so no vendor can hide a call by reusing a sample's id.
  const isTest = existing.is_test && row.saved.isTest;
  let contactId: string | null = null;
  if (call.customer.phone && !isTest) {
    const values: unknown[] = [];
    const param = (v: unknown) => `$${values.push(v)}`;
    const { rows: contact } = await client.query<Pick<ContactColumns, "id">>(
      `WITH k AS (${contactInsert(call.customer.phone, param)}) SELECT ${contactIdOf(call.customer.phone, param)} AS id`,
      values,
    );
    contactId = contact[0].id;
  }
  // A reviewer who kept the AI's outcome kept that outcome, not the one the vendor sends now: back to To review.
  const reviewStands = existing.reviewed_at === null || existing.outcome_override !== null || existing.ai_outcome === row.columns.ai_outcome;
  const columns = {
    ...row.columns,
    started_at: startedAt,
    contact_id: contactId,
    is_test: isTest,
    ...(reviewStands ? {} : { reviewed_at: null, reviewed_by: null }),
  };
  const sets = Object.keys(columns)
    .map((n, i) => `${n} = $${i + 2}`)
    .join(", ");
  await client.query(`UPDATE calls SET ${sets}, updated_at = now() WHERE id = $1`, [existing.id, ...Object.values(columns)]);

  // A later version without a transcript keeps the one already stored (in the call's language, which search stems by).
  const values: unknown[] = [existing.id, row.columns.language];
  const param = (v: unknown) => `$${values.push(v)}`;
  if (call.transcript.length > 0) {
    await client.query(
      `INSERT INTO transcripts (call_id, turns, language, updated_at, ${VECTOR_COLUMNS})
       VALUES ($1, ${param(JSON.stringify(call.transcript))}, $2, now(), ${transcriptVectorsSql(call.transcript, "$2", param)})
       ON CONFLICT (call_id) DO UPDATE SET turns = EXCLUDED.turns, language = EXCLUDED.language, updated_at = now(),
         search_customer = EXCLUDED.search_customer, search_agent = EXCLUDED.search_agent, search_other = EXCLUDED.search_other`,
      values,
    );
  } else if (turns.length > 0 && storedLanguage !== row.columns.language) {
    // Stemmed again in the new language, from the turns stored.
    await client.query(
      `UPDATE transcripts SET language = $2, (${VECTOR_COLUMNS}) = (SELECT ${transcriptVectorsSql(turns, "$2", param)}) WHERE call_id = $1`,
      values,
    );
  }
  // From the turns as stored now; a transcript retention deleted leaves the metrics it had.
  if (turns.length > 0) await saveMetrics(client, existing.id, row.metrics);
  await replaceHits(client, existing.id, startedAt, hits.found);

  // The call's variables as this version has them; keys it had already are not counted again.
  const { rows: known } = await client.query<{ key: string }>("DELETE FROM call_variables WHERE call_id = $1 RETURNING key", [existing.id]);
  const { rows: added } = await client.query<{ keys: NewKey[] }>(
    `WITH ${variablesCte({ callId: "$1::uuid", startedAt: "$4", provider: "$5", variables: "$2", from: "(SELECT 1) one" })}
     SELECT ${newKeysJson("NOT key = ANY($3::text[])")} AS keys`,
    [existing.id, row.columns.variables, known.map((r) => r.key), startedAt, source.provider],
  );

  // Near the end, so that the busy rows (one per day and dimensions, then the source's keys) stay locked only until commit.
  const before = factsOf(existing);
  const after: RollupFacts = {
    ...row.facts,
    startedAt,
    isTest,
    agentTalkMs: turns.length > 0 ? row.facts.agentTalkMs : before.agentTalkMs,
    customerTalkMs: turns.length > 0 ? row.facts.customerTalkMs : before.customerTalkMs,
    reviewed: reviewStands && before.reviewed,
    outcomeKept: reviewStands && before.outcomeKept,
  };
  const rollup = rollupStatement(rollupDeltas(before, after));
  if (rollup) await client.query(rollup.text, rollup.values);
  // After the rollups, as a new call's statement does: the event's hourly count (source_event_hours) is locked in
  // the same order by every save, so two saves of one source never wait on each other in a cycle.
  await markEvent("stored", existing.id);
  // The source's key rows after the rollups' (and in key order): every save locks these in the same order.
  await countNewKeys(client, source.id, added[0].keys);
  return { kind: "stored", callId: existing.id, facts: { ...row.saved, isTest } };
}

/** Contacts made from calls have an id derived from their phone, so that a call can name its contact before the contact's row is written. */
const CONTACT_IDS = "5f0c9b7e-3d3a-4f51-9a52-0b6f2f1c8e41";
export const contactIdFor = (phone: string) => uuidv5(phone, CONTACT_IDS);

/** SQL: the id of the phone's contact: the row's (a contact made before ids came from phones) or the one it gets. */
const contactIdOf = (phone: string, param: (value: unknown) => string) =>
  `COALESCE((SELECT id FROM contacts WHERE phone = ${param(phone)}), ${param(contactIdFor(phone))}::uuid)`;

/**
 * SQL: one contact per phone, made by its first call (when `onlyIf`, an SQL condition, holds); never updated. Any unique
 * index may take the conflict: two first calls of a new phone bring the same id as well as the same phone.
 */
const contactInsert = (phone: string, param: (value: unknown) => string, onlyIf = "true") =>
  `INSERT INTO contacts (id, phone) SELECT ${param(contactIdFor(phone))}::uuid, ${param(phone)}::text WHERE ${onlyIf} ON CONFLICT DO NOTHING`;
