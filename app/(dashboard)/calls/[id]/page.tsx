import Link from "next/link";
import { BackLink } from "@/components/ui/back-link";
import { notFound } from "next/navigation";
import { Card, ContactTimeline, Variables } from "@/components/calls/call-facts";
import { LeadSignals } from "@/components/calls/lead-signals";
import { CallMedia } from "@/components/calls/call-media";
import { ReviewPanel } from "@/components/calls/review-panel";
import { TalkPanel } from "@/components/calls/talk-panel";
import { VendorAgent } from "@/components/calls/vendor-agent";
import { formatDuration, humanize, OUTCOME_TONE, PROVIDER_NAMES, SENTIMENT_TONE, STATUS_TONE } from "@/components/calls/labels";
import { PhoneNumber } from "@/components/calls/phone-number";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { requireViewer } from "@/lib/auth/session";
import { getCall } from "@/lib/calls/detail";
import { otherCallsOfContact, rawEventsOfCall } from "@/lib/calls/related";
import { timeTurns } from "@/lib/calls/turn-times";
import { callDeliveries } from "@/lib/destinations/log";
import { CallDeliveries } from "@/components/admin/call-deliveries";
import { CallRawEvents } from "@/components/admin/call-raw-events";

export const metadata = { title: "Call · Call Analytics" };

export default async function CallPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer("manager", `/calls/${id}`);
  const call = await getCall(id);
  if (!call) notFound();
  const admin = viewer.role === "admin";
  const [others, rawEvents, deliveries] = await Promise.all([
    otherCallsOfContact(call.id, call.contactId),
    admin ? rawEventsOfCall(call.id) : Promise.resolve(null),
    admin ? callDeliveries(call.id) : Promise.resolve(null),
  ]);

  return (
    <div className="space-y-4">
      <BackLink href="/calls">All calls</BackLink>
      <header className="flex flex-wrap items-start justify-between gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <div className="min-w-0 space-y-2">
          <h1 className="text-xl font-semibold tracking-tight break-words">{call.customer.name ?? "Unknown caller"}</h1>
          <p className="text-sm text-slate-600">
            {call.customer.phone ? <PhoneNumber phone={call.customer.phone} /> : "no number"}
            {call.customer.company && <> · {call.customer.company}</>}
            {call.customer.email && <> · {call.customer.email}</>}
            {call.contactId && (
              <>
                {" · "}
                <Link href={`/contacts/${call.contactId}`} className="text-indigo-700 hover:underline">
                  Contact timeline
                </Link>
              </>
            )}
          </p>
          <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
            {call.isTest && (
              <span title="Made by Send test event: not counted in the overview and never forwarded">
                <Badge tone="violet">Test</Badge>
              </span>
            )}
            <span>{PROVIDER_NAMES[call.provider]}</span>
            {call.direction && <Badge>{humanize(call.direction)}</Badge>}
            <Badge tone={STATUS_TONE[call.status]}>{humanize(call.status)}</Badge>
            {call.outcome && (
              <span
                title={
                  call.review.corrected.outcome
                    ? `Corrected by a reviewer; the AI said ${humanize(call.review.ai.outcome ?? "nothing")}`
                    : (call.outcomeRaw ?? undefined)
                }
              >
                <Badge tone={OUTCOME_TONE[call.outcome] ?? "gray"}>{humanize(call.outcome)}</Badge>
              </span>
            )}
            {call.corrected && <Badge tone="violet">Corrected</Badge>}
            {call.reviewed && !call.corrected && <Badge tone="green">Reviewed</Badge>}
            {call.sentiment && <Badge tone={SENTIMENT_TONE[call.sentiment]}>{humanize(call.sentiment)}</Badge>}
            <span>
              <LocalTime iso={call.startedAt} />
            </span>
            <span className="tabular-nums">{formatDuration(call.durationSec)}</span>
            {call.agent && <span data-testid="call-agent">Agent {call.agent}</span>}
            <VendorAgent call={call} />
            {call.line && <span data-testid="call-line">Line {call.line}</span>}
            {call.campaign && <span>· {call.campaign}</span>}
          </div>
        </div>
        <div className="min-w-56">
          <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Lead score</p>
          <p className="text-3xl font-semibold tabular-nums" data-testid="lead-score">
            {call.leadScore}
            {call.isHot && (
              <span className="ml-2 align-middle">
                <Badge tone="amber">Hot lead</Badge>
              </span>
            )}
          </p>
          <LeadSignals call={call} onCallPage corrected={call.review.corrected} />
        </div>
      </header>

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <CallMedia call={call} turns={timeTurns(call.transcript, call.durationSec)} trackers={call.trackers} />
        </div>
        <div className="space-y-4">
          <Card title="Summary">
            <p className="text-sm whitespace-pre-wrap text-slate-800">{call.summary ?? "No summary."}</p>
          </Card>
          {call.metrics && (
            <Card title="Talk">
              <TalkPanel metrics={call.metrics} />
            </Card>
          )}
          <Card title="Review">
            <ReviewPanel call={call} />
          </Card>
          <Card title="Next step">
            <p className="text-sm text-slate-800">{call.nextAction ?? "None given."}</p>
            {call.callbackAt && (
              <p className="mt-1 text-sm text-slate-600">
                Callback <LocalTime iso={call.callbackAt} />
              </p>
            )}
            {call.labels.length > 0 && (
              <div className="mt-2 flex flex-wrap gap-1">
                {call.labels.map((l) => (
                  <Badge key={l} tone="violet">
                    {l}
                  </Badge>
                ))}
              </div>
            )}
          </Card>
          <Card title="Extracted data">
            <Variables values={call.variables} />
          </Card>
          <Card title="Other calls with this number">
            <ContactTimeline calls={others} />
          </Card>
          {deliveries && (
            <Card title="Forwarded (admins)">
              <CallDeliveries rows={deliveries} />
            </Card>
          )}
          {rawEvents && (
            <Card title="As received (admins)">
              <CallRawEvents callId={call.id} events={rawEvents} total={call.rawEventCount} />
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
