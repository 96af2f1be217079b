import http from "node:http";
import https from "node:https";
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { networkErrorText } from "@/lib/http/network-errors";
import ipaddr from "ipaddr.js";
import { Agent, buildConnector, fetch as undiciFetch } from "undici";
import { logger } from "@/lib/log";
import { defaultPort, isAllowed } from "./outbound-allow-list";
import { REDIRECT_STATUSES, redirectedRequest, type OutboundRequest } from "./outbound-redirects";

// Every request the server makes to an address that came from outside (vendor
// recordings and transcripts, the Unpod API an admin typed in) goes through
// fetchPublic: no loopback, private, link-local, metadata or otherwise
// non-public address, in any notation (IPv4-mapped IPv6 is judged as the IPv4
// it carries; the URL parser has already turned 2130706433 or 0x7f.1 into
// 127.0.0.1), and no port but 80 for http and 443 for https. Host names are
// checked at connect time, on the very addresses the connection then uses, so
// a name cannot resolve to a public address for the check and a private one
// for the connection (DNS rebinding). Redirects are followed by hand, each hop
// checked the same way, and credentials do not follow one to another origin
// (outbound-redirects.ts). OUTBOUND_ALLOW_HOSTS (outbound-allow-list.ts) lets
// tests and on-premise installations reach local hosts and ports on purpose.
// Refusals may reach API readers and browsers: they never name an address a
// host name resolved to, which the server's log keeps instead.

export class OutboundRefused extends Error {}

const MAX_REDIRECTS = 3;

const bare = (host: string) => host.replace(/^\[|\]$/g, "").toLowerCase();

/** Where a connection goes, besides its host. */
export interface Target {
  protocol: string;
  port: number;
}

// IPv4-compatible IPv6 (deprecated): ipaddr.js calls it unicast, but ::7f00:1
// or ::a00:1 may reach 127.0.0.1 or 10.0.0.1.
const IPV4_COMPATIBLE = ipaddr.parseCIDR("::/96") as [ipaddr.IPv6, number];

/** True for an address on the public internet. */
export function isPublicAddress(address: string): boolean {
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6") {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.match(IPV4_COMPATIBLE)) return false;
    if (v6.isIPv4MappedAddress()) parsed = v6.toIPv4Address();
  }
  return parsed.range() === "unicast";
}

/** Refuses other schemes, other ports and non-public literal addresses, unless OUTBOUND_ALLOW_HOSTS allows the host on that port. */
export function checkTarget(protocol: string, hostname: string, port: number): void {
  if (protocol !== "http:" && protocol !== "https:") throw new OutboundRefused(`Only http and https URLs are fetched, not ${protocol}`);
  const host = bare(hostname);
  if (isAllowed(protocol, host, port)) return;
  if (port !== defaultPort(protocol)) throw new OutboundRefused(`Port ${port} is not allowed: only 80 for http and 443 for https`);
  if (ipaddr.isValid(host) && !isPublicAddress(host)) throw new OutboundRefused(`${host} is not a public address`);
}

const portOf = (url: URL) => (url.port ? Number(url.port) : defaultPort(url.protocol));

