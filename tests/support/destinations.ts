import { expect } from "vitest";
import { TEST_ADMIN } from "./credentials";
import { fixture } from "./fixtures";
import { jsonOf, sendWebhook } from "./http";
import { asUser } from "./session";

// Helpers for forwarding tests: destinations made through the admin API, as
// an admin would, and calls sent in through a source's webhook.

export interface DeliveryView {
  id: string;
  kind: string;
  callId: string | null;
  status: "pending" | "delivered" | "failed" | "skipped";
  attempts: number;
  responseCode: number | null;
  responseExcerpt: string | null;
  nextAttemptAt: string | null;
}

export async function createDestination(body: Record<string, unknown>): Promise<{ id: string; secret?: string }> {
  const res = await asUser(TEST_ADMIN, "/api/destinations", { method: "POST", body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBe(201);
  const json = (await res.json()) as { destination: { id: string }; secret?: string };
  return { id: json.destination.id, secret: json.secret };
}

export const deleteDestination = (id: string) => asUser(TEST_ADMIN, `/api/destinations/${id}`, { method: "DELETE" });

export async function destination(id: string) {
  return jsonOf<{ enabled: boolean; disabledReason: string | null; consecutiveFailures: number }>(asUser(TEST_ADMIN, `/api/destinations/${id}`));
}

export async function deliveriesOf(destinationId: string): Promise<DeliveryView[]> {
  const res = await asUser(TEST_ADMIN, `/api/destinations/${destinationId}/deliveries`);
  return ((await res.json()) as { items: DeliveryView[] }).items;
}

/** The delivery of one call to one destination, once there is one. */
export async function deliveryOfCall(destinationId: string, callId: string): Promise<DeliveryView | undefined> {
  return (await deliveriesOf(destinationId)).find((d) => d.callId === callId);
}

let n = Date.now() % 1_000_000;

/** An Autocalls call (hot: a booked visit, high interest, a callback) through the source's webhook; its call id. */
export async function sendAutocallsCall(slug: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const payload = { ...fixture<Record<string, unknown>>("autocalls/campaign-call.json"), id: ++n, ...overrides };
  const res = await sendWebhook(slug, payload);
  expect(res.status).toBe(202);
  return ((await res.json()) as { callId: string }).callId;
}
