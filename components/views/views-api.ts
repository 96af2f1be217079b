import type { SavedViewItem } from "@/lib/views/manage";

// The views menu's calls to /api/views: the problem's detail is the error people read.

export type SavedView = SavedViewItem;

/** Never rejects: `error` is a sentence to show beside what was tried. */
export async function viewsRequest<T>(path: string, method = "GET", body?: unknown): Promise<{ data: T; error: null } | { data: null; error: string }> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch(() => null);
  if (!res) return { data: null, error: "The server could not be reached; try again." };
  const json = (await res.json().catch(() => null)) as (T & { detail?: string }) | null;
  if (!res.ok) return { data: null, error: json?.detail ?? `The server answered ${res.status}; try again.` };
  return { data: json as T, error: null };
}
