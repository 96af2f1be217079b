import type { ProviderId } from "@/lib/providers/types";
import type { Scenario } from "./scenario";

// A scenario in each vendor's own payload shape, quirks included, as their
// docs describe them (tests/fixtures holds the docs' own examples).

const naive = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "000"); // Unpod: no zone, microseconds
const statusWord = { no_answer: "no-answer", voicemail: "voicemail", busy: "busy" } as Record<string, string>;
const connected = (s: Scenario) => s.turns.length > 0;
const endOf = (s: Scenario) => new Date(s.startedAt.getTime() + s.durationSec * 1000);

function unpod(s: Scenario) {
  return {
    task_id: `task_${s.seq}`,
    run_id: `run_${Math.floor(s.seq / 50)}`,
    status: "completed",
    input: { name: `${s.customer.first} ${s.customer.last}`, contact_number: s.customer.phone, company_name: s.customer.company, campaign: s.campaign },
    output: {
      call_id: String(675272289779974401n + BigInt(s.seq)),
      call_type: s.direction,
      call_status: connected(s) ? "completed" : (statusWord[s.kind] ?? "failed"),
      start_time: naive(s.startedAt),
      end_time: naive(endOf(s)),
      duration: s.durationSec,
      recording_url: connected(s) ? `https://storage.example.com/unpod/${s.seq}.ogg` : null,
      transcript: s.turns.map((t) => ({
        role: t.role === "agent" ? "assistant" : "user",
        content: t.text,
        timestamp: naive(new Date(s.startedAt.getTime() + t.atSec * 1000)),
      })),
      post_call_data: {
        summary: {
          status: connected(s) ? "Connected" : "Not Connected",
          summary: s.summary,
          callback_datetime: s.callbackAt?.toISOString().slice(0, 19) ?? null,
        },
        profile_summary: {
          tone: s.sentiment,
          engagement: connected(s) ? "High" : "None",
          interest_level: s.interest,
          outcome: s.outcome,
          next_action: s.nextAction,
        },
        classification: { labels: s.kind === "meeting" ? ["Interested", "Decision Maker"] : s.kind === "interested" ? ["Interested"] : [] },
      },
    },
  };
}

function cllr(s: Scenario) {
  const p = s.customer.phone;
  return {
    callId: (0x693bff62619c51fac21acf50n + BigInt(s.seq)).toString(16),
    recordingUri: connected(s) ? `https://storage.example.com/recordings/${s.seq}/call_recording.ogg` : undefined,
    transcriptUri: connected(s) ? `https://storage.example.com/transcripts/transcript_${s.seq}.json` : undefined,
    callerDetails: {
      name: `${s.customer.first} ${s.customer.last}`,
      phoneNumber: p.startsWith("+1") ? `+1-${p.slice(2, 5)}-${p.slice(5, 8)}-${p.slice(8)}` : p,
      email: s.customer.email,
      company: s.customer.company,
      scheduledTime: s.callbackAt?.toISOString(),
      language: "English",
    },
    callAnalysis: { summary: s.summary, mood: s.sentiment, score: s.score, callOutcome: s.outcome, classification: "Sales Inquiry" },
  };
}

function hooman(s: Scenario) {
  const ours = "+15557654321";
  return {
    analysis: { results: { summary: s.summary, interest_level: s.interest, sentiment: s.sentiment, next_action: s.nextAction } },
    callInfo: {
      from: s.direction === "inbound" ? s.customer.phone : ours,
      to: s.direction === "inbound" ? ours : s.customer.phone,
      type: s.direction,
      recording: connected(s) ? `https://recordings.example.com/${s.seq}.mp3` : "",
      callSid: `CA${String(s.seq).padStart(32, "0")}`,
      endReason: connected(s) ? "customer-ended-call" : s.kind,
      ...(s.direction === "outbound" ? { task: `task_${Math.floor(s.seq / 3)}`, campaign: s.campaign, attempt: 1 } : {}),
      provider: "twilio",
    },
    outcome: s.outcome.toLowerCase().replaceAll(" ", "_"),
    agent: `agent_${s.agent.toLowerCase()}`,
    duration: s.durationSec,
    price: Math.round(s.durationSec * 0.12 * 100) / 100,
    beginTimestamp: s.startedAt.getTime(),
    context: { name: `${s.customer.first} ${s.customer.last}`, company: s.customer.company },
    stats: { turns: s.turns.length },
    transcript: s.turns.map((t) => ({ role: t.role === "agent" ? "assistant" : "user", content: t.text, timestamp: s.startedAt.getTime() + t.atSec * 1000 })),
  };
}

