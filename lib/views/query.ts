import type { ViewPage } from "./filters";

// A view's query string as it is stored and compared: the page's own query
// without paging (a cursor expires, a page size is not a filter), empty values
// dropped, keys in order, so the same filters are the same view however the
// URL was built. No zod and no database here: the views menu reads it too.

/** Longest query string a view keeps: far more than every filter set at once takes. */
export const MAX_VIEW_QUERY = 2000;

const PAGING = new Set(["cursor", "limit"]);

/** "?b=2&cursor=x&a=1&c=" → "a=1&b=2". */
export function viewQueryOf(query: string | URLSearchParams): string {
  const params = new URLSearchParams(query);
  const kept = new URLSearchParams([...params].filter(([key, value]) => !PAGING.has(key) && value.trim() !== ""));
  kept.sort();
  return kept.toString();
}

/** The address a view opens. */
export const viewUrl = (page: ViewPage, query: string) => `/${page}${query ? `?${query}` : ""}`;
