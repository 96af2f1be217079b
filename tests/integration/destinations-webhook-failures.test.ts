import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ADMIN } from "../support/credentials";
import { createDestination, deleteDestination, deliveryOfCall, destination, sendAutocallsCall } from "../support/destinations";
import { sql } from "../support/http";
import { startReceiver, type Receiver } from "../support/receiver";
import { asUser } from "../support/session";
import { settled, startWebhookSetup, stopWebhookSetup, type WebhookSetup } from "../support/webhook-destination";

// Webhook destinations when things go wrong: a receiver that is gone or keeps
// failing turns the destination off, a secret no key can open fails the
// delivery, a move to another host needs the secret again, and private
// addresses are refused (destinations-webhook-delivery.test.ts covers delivery).

let receiver: Receiver;
let source: { id: string; slug: string };
let hook: { id: string; secret?: string };
let setup: WebhookSetup;

beforeAll(async () => {
  setup = await startWebhookSetup();
  ({ receiver, source, hook } = setup);
});
afterAll(() => stopWebhookSetup(setup));

describe("webhook destinations that fail or are refused", () => {
  it("turns the destination off when the receiver answers 410 Gone", async () => {
    const gone = await startReceiver({ status: 410, body: "endpoint removed" });
    const doomed = await createDestination({
      kind: "webhook",
      name: "Old endpoint",
      config: { url: gone.url },
      rules: { calls: "all", sourceIds: [source.id] },
    });
    const callId = await sendAutocallsCall(source.slug);
    await settled(doomed.id, callId).toBe("failed");
    expect(gone.requests).toHaveLength(1);
    expect(await destination(doomed.id)).toMatchObject({ enabled: false, disabledReason: expect.stringContaining("410") });
    // Nothing more goes to it.
    const later = await sendAutocallsCall(source.slug);
    await settled(hook.id, later).toBe("delivered");
    expect(await deliveryOfCall(doomed.id, later)).toBeUndefined();
    await deleteDestination(doomed.id);
    await gone.close();
  });

  it("turns the destination off after 20 failed attempts in a row", async () => {
    const broken = await startReceiver({ status: 500, body: "internal error" });
    const d = await createDestination({ kind: "webhook", name: "Broken", config: { url: broken.url }, rules: { calls: "all", sourceIds: [source.id] } });
    // 19 failures already behind it, across earlier deliveries.
    await sql("UPDATE destinations SET consecutive_failures = 19 WHERE id = $1", [d.id]);
    const callId = await sendAutocallsCall(source.slug);
    await settled(d.id, callId).toBe("failed");
    expect(broken.requests).toHaveLength(1);
    expect(await destination(d.id)).toMatchObject({
      enabled: false,
      consecutiveFailures: 20,
      disabledReason: expect.stringContaining("20 failed attempts in a row; the last answer: HTTP 500"),
    });
    await deleteDestination(d.id);
    await broken.close();
  });

  it("fails a delivery whose saved secret no key can open, and says why", async () => {
    const d = await createDestination({
      kind: "webhook",
      name: "Old key",
      config: { url: `${receiver.url}/old-key` },
      rules: { calls: "all", sourceIds: [source.id] },
    });
    // As if SECRETS_KEY had been replaced without keeping the old one as SECRETS_KEY_PREVIOUS.
    await sql(`UPDATE destinations SET config = jsonb_set(config, '{secret}', '"enc:v1:00000000:AAAA:AAAA:AAAA"') WHERE id = $1`, [d.id]);
    const callId = await sendAutocallsCall(source.slug);
    await settled(d.id, callId).toBe("failed");
    expect((await deliveryOfCall(d.id, callId))!).toMatchObject({ attempts: 1, responseExcerpt: expect.stringContaining("saved settings cannot be read") });
    expect(receiver.requests.filter((r) => r.path === "/old-key")).toHaveLength(0);
    await deleteDestination(d.id);
  });

  it("asks for the signing secret again when the URL moves to another host, and keeps delivering to the old one until then", async () => {
    const elsewhere = await startReceiver({ status: 204 });
    try {
      const d = await createDestination({
        kind: "webhook",
        name: "Moving",
        config: { url: `${receiver.url}/moving` },
        rules: { calls: "all", sourceIds: [source.id] },
      });
      for (const config of [{ url: `${elsewhere.url}/moving` }, { url: `${elsewhere.url}/moving`, secret: "" }]) {
        const res = await asUser(TEST_ADMIN, `/api/destinations/${d.id}`, { method: "PATCH", body: JSON.stringify({ name: "Moved", config }) });
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({
          title: "Invalid settings",
          detail: "The receiver URL moved to another host: enter the signing secret again (a saved secret never follows an address to another host).",
        });
      }
      expect(await destination(d.id)).toMatchObject({ name: "Moving", config: { url: `${receiver.url}/moving`, secret: "set" } });

      const callId = await sendAutocallsCall(source.slug);
      await settled(d.id, callId).toBe("delivered");
      expect(receiver.requests.filter((r) => r.path === "/moving")).toHaveLength(1);
      expect(elsewhere.requests).toHaveLength(0);

      // Another path on the same host keeps the secret; a new host with the secret entered again is saved.
      const samePlace = await asUser(TEST_ADMIN, `/api/destinations/${d.id}`, {
        method: "PATCH",
        body: JSON.stringify({ config: { url: `${receiver.url}/moving-v2` } }),
      });
      expect(samePlace.status).toBe(200);
      const withSecret = await asUser(TEST_ADMIN, `/api/destinations/${d.id}`, {
        method: "PATCH",
        body: JSON.stringify({ config: { url: `${elsewhere.url}/moving`, secret: d.secret } }),
      });
      expect(withSecret.status).toBe(200);
      await deleteDestination(d.id);
    } finally {
      await elsewhere.close();
    }
  });

  it("refuses private addresses in any form, without retrying", async () => {
    // On the default port: another one would be refused for its port first.
    for (const host of ["127.0.0.2", "[::ffff:127.0.0.2]", "[::1]", "[::7f00:2]", "169.254.169.254", "10.0.0.1", "0x7f000002"]) {
      const blocked = await createDestination({
        kind: "webhook",
        name: `Blocked ${host}`,
        config: { url: `http://${host}/x` },
        rules: { calls: "all", sourceIds: [source.id] },
      });
      const callId = await sendAutocallsCall(source.slug);
      await settled(blocked.id, callId).toBe("failed");
      const d = (await deliveryOfCall(blocked.id, callId))!;
      expect(d, host).toMatchObject({ attempts: 1, responseCode: null, responseExcerpt: expect.stringMatching(/not a public address/) });
      await deleteDestination(blocked.id);
    }
    expect(receiver.requests.filter((r) => r.path === "/x")).toHaveLength(0);
  });
});
