import { z } from "zod";
import { id, numberish, text, timeish } from "../fields";
import { firstText, toDate, toE164, toCallOutcome, toOutcome, toSentiment } from "../normalize";
import type { CallStatus } from "../values";
import { toLanguage } from "../language";
import { defineAdapter, emptyCall } from "../types";

// Cllr posts once per completed call. Quirks: no call times at all (the
// arrival time stands in), phones with dashes ("+1-555-123-4567"), and the
// transcript only as a URL, stored here and fetched later by a job. Its docs
// name no duration or agent and no call status; some accounts send a duration
// and an agent anyway, read here when present. A call whose outcome says it
// never connected ("No answer") is that, not completed.

const callerDetails = z.looseObject({
  name: text,
  phoneNumber: text,
  email: text,
  scheduledTime: timeish,
  company: text,
  address: text,
  pincode: text,
  city: text,
  state: text,
  country: text,
  age: text,
  gender: text,
  occupation: text,
  preferredContactMethod: text,
  bestTimeToCall: text,
  language: text,
});

const callAnalysis = z.looseObject({
  summary: text,
  mood: text,
  score: numberish,
  callOutcome: text,
  classification: text,
  interestsAndNeeds: z.unknown().optional(),
  actionItems: z.unknown().optional(),
  sentiment: z.unknown().optional(),
});

const payload = z.looseObject({
  callId: id,
  duration: numberish,
  durationSec: numberish,
  callDuration: numberish,
  agentName: text,
  agentId: text,
  agent: text,
  recordingUri: text,
  transcriptUri: text,
  callerDetails: callerDetails.nullish(),
  callAnalysis: callAnalysis.nullish(),
});

/** "actionItems" is an object of the vendor's choosing: take its first sentence-like value. */
function firstAction(items: unknown): string | null {
  if (typeof items === "string") return items.trim() || null;
  if (Array.isArray(items)) return items.map(firstAction).find(Boolean) ?? null;
  if (items && typeof items === "object") return Object.values(items).map(firstAction).find(Boolean) ?? null;
  return null;
}

/** The detailed "sentiment" object: read its overall label, whatever the key. */
function sentimentLabel(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    return firstText(o.overall, o.label, o.sentiment, o.customer, o.value);
  }
  return null;
}

/** Outcomes that mean the call never connected, whatever else came with it. */
const NOT_CONNECTED = new Set<CallStatus>(["no_answer", "busy", "voicemail"]);

function statusOf(hasContent: boolean, outcome: string | null | undefined): CallStatus {
  const said = toOutcome(outcome);
  if (said && NOT_CONNECTED.has(said as CallStatus)) return said as CallStatus;
  return hasContent ? "completed" : "unknown";
}

export const cllrAdapter = defineAdapter({
  payload,
  toCall(p, ctx) {
    const who = p.callerDetails ?? {};
    const analysis = p.callAnalysis ?? {};
    const call = emptyCall(p.callId, null, ctx);
    const hasContent = Boolean(p.recordingUri || p.transcriptUri || analysis.summary);

    call.status = statusOf(hasContent, analysis.callOutcome);
    const duration = p.durationSec ?? p.duration ?? p.callDuration ?? null;
    call.durationSec = duration === null ? null : Math.round(duration);
    call.agent = { name: p.agentName ?? p.agent ?? null, id: p.agentId ?? null };
    call.customer = {
      phone: toE164(who.phoneNumber, ctx.defaultRegion),
      name: who.name ?? null,
      email: who.email ?? null,
      company: who.company ?? null,
    };
    call.recordingUrl = p.recordingUri ?? null;
    call.transcriptUrl = p.transcriptUri ?? null;
    call.summary = analysis.summary ?? null;
    call.sentiment = toSentiment(sentimentLabel(analysis.sentiment) ?? analysis.mood);
    call.outcomeRaw = analysis.callOutcome ?? null;
    call.outcome = toCallOutcome(call.status, analysis.callOutcome);
    call.score = analysis.score ?? null;
    call.labels = analysis.classification ? [analysis.classification] : [];
    call.nextAction = firstAction(analysis.actionItems);
    call.callbackAt = toDate(who.scheduledTime);
    const language = toLanguage(who.language);
    if (language) call.language = language;
    const { name, phoneNumber, email, company, scheduledTime, ...otherDetails } = who;
    call.variables = Object.fromEntries(
      Object.entries({
        ...otherDetails,
        mood: analysis.mood,
        interestsAndNeeds: analysis.interestsAndNeeds,
        actionItems: analysis.actionItems,
        sentimentDetail: analysis.sentiment,
      }).filter(([, v]) => v !== undefined && v !== null),
    );
    return call;
  },
});
