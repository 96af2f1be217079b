import ipaddr from "ipaddr.js";
import { logger } from "@/lib/log";

// OUTBOUND_ALLOW_HOSTS names the hosts the server may reach although they are
// private, or on a port other than 80 (http) and 443 (https), each with its
// port, comma-separated:
//   minio.internal        that host on the default ports only
//   minio.internal:9000   that port only ([fd00::5]:9000 for an IPv6 address)
//   127.0.0.1:*           any port: for tests, whose stand-ins listen on random
//                         ports, and on-premise stores whose ports are not known
//                         in advance
// A port is part of the entry so that allowing a store does not also open
// every other service on that machine.

type AllowedPort = number | "default" | "any";
interface Entry {
  host: string;
  port: AllowedPort;
}

export const defaultPort = (protocol: string) => (protocol === "https:" ? 443 : 80);

/** One spelling per host: lower case, no brackets, IPv6 in full. */
export function normalizeHost(host: string): string {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  return ipaddr.isValid(bare) ? ipaddr.parse(bare).toNormalizedString() : bare;
}

function parseEntry(raw: string): Entry | null {
  const match = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d{1,5}|\*))?$/.exec(raw);
  // An IPv6 address without brackets cannot carry a port.
  if (!match) return ipaddr.IPv6.isValid(raw) ? { host: normalizeHost(raw), port: "default" } : null;
  const port: AllowedPort = match[2] === undefined ? "default" : match[2] === "*" ? "any" : Number(match[2]);
  if (typeof port === "number" && (port < 1 || port > 65_535)) return null;
  return { host: normalizeHost(match[1]), port };
}

let parsed: { source: string; entries: Entry[] } | null = null;

// Read at each use, so that a test can change it; parsed once per value.
function entries(): Entry[] {
  const source = process.env.OUTBOUND_ALLOW_HOSTS ?? "";
  if (parsed?.source === source) return parsed.entries;
  const list: Entry[] = [];
  for (const raw of source
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const entry = parseEntry(raw);
    if (entry) list.push(entry);
    else logger.warn({ entry: raw }, "OUTBOUND_ALLOW_HOSTS: entry ignored (expected host, host:port, [ipv6]:port or host:*)");
  }
  parsed = { source, entries: list };
  return list;
}

/** Whether OUTBOUND_ALLOW_HOSTS lets the server reach `host` on `port` over `protocol`. */
export function isAllowed(protocol: string, host: string, port: number): boolean {
  const wanted = normalizeHost(host);
  return entries().some((e) => e.host === wanted && (e.port === "any" || e.port === port || (e.port === "default" && port === defaultPort(protocol))));
}
