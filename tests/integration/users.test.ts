import { describe, expect, it } from "vitest";
import { TEST_ADMIN, TEST_MANAGER } from "../support/credentials";
import { api, baseUrl, jsonOf, problemDetail, sql, uniq } from "../support/http";
import { newPerson } from "../support/people";
import { asUser, signInCookie } from "../support/session";

// Admins manage people and read-API keys; the last admin cannot be removed.

const admin = (path: string, init?: RequestInit) => asUser(TEST_ADMIN, path, init);
const json = (body: unknown) => ({ body: JSON.stringify(body) });

type Created = { user: { id: string; email: string }; password: string };
type NewKey = { id: string; key: string; prefix: string; expiresAt: string | null };
type ListedKey = { id: string; name: string; state: string; expiresAt: string | null; user: unknown };
const listKeys = async () => (await jsonOf<{ keys: ListedKey[] }>(admin("/api/api-keys"))).keys;

describe("users", () => {
  it("creates a user whose one-time password signs in; a role change and a deactivation end the session at once", async () => {
    const email = `${uniq("new")}@test.local`;
    const created = await admin("/api/users", { method: "POST", ...json({ email, name: "New Person", role: "manager" }) });
    expect(created.status).toBe(201);
    const { user, password } = await jsonOf<Created>(created);
    expect(user).toMatchObject({ email, role: "manager", active: true });

    // The one-time password signs in, but only to choose one's own.
    const first = await signInCookie({ email, password });
    expect((await fetch(`${baseUrl()}/api/calls?limit=1`, { headers: { cookie: first } })).status).toBe(403);
    const chosen = "granite willow harbor quill";
    const change = await fetch(`${baseUrl()}/api/account/password`, {
      method: "POST",
      headers: { cookie: first, origin: baseUrl(), "content-type": "application/json" },
      body: JSON.stringify({ currentPassword: password, newPassword: chosen }),
    });
    expect(change.status).toBe(200);
    const cookie = await signInCookie({ email, password: chosen });
    const asNew = (path: string) => fetch(`${baseUrl()}${path}`, { headers: { cookie } });
    expect((await asNew("/api/calls?limit=1")).status).toBe(200);
    expect((await asNew("/api/users")).status).toBe(403);

    expect((await admin(`/api/users/${user.id}`, { method: "PATCH", ...json({ role: "admin" }) })).status).toBe(200);
    expect((await asNew("/api/users")).status).toBe(401);
    const asAdmin = await signInCookie({ email, password: chosen });
    expect((await fetch(`${baseUrl()}/api/users`, { headers: { cookie: asAdmin } })).status).toBe(200);

    expect((await admin(`/api/users/${user.id}`, { method: "PATCH", ...json({ active: false }) })).status).toBe(200);
    expect((await fetch(`${baseUrl()}/api/calls?limit=1`, { headers: { cookie: asAdmin } })).status).toBe(401);
    await expect(signInCookie({ email, password: chosen })).rejects.toThrow(/failed/);

    expect((await admin("/api/users", { method: "POST", ...json({ email, role: "manager" }) })).status).toBe(409);
  });

  it("refuses to leave no active admin", async () => {
    const [{ id }] = await sql<{ id: string }>("SELECT id FROM users WHERE email = $1", [TEST_ADMIN.email]);
    // Make the test admin the only active admin, then try to demote and to deactivate it.
    await sql("UPDATE users SET active = false WHERE role = 'admin' AND email <> $1", [TEST_ADMIN.email]);
    const demote = await admin(`/api/users/${id}`, { method: "PATCH", ...json({ role: "manager" }) });
    expect(demote.status).toBe(409);
    expect(await problemDetail(demote)).toMatch(/no active admin/);
    expect((await admin(`/api/users/${id}`, { method: "PATCH", ...json({ active: false }) })).status).toBe(409);
    const [after] = await sql<{ role: string; active: boolean }>("SELECT role::text, active FROM users WHERE id = $1", [id]);
    expect(after).toEqual({ role: "admin", active: true });
  });

  it("gives a new one-time password; the old one stops working", async () => {
    const email = `${uniq("reset")}@test.local`;
    const { user, password } = await jsonOf<Created>(admin("/api/users", { method: "POST", ...json({ email }) }));
    const reset = await jsonOf<{ password: string }>(admin(`/api/users/${user.id}/password`, { method: "POST" }));
    expect(reset.password).not.toBe(password);
    await expect(signInCookie({ email, password })).rejects.toThrow();
    await expect(signInCookie({ email, password: reset.password })).resolves.toMatch(/^next-auth\.session-token=/);
  });
});

