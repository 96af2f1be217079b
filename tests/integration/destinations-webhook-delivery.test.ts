import { spawn } from "node:child_process";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { TEST_ADMIN, TEST_SECRETS_KEY } from "../support/credentials";
import { createDestination, deleteDestination, deliveryOfCall, destination, sendAutocallsCall, type DeliveryView } from "../support/destinations";
import { sql } from "../support/http";
import { startReceiver, type Receiver } from "../support/receiver";
import { asUser } from "../support/session";
import { configureSource, createSource } from "../support/sources";
import { settled, startWebhookSetup, stopWebhookSetup, verifiedWith, type WebhookSetup } from "../support/webhook-destination";

// Forwarding to a customer's own endpoint, signed with Standard Webhooks and
// verified here with the `standardwebhooks` library as a receiver would:
// delivery, retries, a crash mid-send, replays and alerts
// (destinations-webhook-failures.test.ts covers turning off and refusing).

let receiver: Receiver;
let source: { id: string; slug: string };
let hook: { id: string; secret?: string };
let setup: WebhookSetup;

beforeAll(async () => {
  setup = await startWebhookSetup();
  ({ receiver, source, hook } = setup);
});
afterAll(() => stopWebhookSetup(setup));

/** The requests the receiver got for one call. */
const requestsFor = (callId: string) => receiver.requests.filter((r) => r.body.includes(callId));

const verified = (r: Receiver["requests"][number], secret = hook.secret!) => verifiedWith(secret, r);

