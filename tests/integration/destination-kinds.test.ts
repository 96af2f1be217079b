import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { destinationCatalog } from "@/lib/destinations/kinds/catalog";
import type { KindField } from "@/lib/destinations/kinds/catalog-entry";
import { destinationKind } from "@/lib/destinations/kinds/lookup";
import { TEST_ADMIN } from "../support/credentials";
import { deleteDestination, deliveryOfCall, sendAutocallsCall, type DeliveryView } from "../support/destinations";
import { jsonOf, sql, uniq } from "../support/http";
import { startHubSpot, type HubSpotServer } from "../support/hubspot-server";
import { startReceiver, type Receiver } from "../support/receiver";
import { asUser } from "../support/session";
import { createSource } from "../support/sources";

// Every registered kind, end to end through the built app, driven by the
// registry alone: the request is made from the kind's form fields and
// defaults, and what comes back is checked against what the kind declares
// (its secret fields, what it masks, the secret it makes, its rate limit).
// Only the stand-in addresses and the token below are not the registry's.
//
// The app under test is a separate process built from this source, so a kind
// registered here (as tests/unit/destination-kinds.test.ts does with a
// throwaway one) would never reach it, and shipping a fake kind in the real
// registry to test it is worse. So the unit test proves that one module and
// one registry line reach every consumer, and this one that the built app
// serves the registered kinds through those consumers: created, tested with
// "Send test", and delivering a call.

let receiver: Receiver;
let hubspot: HubSpotServer;
let source: { id: string; slug: string };

/** What the stand-ins need that no registry can know. */
const standIn = (): Record<string, string> => ({
  "slack.webhookUrl": `${receiver.url}/services/T1/B1/kinds`,
  "webhook.url": `${receiver.url}/hooks/kinds`,
  "hubspot.accessToken": hubspot.token,
});

/** Where each kind's requests land, to count them. */
const requestsTo = (kind: string) => (kind === "hubspot" ? hubspot.requests : receiver.requests).length;

beforeAll(async () => {
  receiver = await startReceiver({ status: 200, body: "ok" });
  hubspot = await startHubSpot(inject("hubspotPort"));
  source = await createSource("autocalls");
});
afterAll(async () => {
  await receiver.close();
  await hubspot.close();
});

/** A field as an admin leaves it: stand-in values where needed, the kind's defaults, a made secret left empty. */
function entered(kind: string, field: KindField, defaults: Record<string, unknown>): unknown {
  const value = standIn()[`${kind}.${field.name}`];
  if (value !== undefined) return value;
  if (field.type === "secret" && field.whenEmpty) return undefined;
  if (field.name in defaults) return defaults[field.name];
  throw new Error(`No value for ${kind}.${field.name}: add a stand-in for it.`);
}

/** Sends a test as the "Send test" button does; the delivery's id and how it ended. */
async function followTest(destinationId: string): Promise<{ deliveryId: string; delivery: DeliveryView }> {
  const res = await asUser(TEST_ADMIN, `/api/destinations/${destinationId}/test`, { method: "POST" });
  expect(res.status).toBe(202);
  const { deliveryId } = (await res.json()) as { deliveryId: string };
  const read = () => jsonOf<DeliveryView>(asUser(TEST_ADMIN, `/api/deliveries/${deliveryId}`));
  await expect.poll(async () => (await read()).status, { timeout: 15_000, interval: 200 }).not.toBe("pending");
  return { deliveryId, delivery: await read() };
}

describe.each(destinationCatalog().map((entry) => [entry.id, entry] as const))("the %s kind, from the registry", (id, entry) => {
  const kind = destinationKind(id);

  it("is created from its form fields, shows its secrets only as set or masked, sends a test and delivers a call", async () => {
    const config = Object.fromEntries(entry.fields.map((f) => [f.name, entered(id, f, entry.defaultConfig)] as const).filter(([, v]) => v !== undefined));
    const res = await asUser(TEST_ADMIN, "/api/destinations", {
      method: "POST",
      body: JSON.stringify({ kind: id, name: uniq(entry.label), config, rules: { calls: "all", sourceIds: [source.id], alerts: entry.takesAlerts } }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const created = (await res.json()) as { destination: { id: string }; secret?: string };
    expect(Boolean(created.secret), "a made secret is answered once").toBe(Boolean(kind.generatesSecret));
    const destinationId = created.destination.id;

    const read = await asUser(TEST_ADMIN, `/api/destinations/${destinationId}`);
    const text = await read.text();
    const shown = JSON.parse(text) as { kind: string; config: Record<string, unknown>; rules: { alerts: boolean } };
    expect(shown.kind).toBe(id);
    expect(shown.rules.alerts).toBe(entry.takesAlerts);
    for (const field of kind.secretFields) {
      expect(shown.config[field], field).toBe("set");
      const secret = config[field] ?? created.secret;
      if (typeof secret === "string") expect(text).not.toContain(secret);
    }
    for (const field of Object.keys(kind.maskedAs ?? {})) expect(typeof shown.config[`${field}Masked`], field).toBe("string");

    const before = requestsTo(id);
    const { deliveryId, delivery } = await followTest(destinationId);
    expect(delivery, JSON.stringify(delivery)).toMatchObject({ status: "delivered", attempts: 1 });
    expect(requestsTo(id)).toBeGreaterThan(before);
    // The next request slot was pushed on by the kind's own rate limit.
    const [slot] = await sql<{ gap: number }>(
      `SELECT EXTRACT(EPOCH FROM t.next_slot_at - d.last_attempt_at)::float8 AS gap FROM destinations t JOIN deliveries d ON d.destination_id = t.id WHERE d.id = $1`,
      [deliveryId],
    );
    expect(slot.gap).toBeGreaterThanOrEqual(kind.rateIntervalSec - 0.01);
    expect(slot.gap).toBeLessThan(kind.rateIntervalSec + 2);

    const callId = await sendAutocallsCall(source.slug, { customer_phone: "+14155550177" });
    await expect.poll(async () => (await deliveryOfCall(destinationId, callId))?.status, { timeout: 20_000, interval: 250 }).toBe("delivered");
    expect(await deleteDestination(destinationId)).toMatchObject({ status: 200 });
  });
});
