import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import type { CallStatus, Outcome, Sentiment, Turn } from "./canonical";

// Pure helpers shared by the adapters: times, phones, and vendor words mapped
// to canonical categories.

/**
 * Reads a vendor timestamp. Text without a zone is UTC (Unpod's naive times);
 * numbers (or numeric text) are epoch milliseconds when large, else seconds.
 */
export function toDate(value: string | number | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || /^\d{9,}(\.\d+)?$/.test(value.trim())) {
    const n = Number(value);
    const d = new Date(n >= 1e11 ? n : n * 1000);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  let s = value.trim().replace(" ", "T");
  const hasZone = /([zZ]|[+-]\d{2}:?\d{2})$/.test(s);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s) && !hasZone) s += "Z";
  // JavaScript keeps milliseconds only; Unpod sends microseconds.
  s = s.replace(/(\.\d{3})\d+/, "$1");
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * A phone number in E.164, or null when it is not a possible number.
 * Numbers without a country code are read in the source's region.
 */
export function toE164(raw: string | null | undefined, region: string): string | null {
  if (!raw) return null;
  const cleaned = raw.trim();
  if (!/\d/.test(cleaned)) return null;
  const parsed = parsePhoneNumberFromString(cleaned, region.toUpperCase() as CountryCode);
  return parsed?.isPossible() ? parsed.number : null;
}

const has = (s: string, ...words: string[]) => words.some((w) => s.includes(w));
/** Lower case, with _ and - as spaces: "Call_Back" and "call back" read the same. */
export const squash = (s: string) =>
  s
    .toLowerCase()
    .replace(/[_\-\s]+/g, " ")
    .trim();

export function toSentiment(raw: string | null | undefined): Sentiment | null {
  if (!raw) return null;
  const s = squash(raw);
  if (has(s, "mixed")) return "mixed";
  if (has(s, "negative", "angry", "frustrat", "upset", "annoyed", "hostile", "unhappy", "dissatisf")) return "negative";
  if (has(s, "positive", "happy", "satisf", "excited", "enthusias", "pleased", "friendly", "good")) return "positive";
  if (has(s, "neutral", "calm", "indifferent", "polite", "professional")) return "neutral";
  return null;
}

/** Maps a vendor's outcome words to a canonical category; null when there is nothing to map. */
export function toOutcome(raw: string | null | undefined): Outcome | null {
  if (!raw) return null;
  const s = squash(raw);
  if (has(s, "not interested", "unqualified", "not qualified", "rejected", "declined", "do not call", "dnc", "wrong number")) return "not_interested";
  if (has(s, "meeting", "demo", "appointment", "booked", "scheduled")) return "meeting_scheduled";
  if (has(s, "callback", "call back", "call later", "follow up", "follow-up")) return "callback_requested";
  if (has(s, "voicemail", "voice mail", "answering machine")) return "voicemail";
  if (has(s, "no answer", "not connected", "unanswered", "not answered", "no response")) return "no_answer";
  if (has(s, "busy")) return "busy";
  if (has(s, "interested", "qualified", "hot lead", "warm lead", "information transferred")) return "interested";
  if (has(s, "fail", "error")) return "failed";
  return "other";
}

/** Maps a vendor's call status words to a canonical status. */
export function toStatus(raw: string | null | undefined): CallStatus {
  if (!raw) return "unknown";
  const s = squash(raw);
  if (has(s, "voicemail", "machine")) return "voicemail";
  if (has(s, "no answer", "noanswer", "not answered", "unanswered", "not connected", "missed")) return "no_answer";
  if (has(s, "busy")) return "busy";
  if (has(s, "fail", "error", "cancel", "reject")) return "failed";
  if (has(s, "progress", "pending", "queued", "ringing", "running", "initiated", "ongoing")) return "in_progress";
  if (has(s, "complet", "answered", "connected", "ended", "finished", "success", "done")) return "completed";
  return "unknown";
}

/** A call that never connected has that as its outcome, whatever text came with it. */
export function toCallOutcome(status: CallStatus, raw: string | null | undefined): Outcome | null {
  return outcomeFromStatus(status) ?? toOutcome(raw);
}

function outcomeFromStatus(status: CallStatus): Outcome | null {
  switch (status) {
    case "no_answer":
    case "busy":
    case "failed":
    case "voicemail":
      return status;
    case "completed":
    case "in_progress":
    case "unknown":
      return null;
  }
}

export function toRole(raw: string | null | undefined): Turn["role"] {
  const s = (raw ?? "").toLowerCase().trim();
  if (["user", "customer", "human", "client", "caller", "callee", "lead", "contact"].includes(s)) return "customer";
  if (["assistant", "agent", "bot", "ai", "operator", "model"].includes(s)) return "agent";
  return "system";
}

/** Parses "role: text" lines (a line without a role continues the previous turn). */
export function turnsFromLines(transcript: string): Turn[] {
  const turns: Turn[] = [];
  for (const line of transcript.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const m = /^\s*([A-Za-z][\w ]{0,20}?)\s*:\s?(.*)$/.exec(line);
    const role = m ? toRole(m[1]) : null;
    if (role && role !== "system") turns.push({ role, text: m![2].trim() });
    else if (turns.length > 0) turns[turns.length - 1].text += `\n${line.trim()}`;
    else turns.push({ role: "system", text: line.trim() });
  }
  return turns;
}

/** Milliseconds from the call's start for a turn's timestamp, when one can be worked out. */
export function offsetMs(at: string | number | null | undefined, startedAt: Date | null): number | undefined {
  if (at === null || at === undefined || at === "") return undefined;
  if (typeof at === "number" && at < 1e9) return Math.round(at * 1000); // seconds from the start
  const when = toDate(at);
  if (!when || !startedAt) return undefined;
  const ms = when.getTime() - startedAt.getTime();
  return ms >= 0 ? ms : undefined;
}

export function secondsBetween(start: Date | null, end: Date | null): number | null {
  if (!start || !end) return null;
  const s = Math.round((end.getTime() - start.getTime()) / 1000);
  return s >= 0 ? s : null;
}

/** First non-empty string among values (vendor fields with several spellings). */
export function firstText(...values: unknown[]): string | null {
  for (const v of values) {
    if (typeof v === "string" && v.trim()) return v.trim();
    if (typeof v === "number") return String(v);
  }
  return null;
}