describe("webhook destinations", () => {
  it("answers the signing secret once, in the Standard Webhooks format", () => {
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
  });

  it("delivers the canonical call, signed, with the delivery's id as webhook-id", async () => {
    const callId = await sendAutocallsCall(source.slug);
    await settled(hook.id, callId).toBe("delivered");
    const [request] = requestsFor(callId);
    const event = verified(request);
    expect(event.type).toBe("call.forwarded");
    expect(event.data.call).toMatchObject({ id: callId, customer: { phone: "+14155550199" } });
    expect(event.data.callUrl).toMatch(new RegExp(`/calls/${callId}$`));
    const delivery = (await deliveryOfCall(hook.id, callId))!;
    expect(request.headers["webhook-id"]).toBe(delivery.id);
    expect(delivery).toMatchObject({ attempts: 1, responseCode: 204 });
    // A tampered body fails verification: the signature covers it.
    expect(() => new Webhook(hook.secret!).verify(request.body.replace(callId, "x"), request.headers as Record<string, string>)).toThrow();
  });

  it("waits for Retry-After after a 429, then delivers with the same idempotency key", async () => {
    receiver.script({ status: 429, headers: { "retry-after": "2" }, body: "slow down" });
    const callId = await sendAutocallsCall(source.slug);
    await settled(hook.id, callId).toBe("delivered");
    const requests = requestsFor(callId);
    expect(requests).toHaveLength(2);
    expect(new Set(requests.map((r) => r.headers["webhook-id"])).size).toBe(1);
    const [first, second] = requests.map((r) => Number(r.headers["webhook-timestamp"]));
    expect(second - first).toBeGreaterThanOrEqual(2);
    expect((await destination(hook.id)).consecutiveFailures).toBe(0);
  });

  it("retries a 503 with backoff until the receiver recovers", async () => {
    receiver.script({ status: 503, body: "maintenance" }, { status: 503, body: "maintenance" }, { status: 503, body: "maintenance" });
    const callId = await sendAutocallsCall(source.slug);
    // Meanwhile the log shows the failure and when the next try is due.
    await expect.poll(async () => (await deliveryOfCall(hook.id, callId))?.responseCode, { timeout: 10_000, interval: 100 }).toBe(503);
    const waiting = (await deliveryOfCall(hook.id, callId))!;
    expect(waiting).toMatchObject({ status: "pending", responseExcerpt: "maintenance" });
    expect(waiting.nextAttemptAt).not.toBeNull();

    await expect.poll(async () => (await deliveryOfCall(hook.id, callId))?.status, { timeout: 40_000, interval: 500 }).toBe("delivered");
    const requests = requestsFor(callId);
    expect(requests).toHaveLength(4);
    expect(new Set(requests.map((r) => r.headers["webhook-id"])).size).toBe(1);
    const delivery = (await deliveryOfCall(hook.id, callId))!;
    expect(delivery).toMatchObject({ attempts: 4, responseCode: 204 });
    expect(await destination(hook.id)).toMatchObject({ enabled: true, consecutiveFailures: 0 });
  }, 60_000);

  it("re-sends with the same idempotency key after a crash between sending and recording", async () => {
    // A delivery made by hand, so that only the processes below work on it.
    const quiet = await createDestination({ kind: "webhook", name: "Crash test", config: { url: `${receiver.url}/hooks/crash` }, rules: { calls: "none" } });
    const callId = await sendAutocallsCall(source.slug);
    const [{ id }] = await sql<{ id: string }>(
      `INSERT INTO deliveries (id, destination_id, kind, call_id) VALUES (gen_random_uuid(), $1, 'call', $2) RETURNING id::text`,
      [quiet.id, callId],
    );
    const env = {
      ...process.env,
      DATABASE_URL: inject("databaseUrl"),
      SECRETS_KEY: TEST_SECRETS_KEY,
      OUTBOUND_ALLOW_HOSTS: "127.0.0.1:*",
      DELIVERY_LEASE_SECONDS: "1",
      LOG_LEVEL: "silent",
    };
    const run = () => spawn(process.execPath, ["--import", "tsx", "tests/support/deliver-once.ts", id], { env, stdio: ["ignore", "pipe", "inherit"] });

    const crashing = run();
    const exited = new Promise((resolve) => crashing.once("exit", resolve));
    receiver.onRequest = (r) => {
      if (r.path === "/hooks/crash") crashing.kill("SIGKILL");
    };
    await exited;
    receiver.onRequest = undefined;
    const [afterCrash] = await sql<DeliveryView & { status: string }>("SELECT status::text, attempts, response_code FROM deliveries WHERE id = $1", [id]);
    expect(afterCrash).toMatchObject({ status: "pending", attempts: 1, response_code: null });

    await new Promise((r) => setTimeout(r, 1200)); // the crashed attempt's lease runs out
    const second = run();
    await new Promise((resolve) => second.once("exit", resolve));
    const [done] = await sql("SELECT status::text, attempts, response_code FROM deliveries WHERE id = $1", [id]);
    expect(done).toMatchObject({ status: "delivered", attempts: 2, response_code: 204 });
    const sent = receiver.requests.filter((r) => r.path === "/hooks/crash");
    expect(sent).toHaveLength(2);
    expect(sent.map((r) => r.headers["webhook-id"])).toEqual([id, id]);
    expect(verified(sent[1], quiet.secret).data.call.id).toBe(callId);
    await deleteDestination(quiet.id);
  });

  it("replays a failed delivery with its own key, and a delivered one as a new delivery", async () => {
    const strict = await startReceiver({ status: 400, body: "missing field: crm_owner" });
    const d = await createDestination({ kind: "webhook", name: "Strict", config: { url: strict.url }, rules: { calls: "all", sourceIds: [source.id] } });
    const callId = await sendAutocallsCall(source.slug);
    await settled(d.id, callId).toBe("failed");
    const failed = (await deliveryOfCall(d.id, callId))!;
    expect(failed).toMatchObject({ attempts: 1, responseCode: 400, responseExcerpt: "missing field: crm_owner" });

    strict.fallback = { status: 200, body: "thanks" };
    const replay = async (id: string) => {
      const res = await asUser(TEST_ADMIN, `/api/deliveries/${id}/replay`, { method: "POST" });
      expect(res.status).toBe(202);
      return (await res.json()) as { id: string; sameKey: boolean };
    };
    expect(await replay(failed.id)).toEqual({ id: failed.id, sameKey: true });
    await settled(d.id, callId).toBe("delivered");
    expect((await deliveryOfCall(d.id, callId))!).toMatchObject({ attempts: 1, responseCode: 200, responseExcerpt: "thanks" });

    const again = await replay(failed.id);
    expect(again.sameKey).toBe(false);
    const read = async () => (await (await asUser(TEST_ADMIN, `/api/deliveries/${again.id}`)).json()) as DeliveryView;
    await expect.poll(async () => (await read()).status, { timeout: 15_000 }).toBe("delivered");
    expect(strict.requests.map((r) => r.headers["webhook-id"])).toEqual([failed.id, failed.id, again.id]);

    // The delivery log lists both, with its total, and filters by status.
    const log = async (query = "") =>
      (await (await asUser(TEST_ADMIN, `/api/destinations/${d.id}/deliveries${query}`)).json()) as { items: DeliveryView[]; total: unknown };
    expect((await log()).total).toEqual({ count: 2, exact: true });
    expect((await log()).items.map((i) => i.id).sort()).toEqual([failed.id, again.id].sort());
    expect(await log("?status=failed")).toMatchObject({ items: [], total: { count: 0, exact: true } });
    await deleteDestination(d.id);
    await strict.close();
  });

  it("forwards a source alert where the rules ask for alerts", async () => {
    const alerts = await createDestination({
      kind: "webhook",
      name: "Alerts",
      config: { url: `${receiver.url}/hooks/alerts` },
      rules: { calls: "none", alerts: true },
    });
    const quiet = await createSource("cllr");
    expect((await configureSource(quiet.slug, { health: { expectedGapMinutes: 5 } })).status).toBe(200);
    await sql(`UPDATE sources SET created_at = now() - interval '10 minutes' WHERE id = $1`, [quiet.id]);
    // The app's every-minute maintenance opens the alert and forwards it.
    const forwarded = () => receiver.requests.filter((r) => r.path === "/hooks/alerts" && r.body.includes(quiet.slug));
    await expect.poll(() => forwarded().length, { timeout: 80_000, interval: 1000 }).toBe(1);
    const event = new Webhook(alerts.secret!).verify(forwarded()[0].body, forwarded()[0].headers as Record<string, string>) as {
      type: string;
      data: { alert: { kind: string; title: string; sourceName: string; detail: string }; sourcesUrl: string };
    };
    expect(event.type).toBe("source.alert");
    expect(event.data.alert).toMatchObject({
      kind: "silent",
      title: "Gone quiet",
      sourceName: quiet.slug,
      detail: expect.stringContaining("expected at least every 5 min"),
    });
    expect(event.data.sourcesUrl).toMatch(/\/admin\/sources$/);
    await deleteDestination(alerts.id);
  }, 90_000);
});
