import { endOf, isConnected as connected, type Scenario } from "@/lib/demo/scenario";

// A scenario as HubTalk posts one dial attempt, with all four transcript forms.

export function hubtalkSample(s: Scenario) {
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
