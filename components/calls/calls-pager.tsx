import { Suspense } from "react";
import { buttonClass } from "@/components/ui/button";
import type { CallTotal } from "@/lib/calls/count";
import type { CallList } from "@/lib/calls/schemas";
import { totalText } from "@/lib/lists/total";
import { ListLink } from "./navigation";

/** The total, once counted: the rows show without waiting for it. Without one (the count failed), nothing is claimed. */
async function Total({ total }: { total: Promise<CallTotal | null> }) {
  const counted = await total;
  return counted ? totalText(counted, "call", "calls") : null;
}

/**
 * The total and the page links. `first` is this view without a cursor.
 * The previous page is the server's prevCursor, or the first page when
 * there is none before it.
 */
export function CallsPager({
  page,
  total,
  params,
  onLaterPage,
}: {
  page: Pick<CallList, "nextCursor" | "prevCursor">;
  total: Promise<CallTotal | null>;
  params: URLSearchParams;
  onLaterPage: boolean;
}) {
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
        <Suspense fallback={<span className="text-slate-500">Counting…</span>}>
          <Total total={total} />
        </Suspense>
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
