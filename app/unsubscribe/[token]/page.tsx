import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { findByToken } from "@/lib/digests/unsubscribe";

export const metadata = { title: "Unsubscribe · Call Analytics", robots: { index: false } };

// Reached from a digest's unsubscribe link, signed in or not: the token is the key.
export default async function UnsubscribePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> }) {
  const [{ token }, { done }] = await Promise.all([params, searchParams]);
  const target = done ? null : await findByToken(token);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold tracking-tight">
          {done ? "You are unsubscribed" : target ? "Unsubscribe from the digest" : "This link does not work any more"}
        </h1>
        {done && (
          <p className="mt-2 text-sm text-slate-600" role="status">
            No more digests will be sent. You can turn the digest back on under Your account.
          </p>
        )}
        {!done && !target && (
          <p className="mt-2 text-sm text-slate-600">
            The digest was turned off already, or the link was replaced by a newer one. Sign in and open Your account to change your digest.
          </p>
        )}
        {target && (
          <>
            <p className="mt-2 text-sm text-slate-600">
              {target.enabled
                ? `The ${target.frequency} call digest for ${target.email}${target.channels.length ? ` (by ${target.channels.join(" and ")})` : ""} stops. Nothing else changes.`
                : `The digest for ${target.email} is off already.`}
            </p>
            {target.enabled && (
              <form method="post" action={`/api/digests/unsubscribe/${encodeURIComponent(token)}`} className="mt-4">
                <input type="hidden" name="from" value="page" />
                <button type="submit" className={buttonClass("primary")}>
                  Unsubscribe
                </button>
              </form>
            )}
          </>
        )}
        <p className="mt-6 text-sm">
          <Link href="/account#digest" className="text-indigo-700 underline-offset-2 hover:underline">
            Digest settings (sign-in needed)
          </Link>
        </p>
      </div>
    </main>
  );
}
