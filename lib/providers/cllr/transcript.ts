import type { Turn } from "../canonical";
import { offsetMs, toRole, turnsFromLines } from "../normalize";

// Cllr sends its transcript only as a URL to a JSON file whose layout its docs
// leave open. Seen and accepted: an array of turns, or an object holding one
// under transcript / messages / turns / utterances / segments / conversation;
// or plain text ("Agent: …" lines). A turn names its speaker in role / speaker
// / from / participant and its words in text / content / message / utterance,
// with an optional start in seconds (start, start_time, offset, timestamp) or
// milliseconds (startMs, start_ms).

const LIST_KEYS = ["transcript", "messages", "turns", "utterances", "segments", "conversation"];
const ROLE_KEYS = ["role", "speaker", "from", "participant", "author"];
const TEXT_KEYS = ["text", "content", "message", "utterance", "words"];
const SECONDS_KEYS = ["start", "start_time", "startTime", "offset", "timestamp", "time"];
const MS_KEYS = ["startMs", "start_ms", "offsetMs", "offset_ms"];

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
  return { role: toRole(typeof role === "string" ? role : null), text: text.trim(), ...(at !== undefined ? { atMs: at } : {}) };
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
