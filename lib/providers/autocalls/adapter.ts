import { z } from "zod";
import { booleanish, id, numberish, record, text, timeish } from "../fields";
import { firstText, secondsBetween, toDate, toE164, toCallOutcome, toSentiment, toStatus, turnsFromLines } from "../normalize";
import { defineAdapter, emptyCall } from "../types";

// Autocalls posts after each call. Quirks: extracted_variables.status is a
// boolean (did the call reach its objective), not a call status; the campaign
// arrives at the top level or nested in the lead; the transcript is one text;
// assistant_phone is the number the assistant called from (a line), and no
// agent is named at all.

const campaign = z.looseObject({ id: id.nullish(), name: text, status: text });

const payload = z.looseObject({
  id,
  customer_phone: text,
  assistant_phone: text,
  duration: numberish,
  status: text,
  extracted_variables: z.looseObject({ status: booleanish, summary: text }).nullish(),
  input_variables: record,
  transcript: text,
  recording_url: text,
  created_at: timeish,
  finished_at: timeish,
  lead: z
    .looseObject({
      id: id.nullish(),
      phone_number: text,
      variables: record,
      status: text,
      campaign: campaign.nullish(),
    })
    .nullish(),
  campaign: campaign.nullish(),
});

/** Well-known names for the variables that describe the customer and the next step. */
const NAME_KEYS = ["name", "customer_name", "full_name", "first_name", "contact_name"];
const pick = (vars: Record<string, unknown>, keys: string[]) => firstText(...keys.map((k) => vars[k]));

export const autocallsAdapter = defineAdapter({
  payload,
  toCall(p, ctx) {
    const extracted = p.extracted_variables ?? {};
    const vars = { ...(p.lead?.variables ?? {}), ...(p.input_variables ?? {}) };
    const startedAt = toDate(p.created_at);
    const endedAt = toDate(p.finished_at);
    const call = emptyCall(p.id, startedAt, ctx);
    const campaignInfo = p.campaign ?? p.lead?.campaign ?? null;

    call.status = toStatus(p.status);
    call.direction = p.lead || campaignInfo ? "outbound" : null;
    call.groupKey = p.lead?.id ? `lead:${p.lead.id}` : null;
    call.endedAt = endedAt;
    call.durationSec = p.duration ?? secondsBetween(startedAt, endedAt);
    call.customer = {
      phone: toE164(p.customer_phone ?? p.lead?.phone_number, ctx.defaultRegion),
      name: pick(vars, NAME_KEYS),
      email: pick(vars, ["email", "customer_email"]),
      company: pick(vars, ["company", "company_name", "business_name"]),
    };
    call.line = toE164(p.assistant_phone, ctx.defaultRegion) ?? p.assistant_phone ?? null;
    call.campaign = campaignInfo?.name ?? (campaignInfo?.id ? String(campaignInfo.id) : null);
    call.recordingUrl = p.recording_url ?? null;
    call.transcript = p.transcript ? turnsFromLines(p.transcript) : [];
    call.summary = extracted.summary ?? null;
    call.objectiveAchieved = extracted.status ?? null;
    const { status, summary, ...custom } = extracted;
    call.sentiment = toSentiment(firstText(custom.sentiment, custom.customer_sentiment, custom.mood));
    call.outcomeRaw = firstText(custom.outcome, custom.call_outcome, custom.disposition, p.lead?.status);
    call.outcome = toCallOutcome(call.status, call.outcomeRaw);
    call.interestLevel = firstText(custom.interest_level, custom.interest);
    call.nextAction = firstText(custom.next_action, custom.next_step, custom.next_steps);
    call.callbackAt = toDate(firstText(custom.callback_time, custom.callback_at, custom.callback_datetime));
    call.variables = { ...custom, ...(p.input_variables ? { input: p.input_variables } : {}) };
    call.eventAt = endedAt ?? startedAt ?? ctx.receivedAt;
    return call;
  },
});
