import { problem } from "@/lib/api/problem";
import { requestAddress } from "@/lib/http/forwarding";
import { readBodyCapped } from "@/lib/ingest/read-body";
import { admitSignIn, signInFailed, signInSucceeded } from "./sign-in-throttle";

// The password sign-in (next-auth's credentials callback), with a small body
// limit and throttling around it. next-auth answers a wrong password like any
// other refusal, so success is read from the session cookie it sets.

const MAX_BODY_BYTES = 8 * 1024;

export const isPasswordSignIn = (request: Request) => new URL(request.url).pathname.endsWith("/callback/credentials");

const setsSession = (response: Response) => response.headers.getSetCookie().some((c) => /^(__Secure-)?next-auth\.session-token=[^;]/.test(c));

export async function throttledSignIn(request: Request, signIn: (request: Request) => Promise<Response>): Promise<Response> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim();
  if (type !== "application/x-www-form-urlencoded") return problem(415, "Unsupported content type", "Sign in with a form (application/x-www-form-urlencoded).");
  const bytes = await readBodyCapped(request.body, MAX_BODY_BYTES);
  if (!bytes) return problem(413, "Body too large", `A sign-in may be at most ${MAX_BODY_BYTES / 1024} KB.`);
  const email = new URLSearchParams(new TextDecoder().decode(bytes)).get("email") ?? "";
  const address = requestAddress(request.headers);

  const wait = await admitSignIn(email, address);
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60);
    return problem(429, "Too many sign-in attempts", `Too many attempts: try again in ${wait < 60 ? `${wait} seconds` : `${minutes} minute${minutes > 1 ? "s" : ""}`}.`, { retryAfter: wait }, { "retry-after": String(wait) });
  }
  const response = await signIn(new Request(request.url, { method: "POST", headers: request.headers, body: bytes }));
  if (setsSession(response)) await signInSucceeded(email, address);
  else await signInFailed(email, address);
  return response;
}
