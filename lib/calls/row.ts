import { Prisma } from "@/lib/db/client";
import type { CallColumns } from "@/lib/db/columns";
import type { CallItem } from "./schemas";

// The columns every call view selects, and their mapping to the API's item.

export const CALL_COLUMNS = Prisma.sql`
  c.id, c.provider, s.slug AS source, c.external_id, c.group_key, c.attempt, c.direction, c.status,
  c.started_at, c.ended_at, c.duration_sec, c.customer_name, c.customer_phone, c.customer_email,
  c.customer_company, c.agent_name, c.agent_id, c.campaign, c.summary, c.sentiment, c.outcome,
  c.outcome_raw, c.interest_level, c.score, c.lead_score, c.is_hot, c.labels, c.next_action,
  c.callback_at, c.cost_amount::float8 AS cost_amount, c.cost_currency, c.is_test,
  c.reviewed_at IS NOT NULL AS reviewed,
  (c.outcome_override IS NOT NULL OR c.sentiment_override IS NOT NULL OR c.hot_override IS NOT NULL) AS corrected,
  (c.recording_url IS NOT NULL OR c.recording_key IS NOT NULL) AS has_recording,
  EXISTS (SELECT 1 FROM transcripts t WHERE t.call_id = c.id) AS has_transcript`;

export type CallRow = Pick<
  CallColumns,
  | "id"
  | "provider"
  | "external_id"
  | "group_key"
  | "attempt"
  | "direction"
  | "status"
  | "started_at"
  | "ended_at"
  | "duration_sec"
  | "customer_name"
  | "customer_phone"
  | "customer_email"
  | "customer_company"
  | "agent_name"
  | "agent_id"
  | "campaign"
  | "summary"
  | "sentiment"
  | "outcome"
  | "outcome_raw"
  | "interest_level"
  | "score"
  | "lead_score"
  | "is_hot"
  | "labels"
  | "next_action"
  | "callback_at"
  | "cost_currency"
  | "is_test"
> & {
  /** The source's slug. */
  source: string;
  /** Cast to float8 (the column is a decimal). */
  cost_amount: number | null;
  has_recording: boolean;
  has_transcript: boolean;
  reviewed: boolean;
  corrected: boolean;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toCallItem(r: CallRow): CallItem {
  return {
    id: r.id,
    provider: r.provider as CallItem["provider"],
    source: r.source,
    externalId: r.external_id,
    groupKey: r.group_key,
    attempt: r.attempt,
    direction: r.direction as CallItem["direction"],
    status: r.status as CallItem["status"],
    startedAt: r.started_at.toISOString(),
    endedAt: iso(r.ended_at),
    durationSec: r.duration_sec,
    customer: { name: r.customer_name, phone: r.customer_phone, email: r.customer_email, company: r.customer_company },
    agent: r.agent_name ?? r.agent_id,
    campaign: r.campaign,
    summary: r.summary,
    sentiment: r.sentiment as CallItem["sentiment"],
    outcome: r.outcome as CallItem["outcome"],
    outcomeRaw: r.outcome_raw,
    interestLevel: r.interest_level,
    score: r.score,
    leadScore: r.lead_score,
    isHot: r.is_hot,
    labels: r.labels,
    nextAction: r.next_action,
    callbackAt: iso(r.callback_at),
    costAmount: r.cost_amount,
    costCurrency: r.cost_currency,
    hasRecording: r.has_recording,
    hasTranscript: r.has_transcript,
    reviewed: r.reviewed,
    corrected: r.corrected,
  };
}
