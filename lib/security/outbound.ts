import http from "node:http";
import https from "node:https";
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import ipaddr from "ipaddr.js";
import { Agent, fetch as undiciFetch } from "undici";

// Every request the server makes to an address that came from outside (vendor
// recordings and transcripts, the Unpod API an admin typed in) goes through
// fetchPublic: no loopback, private, link-local, metadata or otherwise
// non-public address, in any notation (IPv4-mapped IPv6 is judged as the IPv4
// it carries; the URL parser has already turned 2130706433 or 0x7f.1 into
// 127.0.0.1). Host names are checked at connect time, on the very addresses
// the connection then uses, so a name cannot resolve to a public address for
// the check and a private one for the connection (DNS rebinding). Redirects are
// followed by hand, each hop checked the same way.
// OUTBOUND_ALLOW_HOSTS (comma-separated host names or addresses) lets tests and
// on-premise installations reach local hosts on purpose.

export class OutboundRefused extends Error {}

const MAX_REDIRECTS = 3;

function allowedHosts(): Set<string> {
  return new Set((process.env.OUTBOUND_ALLOW_HOSTS ?? "").split(",").map((h) => h.trim().toLowerCase()).filter(Boolean));
}

const bare = (host: string) => host.replace(/^\[|\]$/g, "").toLowerCase();

/** True for an address on the public internet. */
export function isPublicAddress(address: string): boolean {
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === "unicast";
}

/** Refuses other schemes and non-public literal addresses before anything is sent. */
export function checkUrl(url: URL): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new OutboundRefused(`Only http and https URLs are fetched, not ${url.protocol}`);
  const host = bare(url.hostname);
  if (allowedHosts().has(host) || !ipaddr.isValid(host)) return;
  if (!isPublicAddress(host)) throw new OutboundRefused(`${host} is not a public address`);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
type Resolver = (hostname: string, options: LookupOptions & { all: true }, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/**
 * A DNS lookup for outgoing connections that refuses names resolving to any
 * non-public address; the socket connects to the addresses checked here.
 */
export function guardedLookup(resolve: Resolver = dnsLookup as unknown as Resolver) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      if (!allowedHosts().has(bare(hostname))) {
        const refused = addresses.find((a) => !isPublicAddress(a.address));
        if (refused) return callback(new OutboundRefused(`${hostname} resolves to a non-public address (${refused.address})`), []);
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

const agent = new Agent({ connect: { lookup: guardedLookup() } });

/** fetch() for URLs from outside: checked before each request, at connect time, and at every redirect. */
export async function fetchPublic(input: string, init: RequestInit = {}): Promise<Response> {
  let url = new URL(input);
  for (let hop = 0; ; hop++) {
    checkUrl(url);
    let response: Response;
    try {
      // undici's own fetch, for its dispatcher option; its Response is the same web Response.
      response = (await undiciFetch(url, { ...(init as object), redirect: "manual", dispatcher: agent })) as unknown as Response;
    } catch (e) {
      // undici says "fetch failed" and keeps the reason (refused, DNS, reset) as the cause.
      const cause = (e as { cause?: unknown }).cause;
      if (cause instanceof OutboundRefused) throw cause;
      if (cause instanceof Error) throw new Error(cause.message, { cause });
      throw e;
    }
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || !location) return response;
    await response.body?.cancel();
    if (hop >= MAX_REDIRECTS) throw new OutboundRefused("Too many redirects");
    url = new URL(location, url);
  }
}

/**
 * A node:http(s) Agent with the same guard, for client libraries that take an
 * agent rather than a fetch (the HubSpot client). Names are checked by the
 * lookup; literal addresses, which skip the lookup, are checked here.
 */
export function guardedNodeAgent(protocol: "http:" | "https:"): http.Agent {
  const lookup = guardedLookup();
  const AgentClass = protocol === "https:" ? https.Agent : http.Agent;
  const agent = new AgentClass({ keepAlive: true, lookup: lookup as never });
  const connect = agent.createConnection.bind(agent);
  agent.createConnection = ((options: { host?: string }, callback: unknown) => {
    const host = bare(options.host ?? "");
    if (ipaddr.isValid(host) && !allowedHosts().has(host) && !isPublicAddress(host)) throw new OutboundRefused(`${host} is not a public address`);
    return (connect as (o: unknown, c: unknown) => unknown)(options, callback);
  }) as typeof agent.createConnection;
  return agent;
}
