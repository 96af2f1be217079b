import Link from "next/link";
import { Suspense } from "react";
import { InboxTable } from "@/components/admin/inbox-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { listHref, OlderLink } from "@/components/ui/older-link";
import { ListSkeleton } from "@/components/ui/skeleton";
import { requireViewer } from "@/lib/auth/session";
import { totalText } from "@/lib/lists/total";
import { expiredCursor } from "@/lib/calls/cursor";
import { sourceNames } from "@/lib/sources/names";
import { inboxQuerySchema, listInbox, RAW_STATUSES, type InboxQuery } from "@/lib/inbox/events";

export const metadata = { title: "Inbox · Call Analytics" };

type Search = Record<string, string | undefined>;

export default async function InboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireViewer("admin", "/admin/inbox");
  const search = await searchParams;
  const query = inboxQuerySchema.safeParse(search).data ?? inboxQuerySchema.parse({});
  const sources = await sourceNames();

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Inbox</h1>
        <p className="text-sm text-slate-600">
          Every request the sources sent, exactly as received, newest first. Events that could not be mapped stay here; replay them once the adapter or the
          source is fixed.
        </p>
      </div>
      {query.call && (
        <p className="text-sm text-slate-600" data-testid="inbox-call-filter">
          The requests behind{" "}
          <Link href={`/calls/${query.call}`} className="text-indigo-700 hover:underline">
            one call
          </Link>{" "}
          ·{" "}
          <Link href="/admin/inbox" className="text-indigo-700 hover:underline">
            every call
          </Link>
        </p>
      )}
      <FilterBar key={`filters ${query.source ?? ""} ${query.status ?? ""} ${query.call ?? ""}`} label="Filter events" action="/admin/inbox">
        {query.call && <input type="hidden" name="call" value={query.call} />}
        <FilterSelect label="Source" name="source" value={query.source} any="All sources" options={sources.map((s) => ({ value: s.slug, label: s.name }))} />
        <FilterSelect label="Status" name="status" value={query.status} any="Any status" options={RAW_STATUSES} />
      </FilterBar>
      <Suspense key={JSON.stringify(query)} fallback={<ListSkeleton label="Loading events" />}>
        <InboxEvents query={query} />
      </Suspense>
    </div>
  );
}

async function InboxEvents({ query }: { query: InboxQuery }) {
  const page = await listInbox(query).catch(expiredCursor);
  const filters = { source: query.source, status: query.status, call: query.call };
  const firstPage = listHref("/admin/inbox", filters);
  return (
    <>
      {page && page.items.length > 0 && (
        <p className="text-sm text-slate-600" data-testid="list-total">
          {totalText(page.total, "event", "events")}
        </p>
      )}
      {!page ? (
        <EmptyState title="This page link has expired">
          <Link href={firstPage} className="text-indigo-700 underline">
            Start again from the newest events
          </Link>
          .
        </EmptyState>
      ) : page.items.length === 0 ? (
        <EmptyState>No events match these filters.</EmptyState>
      ) : (
        <InboxTable
          key={JSON.stringify(query)}
          rows={page.items.map((e) => ({
            id: e.id,
            receivedAt: e.receivedAt.toISOString(),
            sourceName: e.source.name,
            method: e.method,
            status: e.status,
            error: e.error,
            callId: e.callId,
            isTest: e.isTest,
          }))}
        />
      )}
      <OlderLink path="/admin/inbox" filters={filters} cursor={page?.nextCursor ?? null}>
        Older events
      </OlderLink>
    </>
  );
}
