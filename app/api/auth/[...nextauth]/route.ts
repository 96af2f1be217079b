import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { problem } from "@/lib/api/problem";
import { crossSiteRefusal } from "@/lib/api/same-origin";
import { authOptions } from "@/lib/auth/options";
import { MAX_AUTH_BODY_BYTES, throttledSignIn } from "@/lib/auth/throttled-sign-in";
import { readBodyCapped } from "@/lib/ingest/read-body";

type Context = { params: Promise<{ nextauth: string[] }> };
const nextAuth = NextAuth(authOptions) as (request: NextRequest, context: Context) => Promise<Response>;

export const GET = nextAuth;

// next-auth checks its own CSRF token on every POST; on top of that a POST
// must come from the app's own pages (a sibling site could plant a token
// pair), name an action next-auth knows (it reads only the first two path
// segments), and be small. Password sign-ins are throttled.
export async function POST(request: NextRequest, context: Context): Promise<Response> {
  const refusal = crossSiteRefusal(request);
  if (refusal) return problem(403, "Cross-site request refused", refusal);
  const segments = (await context.params).nextauth ?? [];
  if (segments.length > 2) return problem(404, "Not found", "There is no such sign-in action.");
  const forward = (again: Request) => nextAuth(new NextRequest(again), context);
  if (segments[0] === "callback" && segments[1] === "credentials") return throttledSignIn(request, forward);

  const body = await readBodyCapped(request.body, MAX_AUTH_BODY_BYTES);
  if (!body) return problem(413, "Body too large", `At most ${MAX_AUTH_BODY_BYTES / 1024} KB.`);
  return forward(new Request(request.url, { method: "POST", headers: request.headers, body }));
}
