import http from "node:http";
import type { LookupAddress } from "node:dns";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log";
import { checkUrl, fetchPublic, guardedLookup, guardedNodeAgent, isPublicAddress, OutboundRefused } from "@/lib/security/outbound";
import { startServer, type OutboundServer } from "../support/outbound-server";

// The guard every server-side fetch of an outside URL goes through: which
// addresses, ports and names it lets through, against a real local server
// (outbound-redirects.test.ts covers what it does with redirects).

let home: OutboundServer;
beforeAll(async () => {
  home = await startServer();
});
afterAll(() => home.close());
// The guard's warnings, kept out of the test output and looked at where they matter.
let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
});
afterEach(() => {
  delete process.env.OUTBOUND_ALLOW_HOSTS;
  home.received.length = 0;
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
