import { isConnected as connected, type Scenario } from "@/lib/demo/scenario";

// A scenario as Cllr posts it: dashed phones, no times, the transcript as a URL.

export function cllrSample(s: Scenario) {
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
