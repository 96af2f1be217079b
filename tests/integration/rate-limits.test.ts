import { describe, expect, it } from "vitest";
import { TEST_ADMIN, TEST_MANAGER } from "../support/credentials";
import { baseUrl, uniq } from "../support/http";
import { asUser } from "../support/session";

// Fair use of the read API, per key: the test stack allows 1,000 requests a
// minute (API_RATE_LIMIT) and 5 exports an hour (EXPORT_RATE_LIMIT).

async function newKey(): Promise<string> {
  const res = await asUser(TEST_ADMIN, "/api/api-keys", { method: "POST", body: JSON.stringify({ name: uniq("rate") }) });
  return ((await res.json()) as { key: string }).key;
}
const withKey = (key: string, path: string) => fetch(`${baseUrl()}${path}`, { headers: { authorization: `Bearer ${key}` } });

describe("API rate limits", () => {
  it("refuse a key past its requests for the minute, saying when to come back; other keys go on", async () => {
    const key = await newKey();
    const first = await withKey(key, "/api/calls?limit=1");
    expect(first.headers.get("ratelimit-limit")).toBe("1000");
    expect(first.headers.get("ratelimit-remaining")).toBe("999");
    const statuses: number[] = [];
    for (let batch = 0; batch < 50; batch++) {
      statuses.push(...(await Promise.all(Array.from({ length: 20 }, () => withKey(key, "/api/calls?limit=1").then((r) => r.status)))));
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(999);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    const refused = await withKey(key, "/api/calls?limit=1");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/try again in \d+ seconds/);
    expect((await withKey(await newKey(), "/api/calls?limit=1")).status).toBe(200);
  });

  it("allow a key or a person a few CSV exports an hour", async () => {
    const key = await newKey();
    for (let i = 0; i < 5; i++) {
      const res = await withKey(key, "/api/calls/export?campaign=none");
      expect(res.status).toBe(200);
      await res.text();
    }
    expect((await withKey(key, "/api/calls/export?campaign=none")).status).toBe(429);
    // A person's exports count on their own.
    expect((await asUser(TEST_MANAGER, "/api/calls/export?campaign=none")).status).toBe(200);
  });
});
