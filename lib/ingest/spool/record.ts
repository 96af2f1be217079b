import { crc32 } from "node:zlib";
import { z } from "zod";

// One spooled webhook on disk: a magic number, the payload's length and its
// CRC-32, then the payload (JSON). The magic lets a reader find the next
// record after a damaged one; the checksum tells a torn write (a crash in the
// middle of an append) from a whole record.

const MAGIC = 0x53504c31; // "SPL1"
const HEADER = 12;
/** Larger than any record can be (the body limit plus headers), so a garbled length is seen as one. */
const MAX_PAYLOAD = 64 * 1024 * 1024;

export const spooledEvent = z.object({
  /** The raw event's id, chosen when spooled: the drain inserts it once, whatever happens. */
  id: z.uuid(),
  sourceId: z.uuid(),
  receivedAt: z.iso.datetime(),
  method: z.string(),
  headers: z.record(z.string(), z.string()),
  query: z.record(z.string(), z.string()),
  /** base64 */
  body: z.string(),
});
export type SpooledEvent = z.infer<typeof spooledEvent>;

export function encodeRecord(event: SpooledEvent): Buffer {
  const payload = Buffer.from(JSON.stringify(event), "utf8");
  const header = Buffer.alloc(HEADER);
  header.writeUInt32BE(MAGIC, 0);
  header.writeUInt32BE(payload.length, 4);
  header.writeUInt32BE(crc32(payload), 8);
  return Buffer.concat([header, payload]);
}

export interface Damage {
  /** Byte offset in the file where the damaged bytes start. */
  at: number;
  /** Bytes skipped to reach the next whole record (or the end). */
  skipped: number;
}

/** The whole records of a spool file, in order; damaged stretches are skipped and reported. */
export function decodeRecords(data: Buffer, onDamage: (damage: Damage) => void): SpooledEvent[] {
  const events: SpooledEvent[] = [];
  let at = 0;
  while (at < data.length) {
    const event = recordAt(data, at);
    if (event) {
      events.push(event.value);
      at = event.next;
      continue;
    }
    const next = nextMagic(data, at + 1);
    onDamage({ at, skipped: next - at });
    at = next;
  }
  return events;
}

function recordAt(data: Buffer, at: number): { value: SpooledEvent; next: number } | null {
  if (data.length - at < HEADER || data.readUInt32BE(at) !== MAGIC) return null;
  const length = data.readUInt32BE(at + 4);
  const end = at + HEADER + length;
  if (length > MAX_PAYLOAD || end > data.length) return null;
  const payload = data.subarray(at + HEADER, end);
  if (crc32(payload) !== data.readUInt32BE(at + 8)) return null;
  try {
    const parsed = spooledEvent.safeParse(JSON.parse(payload.toString("utf8")));
    return parsed.success ? { value: parsed.data, next: end } : null;
  } catch {
    return null;
  }
}

function nextMagic(data: Buffer, from: number): number {
  const magic = Buffer.alloc(4);
  magic.writeUInt32BE(MAGIC, 0);
  const found = data.indexOf(magic, from);
  return found === -1 ? data.length : found;
}
