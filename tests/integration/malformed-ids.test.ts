import { describe, expect, it } from "vitest";
import { TEST_ADMIN } from "../support/credentials";
import { asUser } from "../support/session";

// An id in a path that is not a uuid (every table's key) names nothing that can
// exist: each id route answers 404 problem+json naming what it looked for, as
// for an id that is well formed but unknown, never 400 or 500.

const BAD = "not-a-uuid";
const json = (body: unknown) => ({ body: JSON.stringify(body) });

const ROUTES: Array<{ method: string; path: string; resource: string; init?: RequestInit }> = [
  { method: "GET", path: `/api/calls/${BAD}`, resource: "call" },
  { method: "POST", path: `/api/follow-ups/${BAD}`, resource: "call", init: json({ action: "done" }) },
  { method: "PATCH", path: `/api/users/${BAD}`, resource: "user", init: json({ name: "Nobody" }) },
  { method: "POST", path: `/api/users/${BAD}/password`, resource: "user" },
  { method: "DELETE", path: `/api/api-keys/${BAD}`, resource: "API key" },
  { method: "GET", path: `/api/destinations/${BAD}`, resource: "destination" },
  { method: "PATCH", path: `/api/destinations/${BAD}`, resource: "destination", init: json({ name: "Nowhere" }) },
  { method: "DELETE", path: `/api/destinations/${BAD}`, resource: "destination" },
  { method: "GET", path: `/api/destinations/${BAD}/deliveries`, resource: "destination" },
  { method: "POST", path: `/api/destinations/${BAD}/test`, resource: "destination" },
  { method: "GET", path: `/api/deliveries/${BAD}`, resource: "delivery" },
  { method: "POST", path: `/api/deliveries/${BAD}/replay`, resource: "delivery" },
  { method: "GET", path: `/api/raw-events/${BAD}`, resource: "raw event" },
  { method: "PATCH", path: `/api/views/${BAD}`, resource: "view", init: json({ name: "Nowhere" }) },
  { method: "DELETE", path: `/api/views/${BAD}`, resource: "view" },
];

describe("a malformed id in the path", () => {
  it("is answered 404 problem+json naming the resource, on every id route", async () => {
    for (const r of ROUTES) {
      const res = await asUser(TEST_ADMIN, r.path, { method: r.method, ...r.init });
      const what = `${r.method} ${r.path}`;
      expect(res.status, what).toBe(404);
      expect(res.headers.get("content-type"), what).toBe("application/problem+json");
      expect(await res.json(), what).toMatchObject({ status: 404, title: "Not found", detail: `No ${r.resource} has the id "${BAD}".` });
    }
  });
});
