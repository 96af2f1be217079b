import http, { createServer, type IncomingHttpHeaders } from "node:http";
import type { LookupAddress } from "node:dns";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log";
import { checkUrl, fetchPublic, guardedLookup, guardedNodeAgent, isPublicAddress, OutboundRefused } from "@/lib/security/outbound";
import { asyncListener } from "../support/listener";

// The guard every server-side fetch of an outside URL goes through, against
// two real local servers: two ports on 127.0.0.1 are two origins.

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

async function startServer() {
  const received: Received[] = [];
  const server = createServer(
    asyncListener(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      received.push({ method: req.method ?? "", path: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const url = new URL(req.url ?? "/", "http://x");
      if (url.pathname === "/to-metadata") return void res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
      if (url.pathname === "/to-localhost") return void res.writeHead(302, { location: `http://localhost:${port}/ok` }).end();
      if (url.pathname === "/redirect") return void res.writeHead(Number(url.searchParams.get("status")), { location: url.searchParams.get("to")! }).end();
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return { port, url: `http://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let home: Awaited<ReturnType<typeof startServer>>;
let other: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  [home, other] = await Promise.all([startServer(), startServer()]);
});
afterAll(() => Promise.all([home.close(), other.close()]));
// The guard's warnings, kept out of the test output and looked at where they matter.
let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
});
afterEach(() => {
  delete process.env.OUTBOUND_ALLOW_HOSTS;
  home.received.length = 0;
  other.received.length = 0;
  vi.restoreAllMocks();
});

const refusedBy = (url: string) => {
  try {
    checkUrl(new URL(url));
    return null;
  } catch (e) {
    expect(e, url).toBeInstanceOf(OutboundRefused);
    return (e as Error).message;
  }
};

const lookupResult = (lookup: ReturnType<typeof guardedLookup>, host: string) =>
  new Promise<Error | string | LookupAddress[]>((resolve) => lookup(host, {}, (err, address) => resolve(err ?? address)));

describe("outbound address guard", () => {
  it("refuses loopback, private, link-local, metadata and their IPv6, mapped and IPv4-compatible forms", () => {
    const refused = [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.9",
      "192.168.1.1",
      "169.254.169.254",
      "0.0.0.0",
      "100.64.0.1",
      "::1",
      "fe80::1",
      "fc00::1",
      "::ffff:127.0.0.1",
      "::ffff:169.254.169.254",
      "::",
      "::ffff:10.0.0.1",
    ];
    // ::/96, IPv4-compatible: ipaddr.js calls these unicast. Then NAT64, 6to4 and Teredo, which carry IPv4 too.
    refused.push("::7f00:1", "::a00:1", "::a9fe:a9fe", "::808:808", "64:ff9b::7f00:1", "2002:7f00:1::", "2001::1");
    for (const address of refused) expect(isPublicAddress(address), address).toBe(false);
    expect(isPublicAddress("93.184.216.34")).toBe(true);
    expect(isPublicAddress("2606:4700::1111")).toBe(true);
  });

  it("refuses other schemes and private literals in any notation before sending anything", () => {
    for (const url of [
      "http://169.254.169.254/latest/meta-data",
      "http://[::ffff:127.0.0.1]/",
      "http://[::1]/",
      "http://2130706433/",
      "http://0x7f.0.0.1/",
      "http://017700000001/",
      "http://0/",
      "http://[fd00::1]/",
      "http://[::7f00:1]/",
      "http://[::a00:1]/",
    ]) {
      expect(refusedBy(url), url).toMatch(/is not a public address/);
    }
    expect(refusedBy("file:///etc/passwd")).toMatch(/http and https/);
    expect(refusedBy("https://93.184.216.34/")).toBeNull();
  });

  it("refuses ports other than 80 for http and 443 for https, unless the allow list names the host with that port", () => {
    for (const url of [
      "https://93.184.216.34:8443/",
      "http://example.com:22/",
      "https://example.com:80/",
      "http://example.com:443/",
      "http://example.com:6379/",
    ]) {
      expect(refusedBy(url), url).toMatch(/^Port \d+ is not allowed/);
    }
    for (const url of ["http://example.com/", "http://example.com:80/", "https://example.com:443/"]) expect(refusedBy(url), url).toBeNull();

    process.env.OUTBOUND_ALLOW_HOSTS = "example.com";
    expect(refusedBy("https://example.com:8443/")).toMatch(/Port 8443/);
    process.env.OUTBOUND_ALLOW_HOSTS = "example.com:8443";
    expect(refusedBy("https://example.com:8443/")).toBeNull();
    expect(refusedBy("https://example.com:8444/")).toMatch(/Port 8444/);
    expect(refusedBy("https://other.example.com:8443/")).toMatch(/Port 8443/);
    process.env.OUTBOUND_ALLOW_HOSTS = "example.com:*";
    expect(refusedBy("https://example.com:8444/")).toBeNull();
  });

  it("reads allow-list entries as host, host:port, [ipv6]:port or host:*, and a bare host allows only the default ports", () => {
    process.env.OUTBOUND_ALLOW_HOSTS = "10.0.0.7, minio.internal:9000, [fd00::5]:9000, 192.168.1.9:*, ::1, not a host:x";
    expect(refusedBy("http://10.0.0.7/")).toBeNull();
    expect(refusedBy("https://10.0.0.7/")).toBeNull();
    expect(refusedBy("http://10.0.0.7:8080/")).toMatch(/Port 8080/);
    expect(refusedBy("http://minio.internal:9000/")).toBeNull();
    expect(refusedBy("http://[fd00:0::5]:9000/")).toBeNull();
    expect(refusedBy("http://[fd00::5]/")).toMatch(/fd00::5 is not a public address/);
    expect(refusedBy("http://192.168.1.9:1234/")).toBeNull();
    expect(refusedBy("http://[::1]/")).toBeNull();
    expect(refusedBy("http://[::1]:3000/")).toMatch(/Port 3000/);
    expect(refusedBy("http://10.0.0.8/")).toMatch(/not a public address/);
  });

  it("checks the addresses a name resolves to when connecting, so a rebinding name is refused", async () => {
    const answers: LookupAddress[][] = [
      [{ address: "93.184.216.34", family: 4 }],
      [
        { address: "93.184.216.34", family: 4 },
        { address: "127.0.0.1", family: 4 },
      ],
    ];
    const lookup = guardedLookup({ protocol: "https:", port: 443 }, (_host, _opts, cb) => cb(null, answers.shift()!));
    expect(await lookupResult(lookup, "rebind.test")).toBe("93.184.216.34");
    expect(await lookupResult(lookup, "rebind.test")).toBeInstanceOf(OutboundRefused);
  });

  it("lets an allowed name resolve to a private address only on the port the allow list gives it", async () => {
    const resolve = (_host: string, _opts: unknown, cb: (err: null, a: LookupAddress[]) => void) => cb(null, [{ address: "10.0.0.5", family: 4 }]);
    process.env.OUTBOUND_ALLOW_HOSTS = "store.internal:9000";
    expect(await lookupResult(guardedLookup({ protocol: "http:", port: 9000 }, resolve), "store.internal")).toBe("10.0.0.5");
    expect(await lookupResult(guardedLookup({ protocol: "http:", port: 80 }, resolve), "store.internal")).toBeInstanceOf(OutboundRefused);
    process.env.OUTBOUND_ALLOW_HOSTS = "store.internal";
    expect(await lookupResult(guardedLookup({ protocol: "http:", port: 80 }, resolve), "store.internal")).toBe("10.0.0.5");
    expect(await lookupResult(guardedLookup({ protocol: "http:", port: 9000 }, resolve), "store.internal")).toBeInstanceOf(OutboundRefused);
  });

  it("names the host but not the private address it resolved to, which goes to the server's log", async () => {
    const lookup = guardedLookup({ protocol: "https:", port: 443 }, (_host, _opts, cb) => cb(null, [{ address: "10.0.0.5", family: 4 }]));
    const refused = (await lookupResult(lookup, "intranet.example.com")) as Error;
    expect(refused.message).toBe("intranet.example.com resolves to a non-public address");
    expect(warn).toHaveBeenCalledWith({ host: "intranet.example.com", address: "10.0.0.5" }, expect.any(String));

    const error = await fetchPublic("http://localhost/ok").catch((e: Error) => e);
    expect(error).toBeInstanceOf(OutboundRefused);
    expect((error as Error).message).toBe("localhost resolves to a non-public address");
  });

  it("refuses a name for this machine and redirects to private addresses, and honours the allow list", async () => {
    await expect(fetchPublic(`http://localhost:${home.port}/ok`)).rejects.toThrow(/Port \d+ is not allowed/);
    process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
    await expect(fetchPublic(`${home.url}/ok`)).rejects.toThrow(/Port \d+ is not allowed/);
    process.env.OUTBOUND_ALLOW_HOSTS = `127.0.0.1:${home.port}`;
    expect(await (await fetchPublic(`${home.url}/ok`)).text()).toBe("ok");
    await expect(fetchPublic(`${home.url}/to-metadata`)).rejects.toThrow(/169\.254\.169\.254 is not a public address/);
    await expect(fetchPublic(`${home.url}/to-localhost`)).rejects.toBeInstanceOf(OutboundRefused);
    process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1:*,localhost:*";
    expect(await (await fetchPublic(`${home.url}/to-localhost`)).text()).toBe("ok");
  });

  it("guards node:http agents too (the HubSpot client's): literal addresses, names and ports", async () => {
    const get = (url: string) =>
      new Promise<number>((resolve, reject) => {
        try {
          http.get(url, { agent: guardedNodeAgent("http:") }, (res) => (res.resume(), resolve(res.statusCode!))).on("error", reject);
        } catch (e) {
          reject(e instanceof Error ? e : new Error("http.get failed"));
        }
      });
    process.env.OUTBOUND_ALLOW_HOSTS = "93.184.216.34";
    await expect(get("http://127.0.0.1/ok")).rejects.toThrow(/127\.0\.0\.1 is not a public address/);
    await expect(get("http://[::ffff:127.0.0.1]/ok")).rejects.toThrow(/not a public address/);
    await expect(get("http://[::7f00:1]/ok")).rejects.toThrow(/not a public address/);
    await expect(get("http://localhost/ok")).rejects.toThrow(/localhost resolves to a non-public address$/);
    await expect(get("http://93.184.216.34:6379/")).rejects.toThrow(/Port 6379 is not allowed/);
    process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
    await expect(get(`${home.url}/ok`)).rejects.toThrow(/Port \d+ is not allowed/);
    process.env.OUTBOUND_ALLOW_HOSTS = `127.0.0.1:${home.port}`;
    expect(await get(`${home.url}/ok`)).toBe(200);
  });
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
