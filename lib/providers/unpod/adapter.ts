import { z } from "zod";
import { id, maybeStringified, numberish, record, text, timeish } from "../fields";
import { firstText, offsetMs, secondsBetween, toDate, toE164, toCallOutcome, toRole, toSentiment, toStatus } from "../normalize";
import { defineAdapter, emptyCall } from "../types";

// Unpod has no push: its task API is polled (or a forwarder posts each task as
// {task_id, run_id, status, input, output}). A bare {output} is accepted too.
// Quirks: naive timestamps are UTC; post_call_data comes nested
// ({summary: {summary, ...}, profile_summary: {...}, classification}) or flat
// ({summary: "text", tone, outcome, ...}), sometimes stringified.

const profile = z.looseObject({
  tone: text,
  engagement: text,
  interest_level: text,
  outcome: text,
  next_action: text,
});

const postCallData = maybeStringified(
  z.looseObject({
    summary: z.union([z.string(), z.looseObject({ status: text, summary: text, callback_datetime: timeish })]).nullish(),
    profile_summary: profile.nullish(),
    classification: z.looseObject({ labels: z.array(z.string()).nullish() }).nullish(),
    // The flat shape carries the profile fields at the top level.
    ...profile.shape,
    status: text,
    callback_datetime: timeish,
    labels: z.array(z.string()).nullish(),
  }),
).nullish();

const transcriptTurn = z.looseObject({ role: text, content: text, text: text, timestamp: timeish });

const output = z.looseObject({
  call_id: id.nullish(),
  call_type: text,
  call_status: text,
  start_time: timeish,
  end_time: timeish,
  duration: numberish,
  recording_url: text,
  transcript: maybeStringified(z.array(transcriptTurn)).nullish(),
  post_call_data: postCallData,
});

const payload = z
  .looseObject({
    task_id: id.nullish(),
    run_id: text,
    status: text,
    input: record,
    output: maybeStringified(output).nullish(),
  })
  .refine((p) => p.task_id ?? p.output?.call_id, { message: "task_id (or output.call_id) is required", path: ["task_id"] });

export const unpodAdapter = defineAdapter({
  payload,
  toCall(p, ctx) {
    const out = p.output ?? {};
    const input = p.input ?? {};
    const pcd = out.post_call_data ?? {};
    const nested = typeof pcd.summary === "object" && pcd.summary !== null ? pcd.summary : null;
    const prof = { ...pcd, ...(pcd.profile_summary ?? {}) };

    const startedAt = toDate(out.start_time);
    const endedAt = toDate(out.end_time);
    const call = emptyCall(String(p.task_id ?? out.call_id), startedAt, ctx);
    const taskDone = !p.status || p.status === "completed";
    const connectStatus = nested?.status ?? pcd.status ?? null;

    call.groupKey = p.run_id ?? null;
    call.direction = out.call_type === "inbound" || out.call_type === "outbound" ? out.call_type : null;
    call.status = taskDone ? toStatus(out.call_status ?? connectStatus) : "in_progress";
    call.endedAt = endedAt;
    call.durationSec = out.duration ?? secondsBetween(startedAt, endedAt);
    call.customer = {
      phone: toE164(firstText(input.contact_number, input.phone, input.phone_number), ctx.defaultRegion),
      name: firstText(input.name, input.contact_name),
      email: firstText(input.email),
      company: firstText(input.company_name, input.company),
    };
    call.agent = { name: firstText(input.agent_name), id: firstText(input.agent_id, input.agent) };
    call.campaign = firstText(input.campaign, input.campaign_name);
    call.recordingUrl = out.recording_url ?? null;
    call.transcript = (out.transcript ?? []).flatMap((t) => {
      const content = t.content ?? t.text;
      return content ? [{ role: toRole(t.role), text: content, atMs: offsetMs(t.timestamp, startedAt) }] : [];
    });
    call.summary = nested?.summary ?? (typeof pcd.summary === "string" ? pcd.summary : null);
    call.sentiment = toSentiment(prof.tone);
    call.outcomeRaw = prof.outcome ?? connectStatus;
    call.outcome = toCallOutcome(call.status, call.outcomeRaw);
    call.interestLevel = prof.interest_level ?? null;
    call.labels = pcd.classification?.labels ?? pcd.labels ?? [];
    call.nextAction = prof.next_action ?? null;
    call.callbackAt = toDate(nested?.callback_datetime ?? pcd.callback_datetime);
    call.variables = {
      ...input,
      ...(prof.engagement ? { engagement: prof.engagement } : {}),
      ...(connectStatus ? { connection: connectStatus } : {}),
      ...(out.call_id && p.task_id ? { call_id: out.call_id } : {}),
    };
    call.eventAt = endedAt ?? startedAt ?? ctx.receivedAt;
    return call;
  },
});
