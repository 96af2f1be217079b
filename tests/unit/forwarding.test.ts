import { describe, expect, it } from "vitest";
import { clientAddress, trustForwarding } from "@/lib/http/forwarding";

describe("client address", () => {
  it("is the socket's when no proxy is trusted, whatever the client claims", () => {
    expect(clientAddress("6.6.6.6", "203.0.113.9", 0)).toBe("203.0.113.9");
    expect(clientAddress(undefined, "::ffff:203.0.113.9", 0)).toBe("203.0.113.9");
  });

  it("is the address the trusted proxy saw, not what the client prepended", () => {
    // The client claims 6.6.6.6; the proxy appends the address it was called from.
    expect(clientAddress("6.6.6.6, 198.51.100.7", "10.0.0.2", 1)).toBe("198.51.100.7");
    expect(clientAddress("6.6.6.6, 198.51.100.7, 10.0.0.3", "10.0.0.2", 2)).toBe("198.51.100.7");
    expect(clientAddress("198.51.100.7", "10.0.0.2", 5)).toBe("198.51.100.7");
  });

  it("drops a client's forwarding headers when no proxy is trusted, and keeps a proxy's", () => {
    const direct = { "x-forwarded-for": "6.6.6.6", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", host: "app" };
    trustForwarding(direct, "203.0.113.9", 0);
    expect(direct).toEqual({ "x-forwarded-for": "203.0.113.9", host: "app" });

    const proxied = { "x-forwarded-for": "198.51.100.7", "x-forwarded-host": "calls.example.com", "x-forwarded-proto": "https" };
    trustForwarding(proxied, "10.0.0.2", 1);
    expect(proxied).toEqual({ "x-forwarded-for": "198.51.100.7", "x-forwarded-host": "calls.example.com", "x-forwarded-proto": "https" });
  });
});
