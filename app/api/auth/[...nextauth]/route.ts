import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { isPasswordSignIn, throttledSignIn } from "@/lib/auth/throttled-sign-in";

type Context = { params: Promise<{ nextauth: string[] }> };
const nextAuth = NextAuth(authOptions) as (request: NextRequest, context: Context) => Promise<Response>;

export const GET = nextAuth;

// Password sign-ins are throttled; next-auth checks its own CSRF token on every POST.
export function POST(request: NextRequest, context: Context): Promise<Response> {
  if (!isPasswordSignIn(request)) return nextAuth(request, context);
  return throttledSignIn(request, (again) => nextAuth(new NextRequest(again), context));
}
