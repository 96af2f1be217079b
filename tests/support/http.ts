import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { TEST_API_KEY } from "./credentials";
import { postWebhook, type WebhookOptions } from "./webhook";

export const baseUrl = () => inject("baseUrl");

/** GET from the read API with the test API key. */
export async function api(pathAndQuery: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${baseUrl()}${pathAndQuery}`, {
    ...init,
    headers: { authorization: `Bearer ${TEST_API_KEY}`, ...init.headers },
  });
}

/** postWebhook against the app under test. */
export const sendWebhook = (slug: string, body: unknown, opts?: WebhookOptions) => postWebhook(baseUrl(), slug, body, opts);

/** A short unique tag, to keep each test's calls apart in one shared database. */
export const uniq = (prefix = "t") => `${prefix}-${randomUUID().slice(0, 8)}`;

let pool: pg.Pool | undefined;
export function sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values: unknown[] = []) {
  pool ??= new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
  return pool.query<T>(text, values).then((r) => r.rows);
}
