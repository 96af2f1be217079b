import { createServer, type Server } from "node:http";
import type { LookupAddress } from "node:dns";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import { checkUrl, fetchPublic, guardedLookup, guardedNodeAgent, isPublicAddress, OutboundRefused } from "@/lib/security/outbound";

// The guard every server-side fetch of an outside URL goes through.

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/to-metadata") return void res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    if (req.url === "/to-localhost") return void res.writeHead(302, { location: `http://localhost:${port}/ok` }).end();
    res.writeHead(200, { "content-type": "text/plain" }).end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => delete process.env.OUTBOUND_ALLOW_HOSTS);

describe("outbound address guard", () => {
  it("refuses loopback, private, link-local, metadata and their IPv6 and mapped forms", () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "0.0.0.0", "100.64.0.1", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::", "::ffff:10.0.0.1"]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    expect(isPublicAddress("93.184.216.34")).toBe(true);
    expect(isPublicAddress("2606:4700::1111")).toBe(true);
  });

  it("refuses other schemes and private literals in any notation before sending anything", () => {
    for (const url of ["http://169.254.169.254/latest/meta-data", "http://[::ffff:127.0.0.1]:8080/", "http://[::1]/", "http://2130706433/", "http://0x7f.0.0.1/", "http://017700000001/", "http://0/", "http://[fd00::1]/"]) {
      expect(() => checkUrl(new URL(url)), url).toThrow(OutboundRefused);
    }
    expect(() => checkUrl(new URL("file:///etc/passwd"))).toThrow(/http and https/);
    expect(() => checkUrl(new URL("https://93.184.216.34/"))).not.toThrow();
  });

  it("checks the addresses a name resolves to when connecting, so a rebinding name is refused", async () => {
    const answers: LookupAddress[][] = [[{ address: "93.184.216.34", family: 4 }], [{ address: "93.184.216.34", family: 4 }, { address: "127.0.0.1", family: 4 }]];
    const lookup = guardedLookup((_host, _opts, cb) => cb(null, answers.shift()!));
    const first = await new Promise((resolve) => lookup("rebind.test", {}, (err, address) => resolve(err ?? address)));
    expect(first).toBe("93.184.216.34");
    const second = await new Promise((resolve) => lookup("rebind.test", { all: true }, (err) => resolve(err)));
    expect(second).toBeInstanceOf(OutboundRefused);
  });

  it("refuses a name for this machine and redirects to private addresses, and honours the allowlist", async () => {
    await expect(fetchPublic(`http://localhost:${port}/ok`)).rejects.toThrow(/localhost resolves to a non-public address/);
    process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
    expect(await (await fetchPublic(`http://127.0.0.1:${port}/ok`)).text()).toBe("ok");
    await expect(fetchPublic(`http://127.0.0.1:${port}/to-metadata`)).rejects.toThrow(/169\.254\.169\.254 is not a public address/);
    await expect(fetchPublic(`http://127.0.0.1:${port}/to-localhost`)).rejects.toBeInstanceOf(OutboundRefused);
    process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1,localhost";
    expect(await (await fetchPublic(`http://127.0.0.1:${port}/to-localhost`)).text()).toBe("ok");
  });

  it("guards node:http agents too (the HubSpot client's), literal addresses and names alike", async () => {
    const get = (url: string) =>
      new Promise<number>((resolve, reject) => {
        try {
          http.get(url, { agent: guardedNodeAgent("http:") }, (res) => (res.resume(), resolve(res.statusCode!))).on("error", reject);
        } catch (e) {
          reject(e);
        }
      });
    await expect(get(`http://127.0.0.1:${port}/ok`)).rejects.toThrow(/not a public address/);
    await expect(get(`http://[::ffff:127.0.0.1]:${port}/ok`)).rejects.toThrow(/not a public address/);
    await expect(get(`http://localhost:${port}/ok`)).rejects.toThrow(/non-public address/);
    process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
    expect(await get(`http://127.0.0.1:${port}/ok`)).toBe(200);
  });
});
