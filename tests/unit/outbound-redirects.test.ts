import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log";
import { fetchPublic } from "@/lib/security/outbound";
import { startServer, type OutboundServer } from "../support/outbound-server";

// What the outbound guard does with redirects, against two real local
// servers: two ports on 127.0.0.1 are two origins.

let home: OutboundServer;
let other: OutboundServer;
beforeAll(async () => {
  [home, other] = await Promise.all([startServer(), startServer()]);
});
afterAll(() => Promise.all([home.close(), other.close()]));
// The guard's warnings, kept out of the test output.
beforeEach(() => {
  vi.spyOn(logger, "warn").mockImplementation(() => undefined);
});
afterEach(() => {
  delete process.env.OUTBOUND_ALLOW_HOSTS;
  home.received.length = 0;
  other.received.length = 0;
  vi.restoreAllMocks();
});

describe("redirects", () => {
  const credentials = {
    authorization: "Bearer secret-bearer",
    "proxy-authorization": "Basic cHJveHk6c2VjcmV0",
    cookie: "session=secret-cookie",
    "x-api-key": "secret-api-key",
    "webhook-id": "msg_1",
    "webhook-signature": "v1,secret-signature",
    "x-amz-security-token": "secret-amz-token",
    "org-handle": "acme.test",
  };
  const harmless = { accept: "application/json", range: "bytes=0-9", "user-agent": "call-analytics-test" };
  const body = JSON.stringify({ phone: "+14155550100" });
  const via = (status: number, to: string) => `${home.url}/redirect?status=${status}&to=${encodeURIComponent(to)}`;
  const post = (url: string, method = "POST") =>
    fetchPublic(url, { method, headers: { ...credentials, ...harmless, "content-type": "application/json" }, body });

  beforeEach(() => {
    process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1:*";
  });

  it("leaves credentials and signatures behind on a redirect to another origin, and keeps harmless headers", async () => {
    for (const status of [301, 302, 303, 307, 308]) {
      other.received.length = 0;
      expect((await fetchPublic(via(status, `${other.url}/landing`), { headers: { ...credentials, ...harmless } })).status).toBe(200);
      const [landed] = other.received;
      expect(landed.method, String(status)).toBe("GET");
      for (const name of Object.keys(credentials)) expect(landed.headers[name], `${status} ${name}`).toBeUndefined();
      expect(landed.headers).toMatchObject(harmless);
      expect(JSON.stringify(landed)).not.toMatch(/secret/);
    }
  });

  it("turns a POST into a GET without its body after 301, 302 and 303 to another origin, as fetch does; 303 does so for any method", async () => {
    for (const [status, method] of [
      [301, "POST"],
      [302, "POST"],
      [303, "POST"],
      [303, "PUT"],
      [303, "DELETE"],
    ] as const) {
      other.received.length = 0;
      expect((await post(via(status, `${other.url}/landing`), method)).status).toBe(200);
      const [landed] = other.received;
      expect(landed, `${status} ${method}`).toMatchObject({ method: "GET", body: "" });
      expect(landed.headers["content-type"]).toBeUndefined();
      expect(JSON.stringify(landed)).not.toMatch(/secret|14155550100/);
    }
  });

  it("refuses a 307 or 308 that would resend a body to another origin", async () => {
    for (const status of [307, 308]) {
      await expect(post(via(status, `${other.url}/landing`))).rejects.toThrow(/answered 30[78] to another origin .*the request body is not sent there/);
    }
    expect(other.received).toHaveLength(0);
  });

  it("keeps headers and body on a redirect within the same origin", async () => {
    expect((await post(via(307, `${home.url}/landing`))).status).toBe(200);
    const landed = home.received.at(-1)!;
    expect(landed).toMatchObject({ method: "POST", path: "/landing", body });
    expect(landed.headers).toMatchObject({ ...credentials, ...harmless });

    expect((await post(via(302, `${home.url}/after-302`))).status).toBe(200);
    const after302 = home.received.at(-1)!;
    expect(after302).toMatchObject({ method: "GET", path: "/after-302", body: "" });
    expect(after302.headers).toMatchObject(credentials);
  });

  it("refuses any redirect to another origin when asked to (Unpod's requests, whose URL holds a token)", async () => {
    const get = (to: string) => fetchPublic(via(302, to), { headers: credentials }, { redirects: "same-origin" });
    await expect(get(`${other.url}/spaces/SPACE/tasks/`)).rejects.toThrow(/redirected to another origin/);
    expect(other.received).toHaveLength(0);
    expect((await get(`${home.url}/same`)).status).toBe(200);
    expect(home.received.at(-1)!.headers).toMatchObject(credentials);
  });
});
