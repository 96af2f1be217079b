import type { Turn } from "../canonical";
import { offsetMs, toRole, turnsFromLines } from "../normalize";

// Cllr sends its transcript only as a URL to a JSON file whose layout its docs
// leave open. Seen and accepted: an array of turns, or an object holding one
// under transcript / messages / turns / utterances / segments / conversation;
// or plain text ("Agent: …" lines). A turn names its speaker in role / speaker
// / from / participant and its words in text / content / message / utterance,
// with an optional start in seconds (start, start_time, offset, timestamp) or
// milliseconds (startMs, start_ms), and an optional end the same ways (end,
// end_time, endMs, ...), or a duration (seconds, or durationMs), or the end of
// its last word (Whisper/Deepgram-style segments with `words: [{start, end}]`):
// the end lets talk metrics see interruptions and silences.

const LIST_KEYS = ["transcript", "messages", "turns", "utterances", "segments", "conversation"];
const ROLE_KEYS = ["role", "speaker", "from", "participant", "author"];
const TEXT_KEYS = ["text", "content", "message", "utterance", "words"];
const SECONDS_KEYS = ["start", "start_time", "startTime", "offset", "timestamp", "time"];
const MS_KEYS = ["startMs", "start_ms", "offsetMs", "offset_ms"];
const END_SECONDS_KEYS = ["end", "end_time", "endTime"];
const END_MS_KEYS = ["endMs", "end_ms"];
const DURATION_SECONDS_KEYS = ["duration", "duration_sec"];
const DURATION_MS_KEYS = ["durationMs", "duration_ms"];

function pick(record: Record<string, unknown>, keys: string[]): unknown {
  for (const key of keys) if (record[key] !== undefined && record[key] !== null) return record[key];
  return undefined;
}

function turnOf(item: unknown, startedAt: Date | null): Turn | null {
  if (!item || typeof item !== "object") return null;
  const record = item as Record<string, unknown>;
  const text = pick(record, TEXT_KEYS);
  if (typeof text !== "string" || !text.trim()) return null;
  const role = pick(record, ROLE_KEYS);
  const ms = pick(record, MS_KEYS);
  const at = typeof ms === "number" ? ms : offsetMs(pick(record, SECONDS_KEYS) as string | number | undefined, startedAt);
  const end = at === undefined ? undefined : endOf(record, at, startedAt);
  return {
    role: toRole(typeof role === "string" ? role : null),
    text: text.trim(),
    ...(at !== undefined ? { atMs: at } : {}),
    ...(end !== undefined ? { endMs: end } : {}),
  };
}

const msOrUndefined = (v: unknown) => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? Math.round(v) : undefined);

/** The turn's end in ms from the call's start, when the file gives one at or after its start. */
function endOf(record: Record<string, unknown>, atMs: number, startedAt: Date | null): number | undefined {
  const words: unknown[] = Array.isArray(record.words) ? (record.words as unknown[]) : [];
  const lastWord = words.at(-1);
  const wordEnd = lastWord && typeof lastWord === "object" ? (lastWord as Record<string, unknown>).end : undefined;
  const seconds = pick(record, END_SECONDS_KEYS) ?? wordEnd;
  const durationSec = pick(record, DURATION_SECONDS_KEYS);
  const durationMs = pick(record, DURATION_MS_KEYS);
  const end =
    msOrUndefined(pick(record, END_MS_KEYS)) ??
    (typeof seconds === "number" || typeof seconds === "string" ? offsetMs(seconds, startedAt) : undefined) ??
    (typeof durationSec === "number" ? msOrUndefined(atMs + durationSec * 1000) : undefined) ??
    (typeof durationMs === "number" ? msOrUndefined(atMs + durationMs) : undefined);
  return end !== undefined && end >= atMs ? end : undefined;
}

/** The turns in a transcript file, or null when its layout is not one of the above. */
export function cllrTranscriptTurns(json: unknown, startedAt: Date | null): Turn[] | null {
  if (typeof json === "string") return turnsFromLines(json);
  let list: unknown = json;
  if (json && typeof json === "object" && !Array.isArray(json)) {
    list = pick(json as Record<string, unknown>, LIST_KEYS);
    if (typeof list === "string") return turnsFromLines(list);
  }
  if (!Array.isArray(list)) return null;
  return list.map((item) => turnOf(item, startedAt)).filter((t): t is Turn => t !== null);
}
