import type { TimelineEntry } from "@/lib/contacts/schemas";
import { TimelineCallItem } from "./timeline-call";

/** The contact's calls, newest first; dial attempts of one lead as one entry listing each attempt. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <ol className="space-y-3" aria-label="Calls, newest first">
      {entries.map((entry) => (
        <li
          key={entry.calls[0].id}
          className="relative rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
          data-testid={entry.calls.length > 1 ? "timeline-attempts" : "timeline-entry"}
        >
          {entry.calls.length > 1 ? (
            <>
              <p className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{`${entry.calls.length} attempts`}</p>
              <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
                {entry.calls.map((call) => (
                  <li key={call.id}>
                    <TimelineCallItem call={call} attempt />
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <TimelineCallItem call={entry.calls[0]} />
          )}
        </li>
      ))}
    </ol>
  );
}
