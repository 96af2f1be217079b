import Link from "next/link";
import { LeadSignals } from "@/components/calls/call-facts";
import { humanize, OUTCOME_TONE, PROVIDER_NAMES, STATUS_TONE } from "@/components/calls/labels";
import { MarkHandled } from "@/components/leads/mark-handled";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { requireViewer } from "@/lib/auth/session";
import { listHotLeads } from "@/lib/calls/hot-leads";

export const metadata = { title: "Hot leads · Call Analytics" };

export default async function HotLeadsPage({ searchParams }: { searchParams: Promise<{ view?: string }> }) {
  await requireViewer("manager", "/hot-leads");
  const handled = (await searchParams).view === "handled";
  const leads = await listHotLeads({ handled });
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
      {leads.length === 0 && <EmptyState>{handled ? "No handled leads yet." : "No hot leads waiting. New ones appear here as calls arrive."}</EmptyState>}
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
                <span className="text-sm text-slate-500 tabular-nums">{lead.customer.phone}</span>
                {lead.customer.company && <span className="text-sm text-slate-500">· {lead.customer.company}</span>}
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
    </div>
  );
}
