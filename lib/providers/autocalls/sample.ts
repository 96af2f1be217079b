import { endOf, isConnected as connected, type Scenario } from "@/lib/demo/scenario";

// A scenario as Autocalls posts it after a call.

export function autocallsSample(s: Scenario) {
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
