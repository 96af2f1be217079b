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

/** A JSON answer, typed as the test reads it: the test's expect() calls are what check it. */
export async function jsonOf<T>(res: Response | Promise<Response>): Promise<T> {
  return (await (await res).json()) as T;
}

/** The detail of a problem+json answer. */
export const problemDetail = async (res: Response | Promise<Response>) => (await jsonOf<{ detail?: string }>(res)).detail;

/** What the webhook endpoint answers: the stored event and its call, or a problem. */
export interface WebhookAnswer {
  status: string;
  callId: string;
  eventId: string;
  detail?: string;
}
