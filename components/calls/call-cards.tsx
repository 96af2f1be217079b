import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { CorrectedMark } from "./calls-table";
import { LocalTime } from "@/components/ui/local-time";
import type { CallListItem } from "@/lib/calls/schemas";
import { ContactPhone } from "./contact-phone";
import { humanize, OUTCOME_TONE, PROVIDER_NAMES, SENTIMENT_TONE } from "./labels";
import { formatPhone } from "./phone";
import { ScoreBar } from "./score-bar";
import { Snippet } from "./snippet";
import { ListTrackerChips } from "./list-tracker-chips";

/** The call list on a phone: one card per call, each card a link to it. */
export function CallCards({ calls }: { calls: CallListItem[] }) {
  return (
    <ul className="space-y-2">
      {calls.map((call) => {
        const name = call.customer.name ?? "Unknown caller";
        return (
          <li key={call.id}>
            <Link
              href={`/calls/${call.id}`}
              data-testid="call-card"
              className="block rounded-xl border border-slate-200 bg-white p-3 shadow-sm hover:border-indigo-300 focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              <div className="flex items-start justify-between gap-2">
                <span className="min-w-0 truncate font-medium text-slate-900" title={name}>
                  {name}
                </span>
                {call.isTest && <Badge tone="violet">Test</Badge>}
              </div>
              <div className="mt-0.5 text-xs text-slate-600">
                <LocalTime iso={call.startedAt} /> · {PROVIDER_NAMES[call.provider] ?? call.provider}
              </div>
              <div className="mt-2 flex flex-wrap items-center gap-2">
                {call.outcome ? <Badge tone={OUTCOME_TONE[call.outcome] ?? "gray"}>{humanize(call.outcome)}</Badge> : <Badge>No outcome</Badge>}
                {call.sentiment && <Badge tone={SENTIMENT_TONE[call.sentiment]}>{humanize(call.sentiment)}</Badge>}
                {call.corrected && <CorrectedMark />}
                <span className="ml-auto">
                  <ScoreBar score={call.leadScore} hot={call.isHot} />
                </span>
              </div>
              {(call.trackers?.length ?? 0) > 0 && (
                <div className="mt-2">
                  <ListTrackerChips call={call} />
                </div>
              )}
              <Snippet call={call} />
            </Link>
            {call.contactId && (
              <p className="mt-1 px-3 text-xs">
                <ContactPhone contactId={call.contactId} phone={formatPhone(call.customer.phone)} />
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
