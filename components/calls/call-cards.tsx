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

/** The call list on a phone: one card per call, each card a link to it with its customer's number a link of its own. */
export function CallCards({ calls }: { calls: CallListItem[] }) {
  return (
    <ul className="space-y-2">
      {calls.map((call) => {
        const name = call.customer.name ?? "Unknown caller";
        return (
          <li key={call.id}>
            {/* The whole card opens the call (its name's link covers it), and the number inside it opens the contact. */}
            <div
              data-testid="call-card"
              className="relative rounded-xl border border-slate-200 bg-white p-3 shadow-sm hover:border-indigo-300 has-[[data-card-link]:focus-visible]:outline-2 has-[[data-card-link]:focus-visible]:outline-indigo-600"
            >
              <div className="flex items-start justify-between gap-2">
                <Link
                  href={`/calls/${call.id}`}
                  title={name}
                  data-card-link
                  aria-describedby={`call-${call.id}-when`}
                  className="min-w-0 truncate font-medium text-slate-900 outline-none after:absolute after:inset-0 after:rounded-xl"
                >
                  {name}
                </Link>
                {call.isTest && <Badge tone="violet">Test</Badge>}
              </div>
              <div id={`call-${call.id}-when`} className="mt-0.5 text-xs text-slate-600">
                <LocalTime iso={call.startedAt} /> · {PROVIDER_NAMES[call.provider] ?? call.provider}
              </div>
              {call.contactId && (
                <p className="relative z-10 mt-0.5 w-fit text-xs tabular-nums">
                  <ContactPhone contactId={call.contactId} phone={formatPhone(call.customer.phone)} />
                </p>
              )}
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
            </div>
          </li>
        );
      })}
    </ul>
  );
}
