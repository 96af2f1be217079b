import { fieldErrors, friendlyDetail } from "@/lib/api/friendly-errors";
import Link from "next/link";
import { Suspense } from "react";
import { CallCards } from "@/components/calls/call-cards";
import { CallFilters } from "@/components/calls/call-filters";
import { CallsPager } from "@/components/calls/calls-pager";
import { CallsTable } from "@/components/calls/calls-table";
import { ReviewTabs } from "@/components/calls/review-tabs";
import { ListNavigationProvider, PendingArea } from "@/components/calls/navigation";
import { SORTS, sortHref, sortOf, type Sort } from "@/components/calls/sort";
import { buttonClass } from "@/components/ui/button";
import { ViewsMenu } from "@/components/views/views-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { ListSkeleton } from "@/components/ui/skeleton";
import { requireViewer } from "@/lib/auth/session";
import { expiredCursor } from "@/lib/calls/cursor";
import { callFiltersSchema, type CallFilters as Filters } from "@/lib/calls/filters";
import { callPage, callQuery, totalOf } from "@/lib/calls/list";

export const metadata = { title: "Calls · Call Analytics" };

type Search = Record<string, string | string[] | undefined>;

export default async function CallsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const flat = Object.fromEntries(Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]));
  // Checked before anything streams, so a signed-out visitor gets a real
  // redirect that comes back to this very view, filters included.
  const view = withoutCursor(flat).toString();
  const viewer = await requireViewer("manager", view ? `/calls?${view}` : "/calls");
  const filters = callFiltersSchema.safeParse(flat);

  return (
    <ListNavigationProvider>
      <div className="space-y-4">
        <div className="flex items-center justify-between gap-3">
          <div className="flex items-center gap-3">
            <h1 className="text-xl font-semibold tracking-tight">Calls</h1>
            <Suspense>
              <ViewsMenu page="calls" admin={viewer.role === "admin"} />
            </Suspense>
          </div>
          <a href={`/api/calls/export?${withoutCursor(flat)}`} className={buttonClass("secondary")} download>
            Export CSV
          </a>
        </div>
        <ReviewTabs current={flat} />
        <Suspense>
          <CallFilters />
        </Suspense>
        <PendingArea>
          {filters.success ? (
            <Suspense key={JSON.stringify(flat)} fallback={<ListSkeleton label="Loading calls" />}>
              <CallsResults filters={filters.data} flat={flat} />
            </Suspense>
          ) : (
            <EmptyState title="These filters are not valid">
              {friendlyDetail(fieldErrors(filters.error))}{" "}
              <Link href="/calls" className="text-indigo-700 underline">
                Clear the filters
              </Link>
              .
            </EmptyState>
          )}
        </PendingArea>
      </div>
    </ListNavigationProvider>
  );
}

async function CallsResults({ filters, flat }: { filters: Filters; flat: Record<string, string | undefined> }) {
  const first = withoutCursor(flat);
  const query = await callQuery(filters);
  // Counted beside the rows, shown when done: the rows never wait for it.
  const total = totalOf(query);
  const page = await callPage(query).catch(expiredCursor);
  if (!page) {
    return (
      <EmptyState title="This page link has expired">
        <Link href={`/calls${first.size ? `?${first}` : ""}`} className="text-indigo-700 underline">
          Start again from the first page
        </Link>
        .
      </EmptyState>
    );
  }
  if (page.items.length === 0) {
    return (
      <EmptyState title="No calls match these filters">
        Widen the period or{" "}
        <Link href="/calls" className="text-indigo-700 underline">
          clear the filters
        </Link>
        .
      </EmptyState>
    );
  }
  const sort = sortOf(flat.sort);
  const sortHrefs = Object.fromEntries(SORTS.map((s) => [s, sortHref(first, s)])) as Record<Sort, string>;
  return (
    <div className="space-y-3">
      <div className="hidden sm:block">
        <CallsTable calls={page.items} sort={sort} sortHrefs={sortHrefs} />
      </div>
      <div className="sm:hidden">
        <CallCards calls={page.items} />
      </div>
      <CallsPager page={page} total={total} params={first} onLaterPage={Boolean(filters.cursor)} />
    </div>
  );
}

/** The current filters from the first page on: for sign-in, the first page, and an export of every matching call. */
function withoutCursor(flat: Record<string, string | undefined>): URLSearchParams {
  const params = new URLSearchParams(Object.entries(flat).filter((e): e is [string, string] => Boolean(e[1])));
  params.delete("cursor");
  return params;
}
