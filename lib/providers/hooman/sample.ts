import { isConnected as connected, type Scenario } from "@/lib/demo/scenario";

// A scenario as Hooman Labs posts its default post-call object.

export function hoomanSample(s: Scenario) {
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
