import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TEST_ADMIN } from "../support/credentials";
import { baseUrl, sql, uniq } from "../support/http";
import { newUser } from "../support/people";
import { attemptSignIn } from "../support/session";

// Password guessing is slowed per account and per client address, and an
// answer takes as long whether or not the account exists. The test stack
// locks for 2, 4, 8… seconds (SIGN_IN_LOCK_SECONDS=2) instead of minutes.

const newAddress = () => `198.51.${randomInt(0, 255)}.${randomInt(1, 254)}`;

const signedIn = (res: Response) => res.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="));

describe("sign-in throttling", () => {
  it("throttles 40 wrong passwords for one account, and the right one works after the wait", async () => {
    const user = await newUser();
    const statuses: number[] = [];
    let retryAfter = 0;
    let detail = "";
    // Each guess from its own address: the account's own limit is what stops them.
    for (let i = 0; i < 40; i++) {
      const res = await attemptSignIn({ email: user.email, password: `wrong-${i}` }, newAddress());
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = Number(res.headers.get("retry-after"));
        detail = ((await res.json()) as { detail: string }).detail;
      }
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30);
    expect(retryAfter).toBeGreaterThan(0);
    expect(detail).toMatch(/try again in \d+ seconds/);

    // Locked: even the right password waits.
    const early = await attemptSignIn(user, newAddress());
    expect(early.status).toBe(429);
    await new Promise((r) => setTimeout(r, (Number(early.headers.get("retry-after")) + 0.5) * 1000));
    const later = await attemptSignIn(user, newAddress());
    expect(later.status).toBe(200);
    expect(signedIn(later)).toBe(true);
  });

  it("locks longer each time the tries run out again", async () => {
    const user = await newUser();
    const address = newAddress();
    const lockAfterFiveWrong = async () => {
      for (let i = 0; i < 5; i++) expect((await attemptSignIn({ email: user.email, password: `nope-${i}` }, address)).status).toBe(401);
      const locked = await attemptSignIn({ email: user.email, password: "nope" }, address);
      expect(locked.status).toBe(429);
      return Number(locked.headers.get("retry-after"));
    };
    const first = await lockAfterFiveWrong();
    await new Promise((r) => setTimeout(r, (first + 0.5) * 1000));
    const second = await lockAfterFiveWrong();
    expect(second).toBeGreaterThan(first);
  });

  it("throttles one address guessing across many accounts", async () => {
    const address = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await attemptSignIn({ email: `${uniq("nobody")}@test.local`, password: "guess" }, address)).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    // Another address is not affected.
    expect((await attemptSignIn(TEST_ADMIN, newAddress())).status).toBe(200);
  });

  it("keeps the counters in Postgres, where every app process finds them", async () => {
    const rows = await sql<{ key: string }>("SELECT key FROM rate_limits WHERE key LIKE 'sign-in:%' LIMIT 5");
    expect(rows.length).toBeGreaterThan(0);
  });

  it("answers as fast for an unknown email as for a known one with a wrong password", async () => {
    const known = [await newUser(), await newUser()];
    await attemptSignIn({ email: `${uniq("warm")}@test.local`, password: "x" }, newAddress());
    const time = async (email: string) => {
      const started = performance.now();
      const res = await attemptSignIn({ email, password: "not-the-password" }, newAddress());
      expect(res.status).toBe(401);
      return performance.now() - started;
    };
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 10; i++) {
      knownTimes.push(await time(known[i % 2].email));
      unknownTimes.push(await time(`${uniq("ghost")}@test.local`));
    }
    // The fastest of each: a busy machine only ever adds time. Skipping the
    // password hash for an unknown email would make it about ten times faster.
    const ratio = Math.min(...unknownTimes) / Math.min(...knownTimes);
    expect(ratio, `unknown ${Math.min(...unknownTimes).toFixed(0)} ms vs known ${Math.min(...knownTimes).toFixed(0)} ms`).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.6);
  });

  it("refuses a sign-in body over 8 KB, on every next-auth action", async () => {
    for (const action of ["callback/credentials", "signout", "session"]) {
      const res = await fetch(`${baseUrl()}/api/auth/${action}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl() },
        body: new URLSearchParams({ email: "a@b.c", password: "x".repeat(10_000) }),
      });
      expect(res.status, action).toBe(413);
    }
  });

  it("cannot be dodged: another path, a repeated field, a body that is not a form, or another site", async () => {
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${baseUrl()}/api/auth/${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl(), ...headers },
        body,
      });
    expect((await post("callback/credentials/x", "email=a%40b.c&password=x")).status).toBe(404);
    expect((await post("callback/credentials", "email=decoy%40b.c&email=a%40b.c&password=x")).status).toBe(400);
    expect(
      (
        await post("callback/credentials", JSON.stringify({ email: "a@b.c", password: "x" }), {
          "content-type": "application/x-www-form-urlencoded; a=application/json",
        })
      ).status,
    ).toBe(415);
    expect((await post("callback/credentials", "email=a%40b.c&password=x", { origin: "https://evil.example" })).status).toBe(403);
    expect((await post("signout", "csrfToken=x", { origin: "https://evil.example" })).status).toBe(403);
  });

  it("does not count forged attempts (no valid CSRF token), which check no password", async () => {
    const user = await newUser();
    for (let i = 0; i < 8; i++) {
      const res = await fetch(`${baseUrl()}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl(), "x-forwarded-for": newAddress() },
        body: new URLSearchParams({ email: user.email, password: "forged", csrfToken: "made-up", json: "true" }),
      });
      expect(res.status).not.toBe(429);
    }
    expect(signedIn(await attemptSignIn(user, newAddress()))).toBe(true);
  });

  it("lets the owner in from an address they used before while a stranger has locked the account", async () => {
    const user = await newUser();
    const home = newAddress();
    expect(signedIn(await attemptSignIn(user, home))).toBe(true);
    for (let i = 0; i < 6; i++) await attemptSignIn({ email: user.email, password: `guess-${i}` }, newAddress());
    expect((await attemptSignIn(user, newAddress())).status).toBe(429);
    expect(signedIn(await attemptSignIn(user, home))).toBe(true);
  });
});
