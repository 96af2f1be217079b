import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiRoutes } from "../support/api-routes";
import { TEST_ADMIN, TEST_API_KEY, TEST_MANAGER } from "../support/credentials";
import { baseUrl } from "../support/http";
import { sendAutocallsCall } from "../support/destinations";
import { asUser } from "../support/session";
import { createSource } from "../support/sources";

// Every admin API refuses a manager and an API key, found by reading the
// route files, so that a new admin route is covered the day it is added.

/** Every page of the dashboard as a path, found by reading app/(dashboard), so that a new page is covered the day it is added. */
function dashboardPages(): string[] {
  const root = path.resolve("app/(dashboard)");
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
      else if (entry.name === "page.tsx")
        pages.push(
          `/${path.relative(root, dir)}`
            .replace(/\/$/, "")
            .replace(/\[(\w+)\]/g, (_, name) => (name === "slug" ? "cllr" : "01900000-0000-7000-8000-000000000000")) || "/",
        );
    }
  };
  walk(root);
  return pages;
}

const adminRoutes = () => apiRoutes().filter((r) => r.auth === "admin");

describe("admin APIs", () => {
  const routes = adminRoutes();

  it("are all found", () => {
    const paths = routes.map((r) => `${r.method} ${r.path}`);
    for (const expected of [
      "POST /api/destinations",
      "PUT /api/settings/scoring",
      "POST /api/users",
      "GET /api/raw-events",
      "PATCH /api/sources/some-source",
    ]) {
      expect(paths).toContain(expected);
    }
    expect(routes.length).toBeGreaterThanOrEqual(30);
  });

  it("answer 403 to a manager", async () => {
    for (const r of routes) {
      const res = await asUser(TEST_MANAGER, r.path, { method: r.method, ...(r.method === "GET" || r.method === "DELETE" ? {} : { body: "{}" }) });
      expect(res.status, `${r.method} ${r.path}`).toBe(403);
      expect(((await res.json()) as { detail: string }).detail).toBe("This needs an admin.");
    }
  });

  it("answer 403 to an API key", async () => {
    for (const r of routes) {
      const res = await fetch(`${baseUrl()}${r.path}`, { method: r.method, headers: { authorization: `Bearer ${TEST_API_KEY}` } });
      expect(res.status, `${r.method} ${r.path}`).toBe(403);
    }
  });

  it("answer an admin (not 401 or 403)", async () => {
    for (const r of routes.filter((r) => r.method === "GET")) {
      const res = await asUser(TEST_ADMIN, r.path);
      expect([200, 404], `GET ${r.path}`).toContain(res.status);
    }
  });
});

describe("admin pages", () => {
  const pages = dashboardPages().filter((p) => p.startsWith("/admin/"));

  it("send a manager back to the overview", async () => {
    expect(pages).toEqual(expect.arrayContaining(["/admin/destinations", "/admin/settings", "/admin/sources/cllr"]));
    for (const page of pages) {
      const res = await asUser(TEST_MANAGER, page, { redirect: "manual" });
      expect(res.status, page).toBe(307);
      expect(res.headers.get("location"), page).toBe("/?denied=admin");
    }
  });

  it("leave the call page's forwarding and raw payloads out for a manager", async () => {
    const callId = await sendAutocallsCall((await createSource("autocalls")).slug);
    const asManager = await (await asUser(TEST_MANAGER, `/calls/${callId}`)).text();
    const asAdmin = await (await asUser(TEST_ADMIN, `/calls/${callId}`)).text();
    expect(asAdmin).toContain("Forwarded (admins)");
    expect(asManager).not.toContain("Forwarded (admins)");
    expect(asManager).not.toContain("As received (admins)");
  });
});

describe("signed-in pages", () => {
  const pages = dashboardPages();

  it("send a signed-out visitor to sign in with a real redirect, before anything of the page is sent", async () => {
    expect(pages).toEqual(expect.arrayContaining(["/", "/calls", "/follow-ups", "/hot-leads", "/admin/settings"]));
    for (const page of pages) {
      const res = await fetch(`${baseUrl()}${page}`, { redirect: "manual" });
      expect(res.status, page).toBe(307);
      expect(res.headers.get("location"), page).toMatch(/^\/login\?callbackUrl=/);
    }
  });
});
