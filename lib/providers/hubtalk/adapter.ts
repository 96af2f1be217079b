import { z } from "zod";
import { id, numberish, text, timeish } from "../fields";
import type { CallStatus, Turn } from "../canonical";
import { firstText, offsetMs, toDate, toE164, toCallOutcome, toRole, toSentiment, toStatus, turnsFromLines } from "../normalize";
import { toLanguage } from "../language";
import { defineAdapter, emptyCall } from "../types";

// HubTalk posts once per dial attempt (call_event_uuid), grouped by call_uuid.
// Quirks: phone_number is international digits without '+'; the recording is
// an S3 object key, not a URL; the transcript comes in four forms (structured
// messages, "role: text" lines, per-role arrays, legacy duplicates).

const report = z.looseObject({ name: text, uuid: text, content: text, result: z.unknown().optional() });
const reports = z.union([z.array(report), z.looseObject({ reports: z.array(report).nullish() })]);

const payload = z.looseObject({
  call_event_uuid: id,
  call_type: text,
  call_uuid: text,
  phone_number: text,
  call_status: text,
  agent_wb_name: text,
  agent_uuid: text,
  call_campaign_uuid: text,
  attempt_number: numberish,
  status: text,
  call_datetime: timeish,
  end_datetime: timeish,
  duration: numberish,
  bill_duration: numberish,
  initial_language: text,
  final_language: text,
  voice_gender: text,
  result: text,
  final_result: text,
  audio_recording_url: text,
  full_transcript: text,
  conversation: z.looseObject({ assistant: z.array(z.string()).nullish(), user: z.array(z.string()).nullish() }).nullish(),
  conversation_path: text,
  mapped_answers: z.looseObject({ messages: z.array(z.looseObject({ role: text, content: text, timestamp: timeish })).nullish() }).nullish(),
  summary: text,
  sentiment_analysis: text,
  analytics_data: z.looseObject({ reports: z.looseObject({ dynamic_reports: reports.nullish() }).nullish() }).nullish(),
  extra_variables: z.array(z.looseObject({ name: z.string(), value: z.unknown().optional() })).nullish(),
  last_answer: text,
  text_detail: text,
  answer: text,
});
type Payload = z.output<typeof payload>;

/** The attempt's own status decides; PENDING defers to the parent call's status. */
function attemptStatus(p: Payload): CallStatus {
  const event = (p.status ?? "").toUpperCase();
  if (event === "ANSWERED") return "completed";
  if (event && event !== "PENDING") return toStatus(event);
  const parent = (p.call_status ?? "").toUpperCase();
  if (parent === "COMPLETED") return (p.duration ?? 0) > 0 || p.full_transcript ? "completed" : "unknown";
  return toStatus(parent);
}

/** The four transcript forms, best first: timed messages, ordered lines, then per-role arrays interleaved. */
function hubtalkTurns(p: Payload, startedAt: Date | null): Turn[] {
  const messages = p.mapped_answers?.messages ?? [];
  if (messages.length > 0) {
    return messages.flatMap((m) => (m.content ? [{ role: toRole(m.role), text: m.content, atMs: offsetMs(m.timestamp, startedAt) }] : []));
  }
  const lines = p.full_transcript ?? p.text_detail ?? p.answer;
  if (lines) return turnsFromLines(lines);
  const agent = p.conversation?.assistant ?? [];
  const customer = p.conversation?.user ?? [];
  const turns: Turn[] = [];
  for (let i = 0; i < Math.max(agent.length, customer.length); i++) {
    if (agent[i]) turns.push({ role: "agent", text: agent[i] });
    if (customer[i]) turns.push({ role: "customer", text: customer[i] });
  }
  return turns;
}

function reportList(p: Payload) {
  const dyn = p.analytics_data?.reports?.dynamic_reports;
  return Array.isArray(dyn) ? dyn : (dyn?.reports ?? []);
}

export const hubtalkAdapter = defineAdapter({
  payload,
  toCall(p, ctx) {
    const startedAt = toDate(p.call_datetime);
    const endedAt = toDate(p.end_datetime);
    const call = emptyCall(p.call_event_uuid, startedAt, ctx);
    const extras = Object.fromEntries((p.extra_variables ?? []).map((v) => [v.name, v.value]));
    const reportsByName = Object.fromEntries(reportList(p).flatMap((r) => (r.name ? [[r.name, r]] : [])));
    const reportWith = (word: string) => Object.values(reportsByName).find((r) => r.name?.toLowerCase().includes(word));

    call.groupKey = p.call_uuid ?? null;
    call.attempt = p.attempt_number ?? null;
    call.direction = p.call_type === "inbound" || p.call_type === "outbound" ? p.call_type : null;
    call.status = attemptStatus(p);
    call.endedAt = endedAt;
    call.durationSec = p.duration ?? null;
    call.billedSec = p.bill_duration ?? null;
    const digits = p.phone_number?.replace(/\D/g, "");
    call.customer = {
      phone: digits ? toE164(`+${digits}`, ctx.defaultRegion) : null,
      name: firstText(extras.clientName, extras.client_name, extras.name, extras.fullName),
      email: firstText(extras.email),
      company: firstText(extras.company, extras.companyName),
    };
    call.agent = { name: p.agent_wb_name ?? null, id: p.agent_uuid ?? null };
    call.campaign = p.call_campaign_uuid ?? null;
    call.recordingKey = p.audio_recording_url ?? null;
    call.transcript = hubtalkTurns(p, startedAt);
    call.summary = p.summary ?? firstText(reportWith("summary")?.content) ?? null;
    call.sentiment = toSentiment(p.sentiment_analysis ?? firstText(reportWith("sentiment")?.result));
    call.outcomeRaw = p.final_result ?? p.result ?? null;
    call.outcome = toCallOutcome(call.status, call.outcomeRaw);
    const interest = reportWith("interest");
    call.interestLevel = interest ? firstText(interest.result, interest.content) : null;
    const next = reportWith("next");
    call.nextAction = next ? firstText(next.result, next.content) : null;
    const custom = Object.fromEntries(
      Object.entries(reportsByName)
        .filter(([name]) => !/summary|sentiment/i.test(name))
        .map(([name, r]) => [name, r.result ?? r.content]),
    );
    call.variables = {
      ...extras,
      ...custom,
      ...(p.initial_language ? { initialLanguage: p.initial_language } : {}),
      ...(p.final_language ? { finalLanguage: p.final_language } : {}),
      ...(p.voice_gender ? { voiceGender: p.voice_gender } : {}),
      ...(p.conversation_path ? { conversationPath: p.conversation_path } : {}),
    };
    const language = toLanguage(p.final_language ?? p.initial_language);
    if (language) call.language = language;
    call.eventAt = endedAt ?? startedAt ?? ctx.receivedAt;
    return call;
  },
});
