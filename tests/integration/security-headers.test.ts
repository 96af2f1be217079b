import { describe, expect, it } from "vitest";
import { api, baseUrl } from "../support/http";

// Headers a browser needs to keep the dashboard safe, on pages and API answers alike.

const common = (res: Response) => {
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(res.headers.get("permissions-policy")).toContain("microphone=()");
  expect(res.headers.get("x-frame-options")).toBe("DENY");
};

describe("security headers", () => {
  it("give every page a CSP whose fresh nonce is on each of its scripts", async () => {
    const first = await fetch(`${baseUrl()}/login`);
    const second = await fetch(`${baseUrl()}/login`);
    common(first);
    const csp = first.headers.get("content-security-policy") ?? "";
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "'strict-dynamic'"]) expect(csp).toContain(directive);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);

    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("give pages that do not exist the same protection", async () => {
    const res = await fetch(`${baseUrl()}/no-such-page`);
    expect(res.status).toBe(404);
    common(res);
    expect(res.headers.get("content-security-policy")).toContain("'nonce-");
  });

  it("give API answers a policy that allows nothing, and recordings their own", async () => {
    const res = await api("/api/calls?limit=1");
    common(res);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const unknown = await fetch(`${baseUrl()}/api/no-such-thing`);
    expect(unknown.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("send HSTS only where the app is reached over https", async () => {
    expect((await fetch(`${baseUrl()}/login`)).headers.get("strict-transport-security")).toBeNull();
    const viaTls = await fetch(`${baseUrl()}/login`, { headers: { "x-forwarded-proto": "https" } });
    expect(viaTls.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
    expect(viaTls.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });
});
