import { Webhook } from "standardwebhooks";
import type { WebhookConfig } from "./config";
import { postJson } from "@/lib/destinations/post-json";
import type { SendInput, SendResult } from "@/lib/destinations/types";

// A customer's own endpoint: the canonical call as JSON, signed with the
// Standard Webhooks scheme (https://www.standardwebhooks.com). webhook-id is
// the delivery's id, so a receiver can drop a retry it has already processed.

export function webhookBody(input: SendInput, at: Date): string {
  const { event } = input;
  const data =
    event.type === "source.alert"
      ? { alert: event.alert, sourcesUrl: event.sourcesUrl }
      : event.type === "metric.alert"
        ? { alert: event.alert, urls: event.urls }
        : { call: event.call, callUrl: event.callUrl };
  return JSON.stringify({ type: event.type, timestamp: at.toISOString(), data });
}

export async function sendWebhook(config: WebhookConfig, input: SendInput): Promise<SendResult> {
  const at = new Date();
  const body = webhookBody(input, at);
  const signature = new Webhook(config.secret).sign(input.key, at, body);
  return postJson(config.url, body, {
    "webhook-id": input.key,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signature,
  });
}
