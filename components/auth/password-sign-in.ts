import { getCsrfToken } from "next-auth/react";

// next-auth's password sign-in, called directly rather than through its
// signIn(), which keeps only an error code: the form needs the server's
// answer to say when a throttled sign-in may be tried again.

export type SignInResult = { ok: true } | { ok: false; message: string; retryAfter?: number };

export async function signInWithPassword(email: string, password: string): Promise<SignInResult> {
  const csrfToken = (await getCsrfToken()) ?? "";
  const res = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  }).catch(() => null);
  if (!res) return { ok: false, message: "The server could not be reached; check your connection and try again." };
  if (res.ok) return { ok: true };
  if (res.status === 429 || res.status === 413) {
    const detail = ((await res.json().catch(() => null)) as { detail?: string } | null)?.detail;
    return { ok: false, message: detail ?? "Too many attempts; try again later.", retryAfter: Number(res.headers.get("retry-after")) || undefined };
  }
  return { ok: false, message: "That email and password do not match an active account." };
}
