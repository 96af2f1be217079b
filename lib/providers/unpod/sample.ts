import { endOf, isConnected as connected, type Scenario } from "@/lib/demo/scenario";

// A scenario as Unpod's task API returns it, quirks included.

const naive = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "000"); // no zone, microseconds
const statusWord = { no_answer: "no-answer", voicemail: "voicemail", busy: "busy" } as Record<string, string>;

export function unpodSample(s: Scenario) {
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
