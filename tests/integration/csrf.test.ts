import { describe, expect, it } from "vitest";
import { apiRoutes } from "../support/api-routes";
import { TEST_ADMIN } from "../support/credentials";
import { sql, uniq } from "../support/http";
import { asUser } from "../support/session";

// A signed-in admin's browser visiting another site (a sibling subdomain
// included) must not be made to change anything: every route that changes
// something with a session refuses other origins, requests that do not say
// where they come from, and bodies that are not JSON. Routes are found by
// reading app/api, so a new one is covered the day it is added.

const CHANGES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const routes = apiRoutes().filter((r) => CHANGES.has(r.method));
const withSession = routes.filter((r) => r.auth === "user" || r.auth === "admin");

// Handlers outside apiRoute that change things, and why a session cookie cannot drive them.
const NOT_CSRF_EXPOSED: Record<string, string> = {
  "app/api/webhooks/[source]/route.ts": "authenticated by the source's secret, never by a cookie",
  "app/api/cron/unpod/route.ts": "authenticated by CRON_SECRET as a bearer header",
  "app/api/auth/[...nextauth]/route.ts": "next-auth checks its own CSRF token on every POST",
  "app/api/[...path]/route.ts": "answers 404 to everything",
  "app/api/bench/floor/route.ts": "answers 404 unless the app runs as bench:ingest's floor (BENCH_FLOOR=true)",
  "app/api/digests/unsubscribe/[token]/route.ts":
    "authenticated by the unsubscribe link's secret token, never by a cookie (mail clients' one-click POST sends no Origin)",
};

/** What an attack could change, summed up: a different digest means something changed. */
async function state(): Promise<string> {
  const [row] = await sql<{ digest: string }>(`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(concat_ws(',', id, email, role, active, password_hash), ';' ORDER BY id) FROM users),
      (SELECT string_agg(concat_ws(',', id, revoked_at), ';' ORDER BY id) FROM api_keys),
      (SELECT string_agg(concat_ws(',', id, name, enabled, secret_hash), ';' ORDER BY id) FROM sources),
      (SELECT string_agg(concat_ws(',', id, name, enabled), ';' ORDER BY id) FROM destinations),
      (SELECT string_agg(concat_ws(',', key, value::text), ';' ORDER BY key) FROM settings),
      (SELECT count(*) FROM audit_log),
      (SELECT count(*) FROM calls WHERE handled_at IS NOT NULL))) AS digest`);
  return row.digest;
}

describe("cross-site request forgery", () => {
  it("finds every route that changes something, and each goes through the checks or says why not", () => {
    expect(withSession.length).toBeGreaterThanOrEqual(18);
    for (const r of routes.filter((r) => r.auth === null)) expect(NOT_CSRF_EXPOSED, `${r.method} ${r.file}`).toHaveProperty([r.file]);
  });

  it("refuses a foreign Origin, a missing Origin and a cross-site fetch on every such route, changing nothing", async () => {
    const before = await state();
    for (const r of withSession) {
      const attempts: Array<Record<string, string>> = [
        { origin: "https://evil.example" },
        { origin: "https://app.example.com.evil.example" },
        { origin: "null" },
        {},
        { "sec-fetch-site": "same-site" },
      ];
      for (const headers of attempts) {
        const res = await asUser(TEST_ADMIN, r.path, { method: r.method, body: "{}", headers: { origin: "", ...headers } });
        expect(res.status, `${r.method} ${r.path} ${JSON.stringify(headers)}`).toBe(403);
        expect(((await res.json()) as { title: string }).title).toBe("Cross-site request refused");
      }
    }
    expect(await state()).toBe(before);
  });

  it("refuses a body that is not JSON, even from the app's own origin", async () => {
    const before = await state();
    for (const r of withSession) {
      for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
        const res = await asUser(TEST_ADMIN, r.path, { method: r.method, body: "{}", headers: { "content-type": type } });
        expect(res.status, `${r.method} ${r.path} ${type}`).toBe(415);
      }
    }
    expect(await state()).toBe(before);
  });

  it("stops the reported attack: a form post from a sibling site creating an admin", async () => {
    const email = `${uniq("csrf")}@evil.example`;
    const res = await asUser(TEST_ADMIN, "/api/users", {
      method: "POST",
      body: JSON.stringify({ email, role: "admin" }),
      headers: { origin: "https://evil.app.example", "content-type": "text/plain" },
    });
    expect(res.status).toBe(403);
    expect(await sql("SELECT 1 FROM users WHERE email = $1", [email])).toHaveLength(0);
  });

  it("lets the app's own pages change things (Origin, or Sec-Fetch-Site: same-origin)", async () => {
    const email = `${uniq("own")}@example.com`;
    const res = await asUser(TEST_ADMIN, "/api/users", { method: "POST", body: JSON.stringify({ email, role: "manager" }) });
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { user: { id: string } }).user.id;
    const viaFetchMetadata = await asUser(TEST_ADMIN, `/api/users/${id}`, {
      method: "PATCH",
      body: JSON.stringify({ active: false }),
      headers: { origin: "", "sec-fetch-site": "same-origin" },
    });
    expect(viaFetchMetadata.status).toBe(200);
  });

  it("refuses JSON bodies over 1 MB", async () => {
    const res = await asUser(TEST_ADMIN, "/api/users", {
      method: "POST",
      body: JSON.stringify({ email: "big@example.com", name: "x".repeat(1_100_000), role: "manager" }),
    });
    expect(res.status).toBe(413);
  });
});
