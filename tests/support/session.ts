import { baseUrl } from "./http";

// A signed-in session over plain HTTP (next-auth's credentials flow), for API
// tests of what only people, or only admins, may do.

const sessions = new Map<string, Promise<string>>();

/**
 * One password sign-in as the login form makes it. `from` is the client
 * address (the test stack trusts one proxy hop, so X-Forwarded-For says it).
 */
export async function attemptSignIn(who: { email: string; password: string }, from?: string): Promise<Response> {
  const address: Record<string, string> = from ? { "x-forwarded-for": from } : {};
  const page = { origin: baseUrl() };
  const csrf = await fetch(`${baseUrl()}/api/auth/csrf`, { headers: address });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return fetch(`${baseUrl()}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, ...page, ...address },
    body: new URLSearchParams({ csrfToken, email: who.email, password: who.password, json: "true" }),
  });
}

export async function signInCookie(who: { email: string; password: string }, from?: string): Promise<string> {
  const response = await attemptSignIn(who, from);
  const session = response.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`signing in as ${who.email} failed (${response.status})`);
  return session.split(";")[0];
}

/** fetch() as a signed-in user; the session is made once per user. */
export async function asUser(who: { email: string; password: string }, path: string, init: RequestInit = {}): Promise<Response> {
  if (!sessions.has(who.email)) sessions.set(who.email, signInCookie(who));
  const cookie = await sessions.get(who.email)!;
  // As a browser does: a change says which origin it comes from.
  const headers: Record<string, string> = { cookie };
  if (init.method && init.method !== "GET") headers.origin = baseUrl();
  if (init.body) headers["content-type"] = "application/json";
  return fetch(`${baseUrl()}${path}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string> | undefined) } });
}
