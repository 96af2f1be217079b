import { Webhook } from "standardwebhooks";
import { expect } from "vitest";
import { createDestination, deleteDestination, deliveryOfCall } from "./destinations";
import { startReceiver, type Receiver } from "./receiver";
import { createSource } from "./sources";

// Shared setup for webhook destination tests: a receiver answering 204, an
// Autocalls source, and a webhook destination forwarding that source's calls
// to the receiver, signed with Standard Webhooks.

export interface WebhookSetup {
  receiver: Receiver;
  source: { id: string; slug: string };
  hook: { id: string; secret?: string };
}

export async function startWebhookSetup(): Promise<WebhookSetup> {
  const receiver = await startReceiver({ status: 204 });
  const source = await createSource("autocalls");
  const hook = await createDestination({
    kind: "webhook",
    name: "Our CRM",
    config: { url: `${receiver.url}/hooks/calls` },
    rules: { calls: "all", sourceIds: [source.id] },
  });
  return { receiver, source, hook };
}

export async function stopWebhookSetup({ receiver, hook }: WebhookSetup) {
  await deleteDestination(hook.id);
  await receiver.close();
}

/** Polls the status of one call's delivery to one destination. */
export const settled = (id: string, callId: string) => expect.poll(async () => (await deliveryOfCall(id, callId))?.status, { timeout: 20_000, interval: 250 });

/** A received request checked with the `standardwebhooks` library, as a receiver would. */
export function verifiedWith(secret: string, r: Receiver["requests"][number]) {
  return new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as {
    type: string;
    data: { call: { id: string; customer: { phone: string } }; callUrl: string };
  };
}
