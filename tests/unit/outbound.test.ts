import { afterEach, describe, expect, it } from "vitest";
import { assertPublicUrl, isPublicAddress, OutboundRefused } from "@/lib/security/outbound";

describe("outbound address guard", () => {
  afterEach(() => delete process.env.OUTBOUND_ALLOW_HOSTS);

  it("refuses loopback, private, link-local, metadata and their IPv6 and mapped forms", () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "0.0.0.0", "100.64.0.1", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::"]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    expect(isPublicAddress("93.184.216.34")).toBe(true);
    expect(isPublicAddress("2606:4700::1111")).toBe(true);
  });

  it("checks literal addresses and schemes before any request, and honours the allowlist", async () => {
    await expect(assertPublicUrl(new URL("http://169.254.169.254/latest/meta-data"))).rejects.toBeInstanceOf(OutboundRefused);
    await expect(assertPublicUrl(new URL("http://[::ffff:127.0.0.1]:8080/"))).rejects.toBeInstanceOf(OutboundRefused);
    await expect(assertPublicUrl(new URL("file:///etc/passwd"))).rejects.toThrow(/http and https/);
    await expect(assertPublicUrl(new URL("http://localhost:3000/"))).rejects.toBeInstanceOf(OutboundRefused);
    process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
    await expect(assertPublicUrl(new URL("http://127.0.0.1:9000/a.wav"))).resolves.toBeUndefined();
  });
});
