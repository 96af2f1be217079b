import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import type { RawEventView } from "@/lib/calls/related";

/** A call's newest requests as received, and a link to all of them in the inbox when there are more. */
export function CallRawEvents({ callId, events, total }: { callId: string; events: RawEventView[]; total: number }) {
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-500" data-testid="raw-events-count">
        {total > events.length
          ? `The newest ${events.length} of ${total} requests, newest first.`
          : `${total} ${total === 1 ? "request" : "requests"}, newest first.`}{" "}
        <Link href={`/admin/inbox?call=${callId}`} className="text-indigo-700 underline">
          {total > events.length ? `All ${total} in the inbox` : "In the inbox"}
        </Link>
      </p>
      {events.map((e) => (
        <details key={e.id} className="text-sm" data-testid="raw-event">
          <summary className="cursor-pointer text-slate-600">
            {e.method} · <LocalTime iso={e.receivedAt.toISOString()} /> · {e.status}
          </summary>
          <pre tabIndex={0} className="mt-2 max-h-96 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
            {e.body}
            {e.truncated && "\n… (cut at 256 KB)"}
          </pre>
        </details>
      ))}
    </div>
  );
}
