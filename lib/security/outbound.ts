import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

// Every request the server makes to a URL that came from outside (a vendor's
// recording link) goes through here: no private, loopback, link-local or
// metadata addresses, and each redirect is checked the same way.
// OUTBOUND_ALLOW_HOSTS (comma-separated host names or addresses) lets tests and
// on-premise installations reach local hosts on purpose.
//
// The address is checked when resolved, before connecting; pinning the
// connection to the checked address (against DNS rebinding) is still to come.

export class OutboundRefused extends Error {}

const MAX_REDIRECTS = 3;

function allowedHosts(): Set<string> {
  return new Set((process.env.OUTBOUND_ALLOW_HOSTS ?? "").split(",").map((h) => h.trim().toLowerCase()).filter(Boolean));
}

/** True for an address on the public internet. IPv4-mapped IPv6 is judged as the IPv4 it carries. */
export function isPublicAddress(address: string): boolean {
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === "unicast";
}

export async function assertPublicUrl(url: URL): Promise<void> {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new OutboundRefused(`Only http and https URLs are fetched, not ${url.protocol}`);
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (allowedHosts().has(host)) return;
  const addresses = ipaddr.isValid(host) ? [{ address: host }] : await lookup(host, { all: true });
  for (const { address } of addresses) {
    if (!isPublicAddress(address)) throw new OutboundRefused(`${host} resolves to a non-public address`);
  }
}

/** fetch() for URLs from outside: checked before the request and at every redirect. */
export async function fetchPublic(input: string, init: RequestInit = {}): Promise<Response> {
  let url = new URL(input);
  for (let hop = 0; ; hop++) {
    await assertPublicUrl(url);
    const response = await fetch(url, { ...init, redirect: "manual" });
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || !location) return response;
    if (hop >= MAX_REDIRECTS) throw new OutboundRefused("Too many redirects");
    url = new URL(location, url);
  }
}
