import { fieldErrors, friendlyDetail } from "@/lib/api/friendly-errors";
import Link from "next/link";
import { Suspense } from "react";
import { CallFilters } from "@/components/calls/call-filters";
import { CallsSkeleton } from "@/components/calls/calls-skeleton";
import { CallsTable } from "@/components/calls/calls-table";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireViewer } from "@/lib/auth/session";
import { expiredCursor } from "@/lib/calls/cursor";
import { callFiltersSchema, type CallFilters as Filters } from "@/lib/calls/filters";
import { listCalls } from "@/lib/calls/list";

export const metadata = { title: "Calls · Call Analytics" };

type Search = Record<string, string | string[] | undefined>;

export default async function CallsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const flat = Object.fromEntries(Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]));
  // Checked before anything streams, so a signed-out visitor gets a real
  // redirect that comes back to this very view, filters included.
  const view = withoutCursor(flat).toString();
  await requireViewer("manager", view ? `/calls?${view}` : "/calls");
  const filters = callFiltersSchema.safeParse(flat);

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-xl font-semibold tracking-tight">Calls</h1>
        <a href={`/api/calls/export?${withoutCursor(flat)}`} className={buttonClass("secondary")} download>
          Export CSV
        </a>
      </div>
      <Suspense>
        <CallFilters />
      </Suspense>
      {filters.success ? (
        <Suspense key={JSON.stringify(flat)} fallback={<CallsSkeleton />}>
          <CallsResults filters={filters.data} flat={flat} />
        </Suspense>
      ) : (
        <EmptyState title="These filters are not valid">{friendlyDetail(fieldErrors(filters.error))}</EmptyState>
      )}
    </div>
  );
}

async function CallsResults({ filters, flat }: { filters: Filters; flat: Record<string, string | undefined> }) {
  const page = await listCalls(filters).catch(expiredCursor);
  if (!page) return <EmptyState title="This page link has expired">Start again from the first page.</EmptyState>;
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
  const first = withoutCursor(flat);
  const next = new URLSearchParams(first);
  if (page.nextCursor) next.set("cursor", page.nextCursor);
  return (
    <>
      <CallsTable calls={page.items} />
      <nav aria-label="Pages" className="flex items-center justify-between text-sm text-slate-600">
        <span>{page.items.length} calls on this page</span>
        <div className="flex gap-2">
          {filters.cursor && (
            <Link href={`/calls?${first}`} className={buttonClass("secondary")}>
              ← First page
            </Link>
          )}
          {page.nextCursor && (
            <Link href={`/calls?${next}`} className={buttonClass("secondary")} rel="next">
              Next page →
            </Link>
          )}
        </div>
      </nav>
    </>
  );
}

/** The current filters from the first page on: for sign-in, "First page", and an export of every matching call. */
function withoutCursor(flat: Record<string, string | undefined>): URLSearchParams {
  const params = new URLSearchParams(Object.entries(flat).filter((e): e is [string, string] => Boolean(e[1])));
  params.delete("cursor");
  return params;
}