describe("API keys", () => {
  it("creates a key shown once, records its use, and a revoked key is refused", async () => {
    const created = await admin("/api/api-keys", { method: "POST", ...json({ name: "BI export" }) });
    expect(created.status).toBe(201);
    const { id, key, prefix } = await jsonOf<NewKey>(created);
    expect(key.startsWith(prefix)).toBe(true);
    const withKey = () => fetch(`${baseUrl()}/api/calls?limit=1`, { headers: { authorization: `Bearer ${key}` } });
    expect((await withKey()).status).toBe(200);

    const listed = (await listKeys()).find((k) => k.id === id);
    expect(listed).toMatchObject({ name: "BI export", prefix, revokedAt: null, user: { email: TEST_ADMIN.email } });
    expect(JSON.stringify(listed)).not.toContain(key);
    await expect
      .poll(async () => (await sql<{ last_used_at: Date | null }>("SELECT last_used_at FROM api_keys WHERE id = $1", [id]))[0].last_used_at)
      .not.toBeNull();

    expect((await admin(`/api/api-keys/${id}`, { method: "DELETE" })).status).toBe(200);
    expect((await withKey()).status).toBe(401);
    const audit = (await jsonOf<{ items: unknown[] }>(admin("/api/audit?action=api_key.revoke"))).items;
    expect(audit[0]).toMatchObject({ actorEmail: TEST_ADMIN.email, targetName: "BI export" });
  });

  it("creates a key with an expiry, refused with 401 once it has passed, and listed as expired", async () => {
    const never = await jsonOf<NewKey>(admin("/api/api-keys", { method: "POST", ...json({ name: "No end" }) }));
    expect(never.expiresAt).toBeNull();
    const past = await admin("/api/api-keys", { method: "POST", ...json({ name: "Late", expiresAt: new Date(Date.now() - 1000).toISOString() }) });
    expect(past.status).toBe(400);
    expect(await jsonOf(past)).toMatchObject({ detail: "Expires at must be in the future.", errors: [{ field: "expiresAt" }] });

    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const created = await admin("/api/api-keys", { method: "POST", ...json({ name: "Short-lived", expiresAt }) });
    expect(created.status).toBe(201);
    const { id, key } = await jsonOf<NewKey>(created);
    const withKey = () => fetch(`${baseUrl()}/api/calls?limit=1`, { headers: { authorization: `Bearer ${key}` } });
    expect((await withKey()).status).toBe(200);

    await expect.poll(async () => (await withKey()).status, { timeout: 10_000, interval: 250 }).toBe(401);
    const refused = await jsonOf<unknown>(withKey());
    expect(refused).toMatchObject({ status: 401, title: "API key expired", detail: expect.stringContaining(`expired at ${expiresAt}`) });

    const keys = await listKeys();
    expect(keys.find((k) => k.id === id)).toMatchObject({ state: "expired", expiresAt });
    expect(keys.find((k) => k.id === never.id)).toMatchObject({ state: "active", expiresAt: null });
  });

  it("stops a key while the person who created it is deactivated, and not the bootstrap key", async () => {
    const person = await newPerson("admin", "keymaker");
    const user = person;
    const created = await asUser(person, "/api/api-keys", { method: "POST", ...json({ name: "Made by a colleague" }) });
    expect(created.status).toBe(201);
    const { id, key } = await jsonOf<NewKey>(created);
    const withKey = () => fetch(`${baseUrl()}/api/calls?limit=1`, { headers: { authorization: `Bearer ${key}` } });
    const state = async () => (await listKeys()).find((k) => k.id === id)?.state;
    expect((await withKey()).status).toBe(200);

    expect((await admin(`/api/users/${user.id}`, { method: "PATCH", ...json({ active: false }) })).status).toBe(200);
    const refused = await withKey();
    expect(refused.status).toBe(401);
    expect(await problemDetail(refused)).toMatch(/created this API key is deactivated/);
    expect(await state()).toBe("creator_deactivated");
    // The bootstrap key has no creator: deactivations never touch it.
    expect((await api("/api/calls?limit=1")).status).toBe(200);
    const bootstrapKey = (await listKeys()).find((k) => k.name === "bootstrap");
    expect(bootstrapKey).toMatchObject({ user: null, state: "active" });

    expect((await admin(`/api/users/${user.id}`, { method: "PATCH", ...json({ active: true }) })).status).toBe(200);
    expect((await withKey()).status).toBe(200);
    expect(await state()).toBe("active");
  });

  it("keeps users and keys to admins", async () => {
    for (const [path, method] of [
      ["/api/users", "GET"],
      ["/api/users", "POST"],
      ["/api/api-keys", "GET"],
      ["/api/api-keys", "POST"],
    ] as const) {
      expect(
        (await asUser(TEST_MANAGER, path, { method, ...(method === "POST" ? json({ email: "x@y.z", name: "x" }) : {}) })).status,
        `${method} ${path}`,
      ).toBe(403);
    }
  });
});
