import Link from "next/link";
import { Suspense } from "react";
import { LeadSignals } from "@/components/calls/lead-signals";
import { PhoneNumber } from "@/components/calls/phone-number";
import { humanize, OUTCOME_TONE, PROVIDER_NAMES, STATUS_TONE } from "@/components/calls/labels";
import { MarkHandled } from "@/components/leads/mark-handled";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ListSkeleton } from "@/components/ui/skeleton";
import { LocalTime } from "@/components/ui/local-time";
import { buttonClass } from "@/components/ui/button";
import { requireViewer } from "@/lib/auth/session";
import { expiredCursor } from "@/lib/calls/cursor";
import { listHotLeads } from "@/lib/calls/hot-leads";
import { totalText } from "@/lib/lists/total";

export const metadata = { title: "Hot leads · Call Analytics" };

const pageHref = (handled: boolean, cursor?: string | null) => {
  const params = new URLSearchParams();
  if (handled) params.set("view", "handled");
  if (cursor) params.set("cursor", cursor);
  return `/hot-leads${params.size ? `?${params}` : ""}`;
};

export default async function HotLeadsPage({ searchParams }: { searchParams: Promise<{ view?: string; cursor?: string }> }) {
  await requireViewer("manager", "/hot-leads");
  const { view, cursor } = await searchParams;
  const handled = view === "handled";
  const pageCursor = typeof cursor === "string" ? cursor : undefined;
  const tab = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm ${active ? "bg-white font-medium text-slate-900 shadow-xs ring-1 ring-slate-200" : "text-slate-600 hover:text-slate-900"}`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold tracking-tight">Hot leads</h1>
        <nav className="flex gap-1 rounded-lg bg-slate-100 p-1" aria-label="Lead lists">
          <Link href="/hot-leads" className={tab(!handled)} aria-current={!handled ? "page" : undefined}>
            To follow up
          </Link>
          <Link href="/hot-leads?view=handled" className={tab(handled)} aria-current={handled ? "page" : undefined}>
            Handled
          </Link>
        </nav>
      </div>
      <Suspense key={`${handled} ${pageCursor ?? ""}`} fallback={<ListSkeleton label="Loading hot leads" shape="cards" rows={4} />}>
        <HotLeads handled={handled} cursor={pageCursor} />
      </Suspense>
    </div>
  );
}

async function HotLeads({ handled, cursor }: { handled: boolean; cursor: string | undefined }) {
  const page = await listHotLeads({ handled, cursor }).catch(expiredCursor);
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
          <Link href={pageHref(handled)} className="text-indigo-700 underline">
            Start again from the first page
          </Link>
        </EmptyState>
      )}
      {page && leads.length === 0 && (
        <EmptyState>{handled ? "No handled leads yet." : "No hot leads waiting. New ones appear here as calls arrive."}</EmptyState>
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
            <Link href={pageHref(handled, page.prevCursor)} className={buttonClass("secondary")}>
              Previous page
            </Link>
          ) : (
            <span />
          )}
          {page.nextCursor && (
            <Link href={pageHref(handled, page.nextCursor)} className={buttonClass("secondary")}>
              Next page
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
