import { buttonClass } from "@/components/ui/button";
import type { CallList } from "@/lib/calls/schemas";
import { ListLink } from "./navigation";

/** "1,234 calls" (or "10,000+ calls" above the exact cap); before B's totals, how many this page holds. */
export function totalText(page: Pick<CallList, "total" | "items">): string {
  if (!page.total) return `${page.items.length} ${page.items.length === 1 ? "call" : "calls"} on this page`;
  const { count, exact } = page.total;
  if (!exact) return "10,000+ calls"; // above the cap the count is an estimate: the cap is what is known
  return `${count.toLocaleString("en-US")} ${count === 1 ? "call" : "calls"}`;
}

/**
 * The total and the page links. `first` is this view without a cursor.
 * The previous page is the server's prevCursor, or the first page when
 * there is none before it.
 */
export function CallsPager({ page, params, onLaterPage }: { page: CallList; params: URLSearchParams; onLaterPage: boolean }) {
  const at = (cursor: string | null) => {
    const next = new URLSearchParams(params);
    next.delete("cursor");
    if (cursor) next.set("cursor", cursor);
    const query = next.toString();
    return query ? `/calls?${query}` : "/calls";
  };
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
      <span data-testid="calls-total" className="font-medium text-slate-800">
        {totalText(page)}
      </span>
      <div className="flex flex-wrap gap-2">
        {onLaterPage && page.prevCursor && (
          <ListLink href={at(null)} className={buttonClass("ghost")}>
            First page
          </ListLink>
        )}
        {onLaterPage && (
          <ListLink href={at(page.prevCursor ?? null)} className={buttonClass("secondary")} rel="prev">
            ← Previous page
          </ListLink>
        )}
        {page.nextCursor && (
          <ListLink href={at(page.nextCursor)} className={buttonClass("secondary")} rel="next">
            Next page →
          </ListLink>
        )}
      </div>
    </nav>
  );
}
