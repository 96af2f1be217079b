import { TEST_WEBHOOK_SECRET } from "./credentials";

/** sendWebhook for scripts that run outside vitest (benchmarks). */
export function sendWebhook(baseUrl: string, slug: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}/api/webhooks/${slug}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-webhook-secret": TEST_WEBHOOK_SECRET },
    body: JSON.stringify(body),
  });
}
