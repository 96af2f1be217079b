import { db } from "@/lib/db/client";
import { keyCountsWritten } from "@/lib/calls/variables/count-soon";
import { pool } from "@/lib/db/pool";
import { processRawEvent } from "@/lib/ingest/process";
import { storeTranscript } from "@/lib/ingest/transcript-fetch";
import { hasCapability, PROVIDER_IDS } from "@/lib/providers/lookup";
import { samplePayload } from "@/lib/providers/modules";
import { keepRecording } from "@/lib/recordings/keep";
import { scenario } from "./scenario";
import { spokenAudio, spokenCallFor, spokenTurnsWithEnds, withSpokenCall } from "./spoken";

// Demo calls enter the real pipeline at step 2 (a stored raw event), exactly
// like the Unpod poller: raw event, adapter, call, contact, rollup. Connected
// calls speak: each takes one of the spoken demo clips (lib/demo/spoken.ts),
// which enters the recording archive as a downloaded recording would.

/** `first`: the number of the first synthetic call (another range makes other calls, not resends of these). */
export async function seedDemoCalls(count: number, onProgress: (done: number) => void = () => {}, { first = 0 } = {}): Promise<number> {
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
      const provider = PROVIDER_IDS[(first + i) % PROVIDER_IDS.length];
      const source = bySlug.get(provider);
      if (!source) continue;
      const generated = scenario(1, first + i, { now, days: 90 });
      const clip = spokenCallFor(generated);
      const call = clip ? withSpokenCall(generated, clip) : generated;
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
        // Through the fetch job's own step, so the call gets its talk metrics and talk time as a fetched file would give.
        // A spoken clip's lines end where its audio pauses: a file with end times, which Cllr's can be.
        await storeTranscript(
          result.callId,
          clip ? spokenTurnsWithEnds(clip) : call.turns.map((t) => ({ role: t.role, text: t.text, atMs: Math.round(t.atSec * 1000) })),
        );
      }
      // The vendor's address is made up: put in place what the archive job would have downloaded.
      if (clip && result.kind === "stored") await keepRecording(result.callId, spokenAudio(clip));
      if (++done % 250 === 0) onProgress(done);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  onProgress(done);
  // The calls' variable keys are counted after each save, in batches: all of them before the seed says it is done.
  await keyCountsWritten();
  return done;
}
