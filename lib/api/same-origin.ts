import { publicOrigin } from "./origin";

// Cross-site request forgery: a signed-in browser sends its session cookie
// with a request that another site (a sibling subdomain, where SameSite=Lax
// does not help) makes it send. Browsers always say where a change comes
// from (Origin, or Sec-Fetch-Site for same-origin requests); a request that
// changes something with a session must come from the app's own origin.
// API keys and the cron secret are not sent by browsers on their own, so
// requests carrying them need no such check.

const CHANGES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The app's own origins: as the browser sees it (Host, or the trusted proxy's), and NEXTAUTH_URL. */
function ownOrigins(request: Request): Set<string> {
  const origins = new Set([publicOrigin(request.headers, request.url)]);
  if (process.env.NEXTAUTH_URL) origins.add(new URL(process.env.NEXTAUTH_URL).origin);
  return origins;
}

/** Why a request made with a session cookie may not change anything, or null when it may. */
export function crossSiteRefusal(request: Request): string | null {
  if (!CHANGES.has(request.method)) return null;
  const origin = request.headers.get("origin");
  if (origin) return ownOrigins(request).has(origin) ? null : `A change cannot come from ${origin.slice(0, 100)}: only from this app's own pages.`;
  if (request.headers.get("sec-fetch-site") === "same-origin") return null;
  return "A change must come from this app's own pages, and this request did not say where it came from (no Origin header).";
}

/** Whether a request carries a body (a length above zero, or a chunked one of unknown length). */
export function hasBody(request: Request): boolean {
  const length = request.headers.get("content-length");
  return length !== null ? Number(length) > 0 : request.headers.has("transfer-encoding");
}

export const isJson = (request: Request) => (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase() === "application/json";
