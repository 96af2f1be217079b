import { db } from "@/lib/db/client";
import { pool } from "@/lib/db/pool";
import { processRawEvent } from "@/lib/ingest/process";
import { hasCapability, PROVIDER_IDS } from "@/lib/providers/lookup";
import { samplePayload } from "@/lib/providers/modules";
import { scenario } from "./scenario";

// Demo calls enter the real pipeline at step 2 (a stored raw event), exactly
// like the Unpod poller: raw event, adapter, call, contact, rollup.

export async function seedDemoCalls(count: number, onProgress: (done: number) => void = () => {}): Promise<number> {
  const sources = await db.source.findMany({
    where: { slug: { in: [...PROVIDER_IDS] } },
    select: { id: true, slug: true, provider: true, defaultRegion: true },
  });
  const bySlug = new Map(sources.map((s) => [s.slug, s]));
  const now = new Date();
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const provider = PROVIDER_IDS[i % PROVIDER_IDS.length];
      const source = bySlug.get(provider);
      if (!source) continue;
      const call = scenario(1, i, { now, days: 90 });
      const body = new TextEncoder().encode(JSON.stringify(samplePayload(provider, call)));
      // Vendors post right after the call ends; Cllr's calls are timed by that arrival.
      const receivedAt = new Date(call.startedAt.getTime() + call.durationSec * 1000 + 2000);
      const event = await db.rawEvent.create({
        data: {
          sourceId: source.id,
          receivedAt,
          method: "POST",
          headers: { "content-type": "application/json", "user-agent": "demo-data" },
          query: {},
          body,
        },
        select: { id: true, receivedAt: true },
      });
      // An event that cannot be stored (a full disk, say) stops the seed with its own error, once, not a log line per call.
      const result = await processRawEvent({ ...event, method: "POST", query: {}, body }, source, { followUps: false, throwOnError: true });
      // What the team already followed up is marked done, as a manager would have, so the queue holds recent work.
      if (call.handledAt && result.kind === "stored") {
        await pool.query("UPDATE calls SET handled_at = $2 WHERE id = $1", [result.callId, call.handledAt]);
      }
      // Transcript files (Cllr's) live at made-up addresses: put in place what the fetch job would have read.
      if (hasCapability(provider, "transcriptByUrl") && result.kind === "stored" && call.turns.length > 0) {
        const turns = call.turns.map((t) => ({ role: t.role, text: t.text, atMs: t.atSec * 1000 }));
        await pool.query(
          "INSERT INTO transcripts (call_id, turns, language, updated_at) SELECT id, $2, language, now() FROM calls WHERE id = $1 ON CONFLICT (call_id) DO NOTHING",
          [result.callId, JSON.stringify(turns)],
        );
      }
      if (++done % 250 === 0) onProgress(done);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  onProgress(done);
  return done;
}