function autocalls(s: Scenario) {
  const campaign = { id: 40 + (s.seq % 5), name: s.campaign, status: "active" };
  const lead = {
    id: 9000 + s.seq,
    phone_number: s.customer.phone,
    variables: { name: `${s.customer.first} ${s.customer.last}`, company: s.customer.company },
    status: "called",
  };
  return {
    id: 100_000 + s.seq,
    customer_phone: s.customer.phone,
    assistant_phone: "+15550001111",
    duration: s.durationSec,
    status: connected(s) ? "completed" : s.kind === "busy" ? "busy" : "no-answer",
    extracted_variables: {
      status: s.kind === "meeting" || s.kind === "interested",
      summary: s.summary,
      interest_level: s.interest,
      // Custom post-call variables, as an account would define them.
      call_outcome: s.outcome,
      sentiment: s.sentiment.toLowerCase(),
      next_action: s.nextAction,
      ...(s.callbackAt ? { callback_time: s.callbackAt.toISOString() } : {}),
    },
    input_variables: { name: `${s.customer.first} ${s.customer.last}` },
    transcript: s.turns.map((t) => `${t.role === "agent" ? "AI" : "User"}: ${t.text}`).join("\n"),
    recording_url: connected(s) ? `https://autocalls.example.com/rec/${s.seq}.mp3` : undefined,
    created_at: s.startedAt.toISOString(),
    finished_at: endOf(s).toISOString(),
    // The campaign is top-level for some accounts and nested in the lead for others.
    ...(s.seq % 2 ? { lead, campaign } : { lead: { ...lead, campaign } }),
  };
}

function hubtalk(s: Scenario) {
  const uuid = (n: number, tag: string) => `${tag}${String(n).padStart(8, "0")}-0000-4000-8000-000000000000`.slice(0, 36);
  const status = { no_answer: "NO_ANSWER", busy: "BUSY", voicemail: "NO_ANSWER" }[s.kind as string] ?? "ANSWERED";
  const full = s.turns.map((t) => `${t.role === "agent" ? "assistant" : "user"}: ${t.text}`).join("\n");
  return {
    call_event_uuid: uuid(s.seq, "e"),
    call_type: s.direction,
    call_uuid: uuid(Math.floor(s.seq / 2), "c"),
    phone_number: s.customer.phone.slice(1),
    call_status: connected(s) ? "COMPLETED" : "FAILED",
    agent_wb_name: s.agent,
    agent_uuid: "95d82074-134e-44ef-aef7-4e390a8f1745",
    call_campaign_uuid: s.campaign,
    attempt_number: 1 + (s.seq % 2),
    status,
    call_datetime: s.startedAt.toISOString().replace(/\.\d{3}/, ""),
    end_datetime: endOf(s)
      .toISOString()
      .replace(/\.\d{3}/, ""),
    duration: s.durationSec,
    bill_duration: Math.max(0, s.durationSec - 4),
    initial_language: "EN",
    final_language: "EN",
    voice_gender: "FEMALE",
    result: connected(s) ? "CALL_ANSWERED_INFORMATION_TRANSFERRED" : `CALL_${status}`,
    final_result: connected(s) ? (s.kind === "not_interested" ? "NOT_INTERESTED" : s.outcome.toUpperCase().replaceAll(" ", "_")) : `CALL_${status}`,
    audio_recording_url: connected(s) ? `2026/02/02/10/${uuid(s.seq, "e")}.mp3` : "",
    full_transcript: full,
    conversation: {
      assistant: s.turns.filter((t) => t.role === "agent").map((t) => t.text),
      user: s.turns.filter((t) => t.role === "customer").map((t) => t.text),
    },
    mapped_answers: { messages: s.turns.map((t) => ({ role: t.role === "agent" ? "assistant" : "user", content: t.text, timestamp: "" })) },
    summary: s.summary,
    sentiment_analysis: s.sentiment.toLowerCase(),
    analytics_data: { reports: { dynamic_reports: { reports: [{ name: "interest_level", uuid: "r1", content: s.interest, result: s.interest }] } } },
    extra_variables: [{ name: "clientName", value: `${s.customer.first} ${s.customer.last}`, column_number: 20 }],
    answers: {},
    last_answer: s.turns.filter((t) => t.role === "customer").at(-1)?.text ?? "",
    text_detail: full,
    answer: full,
  };
}

export const payloadFor: Record<ProviderId, (s: Scenario) => Record<string, unknown>> = { unpod, cllr, hooman, autocalls, hubtalk };
