// How the call list can be ordered (`sort=` in the URL); newest first when absent.

export const SORTS = ["newest", "oldest", "score"] as const;
export type Sort = (typeof SORTS)[number];

export const sortOf = (value: string | undefined): Sort => ((SORTS as readonly string[]).find((s) => s === value) as Sort | undefined) ?? "newest";

/** The list ordered by `sort`, from its first page, every filter kept. */
export function sortHref(params: URLSearchParams, sort: Sort): string {
  const next = new URLSearchParams(params);
  next.delete("cursor");
  if (sort === "newest") next.delete("sort");
  else next.set("sort", sort);
  const query = next.toString();
  return query ? `/calls?${query}` : "/calls";
}
