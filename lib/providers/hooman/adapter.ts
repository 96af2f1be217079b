import { z } from "zod";
import { booleanish, maybeStringified, numberish, record, text, timeish } from "../fields";
import { firstText, offsetMs, toDate, toE164, toCallOutcome, toRole, toSentiment, toStatus, turnsFromLines } from "../normalize";
import type { Turn } from "../canonical";
import { defineAdapter, emptyCall, MappingError } from "../types";

// Hooman Labs sends its post-call object by POST or PUT, or a template of the
// customer's own making, or nothing but query parameters on a GET. Quirks:
// epoch-millisecond times, and every template value stringified ("42",
// "[{...}]"), so numbers and JSON are read back from text. The call id is
// callInfo.callSid, or a query parameter (?id=${callInfo.callSid}).

const turn = z.looseObject({ role: text, content: text, timestamp: timeish });

const payload = z.looseObject({
  // The default post-call object.
  analysis: maybeStringified(z.looseObject({ results: record })).nullish(),
  callInfo: maybeStringified(
    z.looseObject({
      from: text,
      to: text,
      type: text,
      recording: text,
      callSid: text,
      endReason: text,
      task: text,
      campaign: text,
      attempt: numberish,
      provider: text,
    }),
  ).nullish(),
  outcome: text,
  agent: text,
  duration: numberish,
  price: numberish,
  beginTimestamp: timeish,
  context: maybeStringified(record).nullish(),
  stats: maybeStringified(record).nullish(),
  transcript: maybeStringified(z.union([z.array(turn), z.string()])).nullish(),
  // The fields of the template in Hooman's docs, and common spellings of an id.
  caller: text,
  callee: text,
  callType: text,
  summary: text,
  recordingUrl: text,
  leadId: text,
  disposition: text,
  callSid: text,
  id: text,
  status: text,
  sentiment: text,
  answered: booleanish,
});

function hoomanTurns(transcript: z.output<typeof payload>["transcript"], startedAt: Date | null): Turn[] {
  if (!transcript) return [];
  if (typeof transcript === "string") return turnsFromLines(transcript);
  return transcript.flatMap((t) => (t.content ? [{ role: toRole(t.role), text: t.content, atMs: offsetMs(t.timestamp, startedAt) }] : []));
}

export const hoomanAdapter = defineAdapter({
  payload,
  toCall(p, ctx) {
    const info = p.callInfo ?? {};
    const results = p.analysis?.results ?? {};
    const context = p.context ?? {};
    const callId = info.callSid ?? p.callSid ?? p.id ?? ctx.query.id ?? ctx.query.callSid;
    if (!callId) throw new MappingError("no call id: send callInfo.callSid, or add ?id=${callInfo.callSid} to the URL");
    const startedAt = toDate(p.beginTimestamp);
    const call = emptyCall(callId, startedAt, ctx);

    const type = (info.type ?? p.callType ?? "").toLowerCase();
    call.direction = type === "inbound" || type === "outbound" ? type : null;
    const from = info.from ?? p.caller;
    const to = info.to ?? p.callee;
    const customerNumber = call.direction === "inbound" ? from : to;
    const lineNumber = call.direction === "inbound" ? to : call.direction === "outbound" ? from : null;

    call.durationSec = p.duration === null || p.duration === undefined ? null : Math.round(p.duration);
    call.endedAt = startedAt && call.durationSec !== null ? new Date(startedAt.getTime() + call.durationSec * 1000) : null;
    call.groupKey = info.task ?? p.leadId ?? null;
    call.attempt = info.attempt ?? null;
    call.agent = { name: null, id: p.agent ?? null };
    call.line = toE164(lineNumber, ctx.defaultRegion);
    call.campaign = info.campaign ?? null;
    call.customer = {
      phone: toE164(customerNumber, ctx.defaultRegion),
      name: firstText(context.name, context.customerName, context.customer_name, results.name),
      email: firstText(context.email, results.email),
      company: firstText(context.company, context.companyName, results.company),
    };
    call.recordingUrl = info.recording ?? p.recordingUrl ?? null;
    call.transcript = hoomanTurns(p.transcript, startedAt);
    call.summary = firstText(results.summary, p.summary);
    call.outcomeRaw = p.outcome ?? p.disposition ?? null;
    call.status = p.status ? toStatus(p.status) : call.durationSec || call.transcript.length > 0 || call.summary ? "completed" : toStatus(info.endReason);
    call.outcome = toCallOutcome(call.status, call.outcomeRaw);
    call.sentiment = toSentiment(firstText(results.sentiment, p.sentiment));
    call.interestLevel = firstText(results.interest_level, results.interestLevel, results.interest);
    call.nextAction = firstText(results.next_action, results.nextAction, results.next_steps);
    call.callbackAt = toDate(firstText(results.callback_time, results.callbackTime, results.callback_datetime));
    call.costAmount = p.price ?? null;
    call.costCurrency = p.price !== null && p.price !== undefined ? "INR" : null;
    const { summary, ...structured } = results;
    call.variables = { ...structured, ...(Object.keys(context).length ? { context } : {}) };
    if (info.endReason) call.variables.endReason = info.endReason;
    if (info.provider) call.variables.telephony = info.provider;
    if (p.stats && Object.keys(p.stats).length) call.variables.stats = p.stats;
    if (p.leadId) call.variables.leadId = p.leadId;
    call.eventAt = call.endedAt ?? startedAt ?? ctx.receivedAt;
    return call;
  },
});
