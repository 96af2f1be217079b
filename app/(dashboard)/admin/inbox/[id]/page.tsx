import Link from "next/link";
import { BackLink } from "@/components/ui/back-link";
import { notFound } from "next/navigation";
import { ReplayButton } from "@/components/admin/replay-button";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { requireViewer } from "@/lib/auth/session";
import { getInboxEvent } from "@/lib/inbox/events";
import { RAW_STATUS_TONE } from "@/components/admin/labels";

export const metadata = { title: "Event · Call Analytics" };

function Pairs({ values }: { values: Record<string, string> }) {
  const entries = Object.entries(values);
  if (entries.length === 0) return <p className="text-sm text-slate-500">None.</p>;
  return (
    <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-1 font-mono text-xs">
      {entries.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-500">{k}</dt>
          <dd className="break-all text-slate-800">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function InboxEventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireViewer("admin", `/admin/inbox/${id}`);
  const event = await getInboxEvent(id);
  if (!event) notFound();

  return (
    <div className="space-y-4">
      <BackLink href="/admin/inbox">Inbox</BackLink>
      <header className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <h1 className="text-lg font-semibold">
          {event.method} from {event.source.name} · <LocalTime iso={event.receivedAt.toISOString()} />
        </h1>
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <Badge tone={RAW_STATUS_TONE[event.status] ?? "gray"}>{event.status}</Badge>
          <span>{event.bytes.toLocaleString()} bytes</span>
          {event.externalId && <span>vendor id {event.externalId}</span>}
          {event.callId && (
            <Link href={`/calls/${event.callId}`} className="text-indigo-700 hover:underline">
              open call
            </Link>
          )}
        </div>
        {event.error && <p className="text-sm text-rose-700">{event.error}</p>}
        <ReplayButton id={event.id} />
      </header>
      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <h2 className="mb-2 text-sm font-semibold">Headers (credentials are never kept)</h2>
        <Pairs values={event.headers} />
        <h2 className="mt-4 mb-2 text-sm font-semibold">Query</h2>
        <Pairs values={event.query} />
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <h2 className="mb-2 text-sm font-semibold">Body</h2>
        <pre
          data-testid="raw-body"
          tabIndex={0}
          aria-label="Request body"
          className="max-h-[32rem] overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100"
        >
          {event.body || "(empty)"}
        </pre>
      </section>
    </div>
  );
}
