import type { CallDetail } from "@/lib/calls/schemas";

// The call a "send test" delivers: plainly a sample, with every field a
// destination shows filled in, so that an admin sees the whole layout.

export function sampleCall(now = new Date()): CallDetail {
  const started = new Date(now.getTime() - 5 * 60_000);
  return {
    id: "00000000-0000-7000-8000-000000000000",
    provider: "cllr",
    source: "sample",
    externalId: "sample-call",
    groupKey: null,
    attempt: null,
    direction: "outbound",
    status: "completed",
    startedAt: started.toISOString(),
    endedAt: now.toISOString(),
    durationSec: 300,
    customer: { name: "Sample Customer (test)", phone: "+15555550100", email: "sample@example.com", company: "Example Inc." },
    agent: "Sample agent",
    campaign: "Test",
    summary: "This is a test message. The customer asked for pricing for 20 seats and wants a demo next week.",
    sentiment: "positive",
    outcome: "meeting_scheduled",
    outcomeRaw: "Demo booked",
    interestLevel: "High",
    score: 90,
    leadScore: 92,
    isHot: true,
    labels: ["hot", "decision maker"],
    nextAction: "Send the pricing sheet and confirm the demo.",
    callbackAt: new Date(now.getTime() + 24 * 3600_000).toISOString(),
    costAmount: null,
    costCurrency: null,
    hasRecording: false,
    hasTranscript: false,
    agentId: null,
    vendorAgentName: null,
    line: null,
    contactId: null,
    billedSec: null,
    transcript: [],
    transcriptPending: false,
    transcriptError: null,
    variables: {},
    leadSignals: [],
    rawEventIds: [],
    rawEventCount: 0,
    isTest: true,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}
