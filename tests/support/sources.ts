import { sha256 } from "@/lib/security/secrets";
import { TEST_ADMIN, TEST_CRON_SECRET, TEST_WEBHOOK_SECRET } from "./credentials";
import { baseUrl, sql, uniq } from "./http";
import { asUser } from "./session";

/** A new source of `provider` with the test webhook secret; returns its id and slug. */
export async function createSource(provider: string): Promise<{ id: string; slug: string }> {
  const slug = uniq(provider);
  const [row] = await sql<{ id: string }>(
    `INSERT INTO sources (id, slug, name, provider, secret_hash, updated_at) VALUES (gen_random_uuid(), $1, $1, $2, $3, now()) RETURNING id`,
    [slug, provider, sha256(TEST_WEBHOOK_SECRET)],
  );
  return { id: row.id, slug };
}

/** Changes a source's settings through the admin API, as an admin would. */
export async function configureSource(slug: string, settings: Record<string, unknown>): Promise<Response> {
  return asUser(TEST_ADMIN, `/api/sources/${slug}`, { method: "PATCH", body: JSON.stringify({ settings }) });
}

/** Calls the external scheduler's endpoint once. */
export async function cronPoll(slug?: string): Promise<Response> {
  return fetch(`${baseUrl()}/api/cron/unpod${slug ? `?source=${slug}` : ""}`, {
    method: "POST",
    headers: { authorization: `Bearer ${TEST_CRON_SECRET}` },
  });
}
