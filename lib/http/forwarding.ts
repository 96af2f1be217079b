import type { IncomingHttpHeaders } from "node:http";

// Who is asking. `next start` keeps an X-Forwarded-For that the client sent
// itself, so a client could claim any address (and escape per-address sign-in
// throttling) or any host. The app's server (lib/cli/serve.ts) rewrites the
// forwarding headers before Next.js sees them: with TRUST_PROXY=0 (no reverse
// proxy, the default) the address is the socket's and the client's own
// X-Forwarded-* headers are dropped; with TRUST_PROXY=n the address is the one
// the n-th proxy saw (each proxy appends the address it was called from), and
// the proxies' Host and proto headers are kept.

const unmapped = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");

/** The client's address, from the socket's and the X-Forwarded-For chain, trusting `hops` proxies. */
export function clientAddress(forwardedFor: string | undefined, socketAddress: string | undefined, hops: number): string {
  const chain = [...(hops > 0 ? (forwardedFor ?? "").split(",") : []), socketAddress ?? ""].map((a) => unmapped(a.trim())).filter(Boolean);
  return chain[Math.max(0, chain.length - 1 - hops)] ?? "unknown";
}

/** Rewrites a request's forwarding headers to what this server can vouch for. */
export function trustForwarding(headers: IncomingHttpHeaders, socketAddress: string | undefined, hops: number): void {
  const forwarded = headers["x-forwarded-for"];
  headers["x-forwarded-for"] = clientAddress(Array.isArray(forwarded) ? forwarded.join(",") : forwarded, socketAddress, hops);
  if (hops === 0) {
    // Next.js fills these in from the connection itself when they are absent.
    delete headers["x-forwarded-host"];
    delete headers["x-forwarded-proto"];
    delete headers["x-forwarded-port"];
    delete headers.forwarded;
  }
}

/** The client address as the app's server recorded it, for route handlers. */
export const requestAddress = (headers: Headers) => headers.get("x-forwarded-for")?.split(",")[0].trim() || "unknown";
