import { callFiltersSchema, type CallFilters } from "@/lib/calls/filters";
import { callQuery, type CallQuery } from "@/lib/calls/list";
import type { ListTotal } from "@/lib/lists/total";
import { countCalls } from "@/lib/calls/count";
import { Prisma } from "@/lib/db/client";

// A saved view is a page ("calls" or "hot-leads") and that page's query
// string. Digests and alert rules read the same filters over a window of
// their own: the view's dates give way to the window.

export const VIEW_PAGES = ["calls", "hot-leads"] as const;
export type ViewPage = (typeof VIEW_PAGES)[number];

export interface ViewLike {
  page: string;
  query: string;
}

/** Paging and order are not part of what a view shows. */
const NOT_FILTERS = new Set(["cursor", "limit"]);

/** The query string as the pages read it: repeated parameters joined with commas. */
export function flatQuery(query: string): Record<string, string> {
  const params = new URLSearchParams(query);
  const flat: Record<string, string> = {};
  for (const key of new Set(params.keys())) if (!NOT_FILTERS.has(key)) flat[key] = params.getAll(key).join(",");
  return flat;
}

/** The list filters a view holds, or the reason they are not valid (a tracker since deleted, say). */
export function viewFilters(view: ViewLike): { ok: true; filters: CallFilters } | { ok: false; error: string } {
  const parsed = callFiltersSchema.safeParse(flatQuery(view.query));
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => i.message).join("; ") };
  // Hot leads lists hot calls only, whatever else the view narrows.
  return { ok: true, filters: view.page === "hot-leads" ? { ...parsed.data, hot: true } : parsed.data };
}

/** The view's filters over [from, to): its own dates and period give way to the window. */
export function inWindow(filters: CallFilters, window: { from: Date; to: Date }): CallFilters {
  return { ...filters, period: undefined, from: window.from.toISOString(), to: window.to.toISOString(), cursor: undefined };
}

/** The view's calls in a window as SQL (conditions on `c`, and the search): what digests and alert rules count. */
export async function viewQuery(filters: CallFilters, window: { from: Date; to: Date }): Promise<CallQuery> {
  return callQuery(inWindow(filters, window));
}

/** How many of the view's calls (test calls left out, as the overview does) started in the window, exact up to the lists' cap. */
export async function countInWindow(filters: CallFilters, window: { from: Date; to: Date }): Promise<ListTotal> {
  const query = await viewQuery(filters, window);
  return countCalls([...query.where, Prisma.sql`NOT c.is_test`], query.search);
}

/** The Calls page listing a view's calls in a window: what a digest or an alert counted, one click away. */
export function windowCallsPath(view: ViewLike, window: { from: Date; to: Date }, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(flatQuery(view.query));
  // The window replaces the view's own dates and order; Hot leads' tab is no filter of the Calls page.
  for (const key of ["period", "from", "to", "sort", "view"]) params.delete(key);
  if (view.page === "hot-leads") params.set("hot", "true");
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  params.set("from", window.from.toISOString());
  params.set("to", window.to.toISOString());
  return `/calls?${params.toString()}`;
}
