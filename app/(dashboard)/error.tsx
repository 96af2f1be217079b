"use client";

import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/**
 * A dashboard page whose data could not be read (the database away, a query
 * failing): said in words, under the header, with a way to try again. The
 * server's message is never shown; its digest matches the line in the logs.
 */
export default function DashboardError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-md space-y-3 py-16 text-center">
      <p className="text-sm font-semibold text-rose-700">Something went wrong</p>
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">This page could not be loaded</h1>
      <p className="text-sm text-slate-600">
        Nothing was lost. Try again in a moment; if it keeps happening, an administrator can look it up in the server log.
      </p>
      {error.digest && <p className="text-xs text-slate-500">Reference: {error.digest}</p>}
      <div className="flex justify-center gap-2 pt-2">
        <button type="button" onClick={retry} className={buttonClass("primary")}>
          Try again
        </button>
        <Link href="/" className={buttonClass("secondary")}>
          Go to the overview
        </Link>
      </div>
    </div>
  );
}
