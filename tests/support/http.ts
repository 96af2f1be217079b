import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { TEST_API_KEY, TEST_WEBHOOK_SECRET } from "./credentials";

export const baseUrl = () => inject("baseUrl");

/** GET from the read API with the test API key. */
export async function api(pathAndQuery: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${baseUrl()}${pathAndQuery}`, {
    ...init,
    headers: { authorization: `Bearer ${TEST_API_KEY}`, ...init.headers },
  });
}

/** Sends a webhook the way a vendor would: JSON body, secret in a header. */
export async function sendWebhook(
  slug: string,
  body: unknown,
  opts: { method?: string; headers?: Record<string, string>; query?: string } = {},
): Promise<Response> {
  return fetch(`${baseUrl()}/api/webhooks/${slug}${opts.query ?? ""}`, {
    method: opts.method ?? "POST",
    headers: { "content-type": "application/json", "x-webhook-secret": TEST_WEBHOOK_SECRET, ...opts.headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** A short unique tag, to keep each test's calls apart in one shared database. */
export const uniq = (prefix = "t") => `${prefix}-${randomUUID().slice(0, 8)}`;

let pool: pg.Pool | undefined;
export function sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values: unknown[] = []) {
  pool ??= new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
  return pool.query<T>(text, values).then((r) => r.rows);
}
