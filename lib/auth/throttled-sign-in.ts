import { problem } from "@/lib/api/problem";
import { requestAddress } from "@/lib/http/forwarding";
import { readBodyCapped } from "@/lib/ingest/read-body";
import { beginSignIn } from "./sign-in-throttle";

// The password sign-in (next-auth's credentials callback), throttled. The
// form is read here once, strictly (a form, each field once, 8 KB at most),
// and next-auth is handed exactly what was read, so that the email counted
// is the email checked. next-auth answers every refusal alike, so its answer
// is read for what happened: a session cookie (right password), the
// CredentialsSignin error (wrong one), or neither (no password was checked,
// e.g. a missing CSRF token).

export const MAX_AUTH_BODY_BYTES = 8 * 1024;
const FORM = "application/x-www-form-urlencoded";

const setsSession = (response: Response) => response.headers.getSetCookie().some((c) => /^(__Secure-)?next-auth\.session-token=[^;]/.test(c));

async function refusedCredentials(response: Response): Promise<boolean> {
  const target =
    response.headers.get("location") ??
    (
      (await response
        .clone()
        .json()
        .catch(() => null)) as { url?: string } | null
    )?.url ??
    "";
  return /[?&]error=CredentialsSignin\b/.test(target);
}

function waitProblem(wait: number): Response {
  const minutes = Math.ceil(wait / 60);
  const when = wait < 60 ? `${wait} seconds` : `${minutes} minute${minutes > 1 ? "s" : ""}`;
  return problem(429, "Too many sign-in attempts", `Too many attempts: try again in ${when}.`, { retryAfter: wait }, { "retry-after": String(wait) });
}

/** The form as sent, or a problem: only a plain form with each field once. */
async function readForm(request: Request): Promise<URLSearchParams | Response> {
  if (request.headers.get("content-type")?.trim().toLowerCase() !== FORM) return problem(415, "Unsupported content type", `Sign in with a form (${FORM}).`);
  const bytes = await readBodyCapped(request.body, MAX_AUTH_BODY_BYTES);
  if (!bytes) return problem(413, "Body too large", `A sign-in may be at most ${MAX_AUTH_BODY_BYTES / 1024} KB.`);
  const form = new URLSearchParams(new TextDecoder().decode(bytes));
  const names = [...form.keys()];
  if (new Set(names).size !== names.length) return problem(400, "Invalid sign-in", "Each field may be sent once.");
  return form;
}

export async function throttledSignIn(request: Request, signIn: (request: Request) => Promise<Response>): Promise<Response> {
  const form = await readForm(request);
  if (form instanceof Response) return form;
  const attempt = await beginSignIn(form.get("email") ?? "", requestAddress(request.headers));
  if (attempt.wait > 0) return waitProblem(attempt.wait);

  const headers = new Headers(request.headers);
  headers.set("content-type", FORM);
  headers.delete("content-length");
  const response = await signIn(new Request(request.url, { method: "POST", headers, body: form.toString() }));
  if (setsSession(response)) await attempt.succeeded();
  else if (await refusedCredentials(response)) await attempt.failed();
  else await attempt.void();
  return response;
}
