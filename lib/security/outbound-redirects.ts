// How a request changes when it follows a redirect, as the Fetch standard
// says (HTTP-redirect fetch), and stricter across origins: besides
// Authorization, any header that might carry a credential (a signature, a
// token, an API key, S3's x-amz-*) stays behind, and so does the body. The
// names of such headers cannot all be foreseen (Unpod's Org-Handle, a
// vendor's X-Key), so only headers known to carry none go on to another origin.

export interface OutboundRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: RequestInit["body"];
}

export const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Headers that describe a body, dropped with it. */
const BODY_HEADERS = ["content-type", "content-length", "content-encoding", "content-language", "content-location"];

/** Headers that go on to another origin; every other is left behind. */
const CROSS_ORIGIN_HEADERS = new Set([
  "accept",
  "accept-encoding",
  "accept-language",
  "range",
  "user-agent",
  "cache-control",
  "pragma",
  "if-none-match",
  "if-modified-since",
  "if-range",
]);

/**
 * The request to send to `to` after a `status` redirect, or null when it would
 * resend a body to another origin (a 307 or 308 of a POST): that is refused,
 * not sent elsewhere.
 */
export function redirectedRequest(from: OutboundRequest, status: number, to: URL): OutboundRequest | null {
  let { method, body } = from;
  const headers = new Headers(from.headers);
  if (((status === 301 || status === 302) && method === "POST") || (status === 303 && method !== "GET" && method !== "HEAD")) {
    method = "GET";
    body = null;
    for (const name of BODY_HEADERS) headers.delete(name);
  }
  if (to.origin !== from.url.origin) {
    if (body != null) return null;
    for (const name of [...headers.keys()]) if (!CROSS_ORIGIN_HEADERS.has(name)) headers.delete(name);
  }
  return { url: to, method, headers, body };
}
