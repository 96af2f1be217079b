import { describe, expect, it } from "vitest";
import { replayRawEvent } from "@/lib/ingest/replay";
import { sha256 } from "@/lib/security/secrets";
import { fixture } from "../support/fixtures";
import { TEST_WEBHOOK_SECRET } from "../support/credentials";
import { jsonOf, sendWebhook, sql, uniq, type WebhookAnswer } from "../support/http";

describe("replaying a kept event", () => {
  it("maps a 422 event once its source is set to the right vendor, keeping the original bytes", async () => {
    // An admin pointed HubTalk at a source set up as Cllr.
    const slug = uniq("misconfigured");
    await sql("INSERT INTO sources (id, slug, name, provider, secret_hash, updated_at) VALUES (gen_random_uuid(), $1, $1, 'cllr', $2, now())", [
      slug,
      sha256(TEST_WEBHOOK_SECRET),
    ]);
    const payload = { ...fixture<Record<string, unknown>>("hubtalk/full-example.json"), call_event_uuid: uniq("ev") };
    const res = await sendWebhook(slug, payload);
    expect(res.status).toBe(422);
    const { eventId } = await jsonOf<WebhookAnswer>(res);

    await sql("UPDATE sources SET provider = 'hubtalk' WHERE slug = $1", [slug]);
    const result = await replayRawEvent(eventId);
    expect(result).toMatchObject({ kind: "stored", callId: expect.any(String) });

    const [event] = await sql<{ status: string; error: string | null; call_id: string }>("SELECT status, error, call_id FROM raw_events WHERE id = $1", [
      eventId,
    ]);
    expect(event).toMatchObject({ status: "stored", error: null, call_id: (result as { callId: string }).callId });
    // Replaying again changes nothing.
    expect(await replayRawEvent(eventId)).toMatchObject({ kind: "duplicate" });
  });
});
