import { TEST_WEBHOOK_SECRET } from "./credentials";

export interface WebhookOptions {
  method?: string;
  headers?: Record<string, string>;
  query?: string;
}

/** Sends a webhook the way a vendor would: JSON body, secret in a header. For tests and benchmarks alike. */
export function postWebhook(baseUrl: string, slug: string, body: unknown, opts: WebhookOptions = {}): Promise<Response> {
  return fetch(`${baseUrl}/api/webhooks/${slug}${opts.query ?? ""}`, {
    method: opts.method ?? "POST",
    headers: { "content-type": "application/json", "x-webhook-secret": TEST_WEBHOOK_SECRET, ...opts.headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
