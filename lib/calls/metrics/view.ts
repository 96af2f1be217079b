import type { CallMetrics, Timing } from "./compute";

// The metrics as the API and the call page show them: seconds to one decimal,
// the talk ratio (the agent's share of the talk) 0..1 to two decimals.

export interface TalkMetrics {
  agentTalkSec: number;
  customerTalkSec: number;
  talkRatio: number | null;
  longestMonologueSec: number;
  longestCustomerSec: number;
  interruptions: number | null;
  silenceSec: number | null;
  agentQuestions: number;
  wordsPerMinute: number | null;
  timing: Timing;
}

const sec = (ms: number) => Math.round(ms / 100) / 10;

export function talkMetricsView(m: CallMetrics): TalkMetrics {
  const talkMs = m.agentTalkMs + m.customerTalkMs;
  return {
    agentTalkSec: sec(m.agentTalkMs),
    customerTalkSec: sec(m.customerTalkMs),
    talkRatio: talkMs > 0 ? Math.round((100 * m.agentTalkMs) / talkMs) / 100 : null,
    longestMonologueSec: sec(m.longestMonologueMs),
    longestCustomerSec: sec(m.longestCustomerMs),
    interruptions: m.interruptions,
    silenceSec: m.silenceMs === null ? null : sec(m.silenceMs),
    agentQuestions: m.agentQuestions,
    wordsPerMinute: m.wordsPerMinute,
    timing: m.timing,
  };
}
