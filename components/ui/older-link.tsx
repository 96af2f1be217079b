import Link from "next/link";
import { buttonClass } from "./button";

/** The list at `path` with `filters` (empty ones left out): its first page, or the page from `cursor` on. */
export function listHref(path: string, filters: Record<string, string | undefined>, cursor?: string): string {
  const params = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])));
  if (cursor) params.set("cursor", cursor);
  return params.size ? `${path}?${params}` : path;
}

/** "Older …": the same list with the same filters, from `cursor` on. */
export function OlderLink({
  path,
  filters,
  cursor,
  children,
}: {
  path: string;
  filters: Record<string, string | undefined>;
  cursor: string | null;
  children: React.ReactNode;
}) {
  if (!cursor) return null;
  return (
    <Link href={listHref(path, filters, cursor)} className={buttonClass("secondary")}>
      {children}
    </Link>
  );
}
