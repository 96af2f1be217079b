// The canonical values, free of zod so that browser code can import them cheaply.

export const CALL_STATUSES = ["completed", "no_answer", "busy", "failed", "voicemail", "in_progress", "unknown"] as const;
export const SENTIMENTS = ["positive", "neutral", "negative", "mixed"] as const;
export const OUTCOMES = [
  "meeting_scheduled",
  "callback_requested",
  "interested",
  "not_interested",
  "no_answer",
  "voicemail",
  "busy",
  "failed",
  "other",
] as const;
export const DIRECTIONS = ["inbound", "outbound"] as const;
export const TURN_ROLES = ["agent", "customer", "system"] as const;

export type CallStatus = (typeof CALL_STATUSES)[number];
export type Sentiment = (typeof SENTIMENTS)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type Direction = (typeof DIRECTIONS)[number];
