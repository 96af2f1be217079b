import { problem } from "@/lib/api/problem";
import { unsubscribe } from "@/lib/digests/unsubscribe";
import { readBodyCapped } from "@/lib/ingest/read-body";
import { logger } from "@/lib/log";

// A digest's unsubscribe link, without signing in: the token in the path is
// the key (32 random bytes; a new one after each unsubscribe). POST is both
// the page's button and RFC 8058's one-click unsubscribe, which mail
// providers send with the body "List-Unsubscribe=One-Click" and which must be
// answered without a redirect. GET (a mail client opening the header's link)
// shows the page.

type Route = { params: Promise<{ token: string }> };

const pagePath = (token: string) => `/unsubscribe/${encodeURIComponent(token)}`;

export async function GET(_request: Request, { params }: Route): Promise<Response> {
  return new Response(null, { status: 303, headers: { location: pagePath((await params).token) } });
}

export async function POST(request: Request, { params }: Route): Promise<Response> {
  const { token } = await params;
  const body = new TextDecoder().decode((await readBodyCapped(request.body, 4096)) ?? new Uint8Array(0));
  // The page's own form says so; anything else is a one-click request from a mail provider.
  const fromPage = new URLSearchParams(body).get("from") === "page";
  try {
    const done = await unsubscribe(token);
    if (fromPage) return new Response(null, { status: 303, headers: { location: `${pagePath(token)}${done ? "?done=1" : ""}` } });
    if (!done) return problem(404, "Unknown link", "This unsubscribe link is not valid any more: the digest was turned off already, or the link was changed.");
    return Response.json({ unsubscribed: true });
  } catch (err) {
    logger.error({ err }, "unsubscribe failed");
    return problem(500, "Internal error", "Could not unsubscribe right now; try again in a minute.");
  }
}
