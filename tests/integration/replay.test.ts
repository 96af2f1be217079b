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

  it("keeps a webhook whose call the database refused, as failed, and stores it on replay", async () => {
    const id = uniq("refused");
    // Stands in for any fault of the save (a constraint, a bug): the call's insert fails for this one id.
    await sql(`CREATE FUNCTION refuse_test_call() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.external_id = '${id}' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`);
    await sql("CREATE TRIGGER refuse_test_call BEFORE INSERT ON calls FOR EACH ROW EXECUTE FUNCTION refuse_test_call()");
    let eventId: string;
    try {
      const res = await sendWebhook("cllr", { ...fixture<Record<string, unknown>>("cllr/example.json"), callId: id, transcriptUri: undefined });
      expect(res.status).toBe(422);
      ({ eventId } = await jsonOf<WebhookAnswer>(res));
      const [event] = await sql<{ status: string; error: string; body: Buffer }>("SELECT status, error, body FROM raw_events WHERE id = $1", [eventId]);
      expect(event).toMatchObject({ status: "failed", error: "Internal error while processing the event." });
      expect(JSON.parse(event.body.toString("utf8"))).toMatchObject({ callId: id });
      expect(await sql("SELECT 1 FROM calls WHERE external_id = $1", [id])).toEqual([]);
    } finally {
      await sql("DROP TRIGGER refuse_test_call ON calls");
      await sql("DROP FUNCTION refuse_test_call()");
    }
    expect(await replayRawEvent(eventId)).toMatchObject({ kind: "stored" });
    expect(await sql("SELECT 1 FROM calls WHERE external_id = $1", [id])).toHaveLength(1);
  });

  it("saves a webhook whose first try ran into a deadlock, once, on a second try", async () => {
    const id = uniq("deadlock");
    // A sequence is not rolled back with the statement: only the first try is refused.
    await sql("CREATE SEQUENCE deadlock_test_tries");
    await sql(`CREATE FUNCTION deadlock_test_call() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.external_id = '${id}' AND nextval('deadlock_test_tries') = 1 THEN
        RAISE EXCEPTION 'deadlock detected (for the test)' USING ERRCODE = '40P01'; END IF; RETURN NEW; END $$`);
    await sql("CREATE TRIGGER deadlock_test_call BEFORE INSERT ON calls FOR EACH ROW EXECUTE FUNCTION deadlock_test_call()");
    try {
      const res = await sendWebhook("cllr", { ...fixture<Record<string, unknown>>("cllr/example.json"), callId: id, transcriptUri: undefined });
      expect(res.status).toBe(202);
      const { eventId, callId } = await jsonOf<WebhookAnswer>(res);
      expect(await sql("SELECT status, call_id FROM raw_events WHERE id = $1", [eventId])).toEqual([{ status: "stored", call_id: callId }]);
      expect(await sql("SELECT id FROM calls WHERE external_id = $1", [id])).toEqual([{ id: callId }]);
    } finally {
      await sql("DROP TRIGGER deadlock_test_call ON calls");
      await sql("DROP FUNCTION deadlock_test_call()");
      await sql("DROP SEQUENCE deadlock_test_tries");
    }
  });
});
