import Link from "next/link";
import { Suspense } from "react";
import { CallFilters } from "@/components/calls/call-filters";
import { LeadSignals } from "@/components/calls/lead-signals";
import { ListNavigationProvider, PendingArea } from "@/components/calls/navigation";
import { PhoneNumber } from "@/components/calls/phone-number";
import { humanize, OUTCOME_TONE, PROVIDER_NAMES, STATUS_TONE } from "@/components/calls/labels";
import { MarkHandled } from "@/components/leads/mark-handled";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ListSkeleton } from "@/components/ui/skeleton";
import { LocalTime } from "@/components/ui/local-time";
import { buttonClass } from "@/components/ui/button";
import { ViewsMenu } from "@/components/views/views-menu";
import { fieldErrors, friendlyDetail } from "@/lib/api/friendly-errors";
import { requireViewer } from "@/lib/auth/session";
import { expiredCursor } from "@/lib/calls/cursor";
import { callFiltersSchema } from "@/lib/calls/filters";
import { listHotLeads, type HotLeadFilters } from "@/lib/calls/hot-leads";
import { totalText } from "@/lib/lists/total";

export const metadata = { title: "Hot leads · Call Analytics" };

type Search = Record<string, string | string[] | undefined>;

/** The list's address: its tab and filters (as in the URL, which is the page's state), at `cursor` or the first page. */
const pageHref = (params: URLSearchParams, changes: { view?: string | null; cursor?: string | null } = {}) => {
  const next = new URLSearchParams(params);
  next.delete("cursor");
  for (const [name, value] of Object.entries(changes)) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  return `/hot-leads${next.size ? `?${next}` : ""}`;
};

export default async function HotLeadsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const flat = Object.fromEntries(Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]));
  const params = new URLSearchParams(Object.entries(flat).filter((e): e is [string, string] => Boolean(e[1])));
  const viewer = await requireViewer("manager", pageHref(params));
  const handled = flat.view === "handled";
  const pageCursor = flat.cursor || undefined;
  const filters = callFiltersSchema.safeParse(flat);
  const tab = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm ${active ? "bg-white font-medium text-slate-900 shadow-xs ring-1 ring-slate-200" : "text-slate-600 hover:text-slate-900"}`;

  return (
    <ListNavigationProvider>
      <div className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex items-center gap-3">
            <h1 className="text-xl font-semibold tracking-tight">Hot leads</h1>
            <Suspense>
              <ViewsMenu page="hot-leads" admin={viewer.role === "admin"} />
            </Suspense>
          </div>
          <nav className="flex gap-1 rounded-lg bg-slate-100 p-1" aria-label="Lead lists">
            <Link href={pageHref(params, { view: null })} className={tab(!handled)} aria-current={!handled ? "page" : undefined}>
              To follow up
            </Link>
            <Link href={pageHref(params, { view: "handled" })} className={tab(handled)} aria-current={handled ? "page" : undefined}>
              Handled
            </Link>
          </nav>
        </div>
        <Suspense>
          <CallFilters hotLeads />
        </Suspense>
        <PendingArea>
          {filters.success ? (
            <Suspense key={params.toString()} fallback={<ListSkeleton label="Loading hot leads" shape="cards" rows={4} />}>
              <HotLeads handled={handled} cursor={pageCursor} filters={filters.data} params={params} />
            </Suspense>
          ) : (
            <EmptyState title="These filters are not valid">
              {friendlyDetail(fieldErrors(filters.error))}{" "}
              <Link href={pageHref(new URLSearchParams(handled ? { view: "handled" } : {}))} className="text-indigo-700 underline">
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

async function HotLeads({
  handled,
  cursor,
  filters,
  params,
}: {
  handled: boolean;
  cursor: string | undefined;
  filters: HotLeadFilters;
  params: URLSearchParams;
}) {
  const page = await listHotLeads({ handled, cursor, filters }).catch(expiredCursor);
  const filtered = [...params.keys()].some((k) => k !== "view" && k !== "cursor");
  const leads = page?.items ?? [];
  return (
    <div className="space-y-4">
      {page && (
        <p className="text-sm text-slate-600" data-testid="hot-leads-total">
          {handled ? totalText(page.total, "handled", "handled") : totalText(page.total, "hot lead", "hot leads")}
        </p>
      )}
      {!page && (
        <EmptyState title="This link has expired">
          <Link href={pageHref(params)} className="text-indigo-700 underline">
            Start again from the first page
          </Link>
        </EmptyState>
      )}
      {page && leads.length === 0 && (
        <EmptyState>
          {filtered ? "No hot leads match these filters." : handled ? "No handled leads yet." : "No hot leads waiting. New ones appear here as calls arrive."}
        </EmptyState>
      )}
      <ul className="space-y-3">
        {leads.map((lead) => (
          <li
            key={lead.id}
            className="grid gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-[1fr_16rem_auto]"
            data-testid="hot-lead"
          >
            <div className="space-y-2">
              <div className="flex flex-wrap items-baseline gap-2">
                <Link href={`/calls/${lead.id}`} className="text-lg font-semibold text-slate-900 hover:text-indigo-700 hover:underline">
                  {lead.customer.name ?? "Unknown caller"}
                </Link>
                <PhoneNumber phone={lead.customer.phone} />
                {lead.customer.company && <span className="text-sm text-slate-500">· {lead.customer.company}</span>}
                {lead.contactId && (
                  <Link href={`/contacts/${lead.contactId}`} className="text-sm text-indigo-700 hover:underline">
                    Contact timeline
                  </Link>
                )}
              </div>
              <p className="text-sm text-slate-700">{lead.summary}</p>
              <p className="text-sm">
                <span className="font-medium text-slate-900">Next: </span>
                <span className="text-slate-700">{lead.nextAction ?? "No next step given"}</span>
                {lead.callbackAt && (
                  <span className="text-slate-600">
                    {" "}
                    · callback <LocalTime iso={lead.callbackAt} />
                  </span>
                )}
              </p>
              <p className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
                <LocalTime iso={lead.startedAt} /> · {PROVIDER_NAMES[lead.provider]}
                {lead.outcome && <Badge tone={OUTCOME_TONE[lead.outcome] ?? "gray"}>{humanize(lead.outcome)}</Badge>}
              </p>
              {lead.otherCalls.count > 0 && (
                <div className="text-xs text-slate-500">
                  {lead.otherCalls.count} other {lead.otherCalls.count === 1 ? "call" : "calls"} with this number:
                  <span className="ml-1 inline-flex flex-wrap gap-1">
                    {lead.otherCalls.latest.map((o) => (
                      <Link key={o.id} href={`/calls/${o.id}`} className="hover:underline">
                        <Badge tone={STATUS_TONE[o.status]}>
                          <LocalTime iso={o.startedAt} />
                        </Badge>
                      </Link>
                    ))}
                  </span>
                </div>
              )}
            </div>
            <div>
              <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">
                Score <span className="text-base font-semibold text-slate-900 tabular-nums">{lead.leadScore}</span>, because
              </p>
              <LeadSignals call={lead} />
            </div>
            <MarkHandled callId={lead.id} handled={handled} />
          </li>
        ))}
      </ul>
      {page && (page.prevCursor || page.nextCursor) && (
        <nav className="flex justify-between gap-2" aria-label="Pages">
          {page.prevCursor ? (
            <Link href={pageHref(params, { cursor: page.prevCursor })} className={buttonClass("secondary")}>
              Previous page
            </Link>
          ) : (
            <span />
          )}
          {page.nextCursor && (
            <Link href={pageHref(params, { cursor: page.nextCursor })} className={buttonClass("secondary")}>
              Next page
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
