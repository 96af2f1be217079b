import Link from "next/link";
import { humanize, OUTCOME_TONE, PROVIDER_NAMES, STATUS_TONE } from "@/components/calls/labels";
import { Badge } from "@/components/ui/badge";
import type { FollowUp } from "@/lib/follow-ups/query";
import { FollowUpActions } from "./follow-up-actions";
import { PhoneNumber } from "@/components/calls/phone-number";
import { formatWhen, reasonsText } from "./format";

/** One customer to follow up: why, when, what was said, their other calls, and what to do. */
export function FollowUpCard({ item, timeZone, users }: { item: FollowUp; timeZone: string; users: { id: string; name: string }[] }) {
  return (
    <li className="grid gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-[1fr_14rem]" data-testid="follow-up">
      <div className="min-w-0 space-y-2">
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <Link
            href={`/calls/${item.id}`}
            className="truncate text-lg font-semibold text-slate-900 hover:text-indigo-700 hover:underline"
            title={item.customer.name ?? undefined}
          >
            {item.customer.name ?? "Unknown caller"}
          </Link>
          <PhoneNumber phone={item.customer.phone} />
          {item.customer.company && <span className="truncate text-sm text-slate-600">{item.customer.company}</span>}
        </div>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          {reasonsText(item).map((r) => (
            <Badge key={r} tone={r.startsWith("Hot") ? "red" : r.startsWith("Callback") ? "violet" : "blue"}>
              {r}
            </Badge>
          ))}
          <span className={item.overdue ? "font-medium text-rose-700" : "text-slate-700"}>
            {item.handledAt
              ? `Done ${formatWhen(item.handledAt, timeZone)}`
              : `${item.overdue ? "Overdue since" : item.snoozedUntil ? "Snoozed until" : item.callbackAt ? "Call back" : "Waiting since"} ${formatWhen(item.dueAt, timeZone)}`}
          </span>
        </p>
        {item.nextAction && (
          <p className="text-sm">
            <span className="font-medium text-slate-900">Next step: </span>
            <span className="text-slate-700">{item.nextAction}</span>
          </p>
        )}
        <p className="text-sm break-words text-slate-700">{item.summary ?? "No summary for this call."}</p>
        <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
          Last call {formatWhen(item.startedAt, timeZone)} · {PROVIDER_NAMES[item.provider] ?? item.provider}
          {item.outcome && <Badge tone={OUTCOME_TONE[item.outcome] ?? "gray"}>{humanize(item.outcome)}</Badge>}
          {item.assignee && <span>· Assigned to {item.assignee.name}</span>}
        </p>
        {item.note && (
          <blockquote className="border-l-2 border-amber-300 bg-amber-50 px-3 py-1.5 text-sm break-words whitespace-pre-line text-slate-800">
            {item.note.text}
            <footer className="mt-1 text-xs text-slate-600">
              {item.note.by ?? "Someone"}, {formatWhen(item.note.at, timeZone)}
            </footer>
          </blockquote>
        )}
        {item.otherCalls.count > 0 && (
          <div className="text-xs text-slate-600">
            {item.otherCalls.count} other {item.otherCalls.count === 1 ? "call" : "calls"} with this number:
            <span className="ml-1 inline-flex flex-wrap gap-1">
              {item.otherCalls.latest.map((o) => (
                <Link key={o.id} href={`/calls/${o.id}`} className="hover:underline">
                  <Badge tone={STATUS_TONE[o.status]}>{formatWhen(o.startedAt, timeZone)}</Badge>
                </Link>
              ))}
            </span>
          </div>
        )}
      </div>
      <FollowUpActions callId={item.id} done={Boolean(item.handledAt)} assigneeId={item.assignee?.id ?? null} note={item.note?.text ?? null} users={users} />
    </li>
  );
}
