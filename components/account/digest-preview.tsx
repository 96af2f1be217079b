"use client";

import { useEffect, useState } from "react";
import { adminFetch } from "@/components/admin/admin-fetch";

/**
 * The digest email as it would go now, in a frame that runs nothing: sandbox="" (no scripts, no forms, no
 * navigation of this page) and srcdoc, so the HTML never becomes a page of the app's origin.
 */
export function DigestPreview({ version }: { version: number }) {
  const [preview, setPreview] = useState<{ subject: string; html: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    adminFetch<{ subject: string; html: string }>("/api/account/digest/preview", "GET").then(
      (p) => live && (setPreview(p), setError(null)),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm text-slate-600">
        Preview
        {preview ? (
          <>
            : <span className="font-medium text-slate-900">{preview.subject}</span>
          </>
        ) : null}
      </figcaption>
      {error && (
        <p role="alert" className="text-sm text-rose-700">
          The preview could not be made: {error}
        </p>
      )}
      {!preview && !error && <div className="h-[32rem] animate-pulse rounded-lg border border-slate-200 bg-slate-100" aria-label="Loading the preview" />}
      {preview && (
        <iframe
          title="Digest email preview"
          sandbox=""
          srcDoc={preview.html}
          className="h-[32rem] w-full rounded-lg border border-slate-200 bg-white lg:h-[44rem]"
        />
      )}
    </figure>
  );
}