/** Refuses a URL before anything is sent (see checkTarget). */
export const checkUrl = (url: URL): void => checkTarget(url.protocol, url.hostname, portOf(url));

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
type Resolver = (
  hostname: string,
  options: LookupOptions & { all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * A DNS lookup for connections to `target` that refuses names resolving to
 * any non-public address, unless OUTBOUND_ALLOW_HOSTS allows the name on that
 * port; the socket connects to the addresses checked here.
 */
export function guardedLookup(target: Target, resolve: Resolver = dnsLookup) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      if (!isAllowed(target.protocol, hostname, target.port)) {
        const refused = addresses.find((a) => !isPublicAddress(a.address));
        if (refused) {
          logger.warn({ host: hostname, address: refused.address }, "outbound connection refused: the name resolves to a non-public address");
          return callback(new OutboundRefused(`${hostname} resolves to a non-public address`), []);
        }
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

// The lookup must know the port its connection is for, which undici does not
// pass to it: one connector per scheme and port, each with its own lookup.
// Only default and allowed ports get one, so there are few.
const connectors = new Map<string, buildConnector.connector>();

function guardedConnect(options: buildConnector.Options, callback: buildConnector.Callback): void {
  const target = { protocol: options.protocol, port: Number(options.port) || defaultPort(options.protocol) };
  try {
    checkTarget(target.protocol, options.hostname, target.port);
  } catch (e) {
    return callback(e as Error, null);
  }
  const key = `${target.protocol}${target.port}`;
  let connect = connectors.get(key);
  // HTTP/1.1 only, as before undici 8 offered h2 by default: vendor storage and
  // APIs all speak it, and the guard and its tests were written for it.
  if (!connect) connectors.set(key, (connect = buildConnector({ lookup: guardedLookup(target), allowH2: false })));
  connect(options, callback);
}

const agent = new Agent({ connect: guardedConnect });

async function send(request: OutboundRequest, init: RequestInit): Promise<Response> {
  try {
    // undici's own fetch, for its dispatcher option; its Response is the same web Response.
    const sent = { ...init, method: request.method, headers: Object.fromEntries(request.headers), body: request.body, redirect: "manual", dispatcher: agent };
    return (await undiciFetch(request.url, sent as Parameters<typeof undiciFetch>[1])) as unknown as Response;
  } catch (e) {
    // undici says "fetch failed" and keeps the reason (refused, DNS, reset) as the cause.
    const cause = (e as { cause?: unknown }).cause;
    if (cause instanceof OutboundRefused) throw cause;
    if (cause instanceof Error) throw new Error(networkErrorText(cause), { cause: e });
    throw e;
  }
}

export interface FetchPublicOptions {
  /** "same-origin" refuses a redirect to another origin: for requests whose URL itself holds a credential (Unpod's space token). */
  redirects?: "follow" | "same-origin";
}

/** fetch() for URLs from outside: checked before each request, at connect time, and at every redirect. */
export async function fetchPublic(input: string, init: RequestInit = {}, { redirects = "follow" }: FetchPublicOptions = {}): Promise<Response> {
  let request: OutboundRequest = { url: new URL(input), method: (init.method ?? "GET").toUpperCase(), headers: new Headers(init.headers), body: init.body };
  for (let hop = 0; ; hop++) {
    checkUrl(request.url);
    const response = await send(request, init);
    const location = response.headers.get("location");
    if (!REDIRECT_STATUSES.has(response.status) || !location) return response;
    await response.body?.cancel();
    if (hop >= MAX_REDIRECTS) throw new OutboundRefused("Too many redirects");
    const to = new URL(location, request.url);
    const from = request.url.origin;
    if (redirects === "same-origin" && to.origin !== from) throw new OutboundRefused(`${from} redirected to another origin (${to.origin}); not followed`);
    const next = redirectedRequest(request, response.status, to);
    if (!next) throw new OutboundRefused(`${from} answered ${response.status} to another origin (${to.origin}); the request body is not sent there`);
    request = next;
  }
}

/**
 * A node:http(s) Agent with the same guard, for client libraries that take an
 * agent rather than a fetch (the HubSpot client). Names are checked by the
 * lookup; ports and literal addresses, which skip the lookup, are checked here.
 */
export function guardedNodeAgent(protocol: "http:" | "https:"): http.Agent {
  const AgentClass = protocol === "https:" ? https.Agent : http.Agent;
  const agent = new AgentClass({ keepAlive: true });
  const connect = agent.createConnection.bind(agent);
  agent.createConnection = ((options: { host?: string; port?: number | string }, callback: unknown) => {
    const target = { protocol, port: Number(options.port) || defaultPort(protocol) };
    checkTarget(protocol, options.host ?? "", target.port);
    return (connect as (o: unknown, c: unknown) => unknown)({ ...options, lookup: guardedLookup(target) }, callback);
  }) as typeof agent.createConnection;
  return agent;
}
