import { describe, expect, it } from "vitest";
import { TEST_ADMIN } from "../support/credentials";
import { baseUrl } from "../support/http";
import { newPerson, newUser } from "../support/people";
import { asUser, signInCookie } from "../support/session";

// Sessions end when they should: a new password, a deactivation, a role
// change or "sign out everywhere" ends every session issued before it, on
// every device, at the next request.

const admin = (path: string, init?: RequestInit) => asUser(TEST_ADMIN, path, init);
const json = (body: unknown) => ({ body: JSON.stringify(body) });
const withCookie = (cookie: string, path: string, init: RequestInit = {}) =>
  fetch(`${baseUrl()}${path}`, {
    ...init,
    headers: { cookie, origin: baseUrl(), ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
  });
const canRead = async (cookie: string) => (await withCookie(cookie, "/api/calls?limit=1")).status;

describe("sessions", () => {
  it("end when an admin gives the user a new password", async () => {
    const user = await newPerson();
    const [laptop, phone] = [await signInCookie(user), await signInCookie(user)];
    expect(await canRead(laptop)).toBe(200);
    expect((await admin(`/api/users/${user.id}/password`, { method: "POST" })).status).toBe(200);
    expect(await canRead(laptop)).toBe(401);
    expect(await canRead(phone)).toBe(401);
  });

  it("stay ended after a deactivation, also when the user is reactivated", async () => {
    const user = await newPerson();
    const before = await signInCookie(user);
    await admin(`/api/users/${user.id}`, { method: "PATCH", ...json({ active: false }) });
    await admin(`/api/users/${user.id}`, { method: "PATCH", ...json({ active: true }) });
    expect(await canRead(before)).toBe(401);
    expect(await canRead(await signInCookie(user))).toBe(200);
  });

  it("end when the role changes", async () => {
    const user = await newPerson("admin");
    const before = await signInCookie(user);
    expect((await withCookie(before, "/api/users")).status).toBe(200);
    await admin(`/api/users/${user.id}`, { method: "PATCH", ...json({ role: "manager" }) });
    expect((await withCookie(before, "/api/users")).status).toBe(401);
  });

  it("all end when the user signs out everywhere", async () => {
    const user = await newPerson();
    const [laptop, phone] = [await signInCookie(user), await signInCookie(user)];
    expect((await withCookie(laptop, "/api/account/sessions", { method: "DELETE" })).status).toBe(200);
    expect(await canRead(laptop)).toBe(401);
    expect(await canRead(phone)).toBe(401);
    expect(await canRead(await signInCookie(user))).toBe(200);
  });

  it("end when the user chooses a new password, which must be strong and is throttled like a sign-in; the old password stops working", async () => {
    const user = await newPerson();
    const [laptop, phone] = [await signInCookie(user), await signInCookie(user)];
    const change = (currentPassword: string, newPassword: string) =>
      withCookie(laptop, "/api/account/password", { method: "POST", ...json({ currentPassword, newPassword }) });

    const wrong = await change("not-my-password", "lantern orbit velvet canyon");
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { detail: string }).detail).toMatch(/current password/);
    for (const weak of ["short", "password123456", "qwertyuiop1234"]) {
      const res = await change(user.password, weak);
      expect(res.status, weak).toBe(400);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/at least 12|too easy/);
    }
    expect(await canRead(laptop)).toBe(200);

    expect((await change(user.password, "lantern orbit velvet canyon")).status).toBe(200);
    expect(await canRead(laptop)).toBe(401);
    expect(await canRead(phone)).toBe(401);
    await expect(signInCookie(user)).rejects.toThrow(/failed/);
    expect(await canRead(await signInCookie({ email: user.email, password: "lantern orbit velvet canyon" }))).toBe(200);
  });

  it("send a user with an admin-given password to choose their own before anything else", async () => {
    const user = await newUser();
    const cookie = await signInCookie(user);
    const page = await withCookie(cookie, "/calls", { redirect: "manual" });
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toBe("/account?first=1&callbackUrl=%2Fcalls");
    expect((await withCookie(cookie, "/account")).status).toBe(200);
    const api = await withCookie(cookie, "/api/calls?limit=1");
    expect(api.status).toBe(403);
    expect(((await api.json()) as { title: string }).title).toBe("Choose your own password");

    expect(
      (
        await withCookie(cookie, "/api/account/password", {
          method: "POST",
          ...json({ currentPassword: user.password, newPassword: "harbor quilt sparrow meadow" }),
        })
      ).status,
    ).toBe(200);
    const fresh = await signInCookie({ email: user.email, password: "harbor quilt sparrow meadow" });
    expect((await withCookie(fresh, "/calls", { redirect: "manual" })).status).toBe(200);
  });

  it("slow down guessing the current password from a stolen session", async () => {
    const user = await newPerson();
    const cookie = await signInCookie(user);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await withCookie(cookie, "/api/account/password", {
        method: "POST",
        ...json({ currentPassword: `guess-${i}`, newPassword: "lantern orbit velvet canyon" }),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});
