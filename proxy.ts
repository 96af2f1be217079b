import { NextResponse, type NextRequest } from "next/server";
import { newNonce, pageCsp } from "@/lib/security/page-csp";

// Next.js runs this before every page (not API routes or static files, see
// the matcher): it gives the page a Content-Security-Policy with a fresh
// nonce, which Next.js reads from the request to mark its own scripts.
// Headers for every response (nosniff, referrer, permissions, HSTS) are in
// next.config.js. Nothing here decides who may see what: every page and
// handler checks the session itself.

export function proxy(request: NextRequest) {
  const https = request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:";
  const csp = pageCsp(newNonce(), { https, dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      // Prefetches are not rendered pages; the navigation that follows gets its own nonce.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
