import Link from "next/link";
import { formatDuration, humanize, OUTCOME_TONE, PROVIDER_NAMES, SENTIMENT_TONE, STATUS_TONE } from "@/components/calls/labels";
import { ScoreBar } from "@/components/calls/score-bar";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { TimelineCall } from "@/lib/contacts/schemas";

/** One call of the timeline: when, which vendor, how it went, its summary and notes; the time opens the call. Text only, never HTML. */
export function TimelineCallItem({ call, attempt }: { call: TimelineCall; attempt?: boolean }) {
  return (
    <div className="space-y-1.5" data-testid="timeline-call">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <Link href={`/calls/${call.id}`} className="font-medium text-slate-900 hover:text-indigo-700 hover:underline">
          {attempt && call.attempt ? <span className="mr-1 text-slate-500">{`Attempt ${call.attempt} ·`}</span> : null}
          <LocalTime iso={call.startedAt} />
        </Link>
        <span className="text-slate-600">{PROVIDER_NAMES[call.provider] ?? call.provider}</span>
        {call.direction && <span className="text-xs text-slate-500">{humanize(call.direction)}</span>}
        <Badge tone={STATUS_TONE[call.status]}>{humanize(call.status)}</Badge>
        {call.outcome && <Badge tone={OUTCOME_TONE[call.outcome] ?? "gray"}>{humanize(call.outcome)}</Badge>}
        {call.sentiment && <Badge tone={SENTIMENT_TONE[call.sentiment]}>{humanize(call.sentiment)}</Badge>}
        <span className="text-slate-600 tabular-nums">{formatDuration(call.durationSec)}</span>
        <span className="ml-auto">
          <ScoreBar score={call.leadScore} hot={call.isHot} />
        </span>
      </div>
      {call.summary && <p className="line-clamp-2 text-sm text-slate-700">{call.summary}</p>}
      {(call.nextAction || call.callbackAt) && (
        <p className="text-xs text-slate-600">
          <span className="font-medium text-slate-700">Next: </span>
          {call.nextAction ?? "No next step given"}
          {call.callbackAt && (
            <>
              {" "}
              · callback <LocalTime iso={call.callbackAt} />
            </>
          )}
        </p>
      )}
      {call.reviewNote && (
        <p className="rounded-md bg-violet-50 px-2 py-1 text-xs whitespace-pre-wrap text-violet-900" data-testid="review-note">
          <span className="font-medium">Review note: </span>
          {call.reviewNote}
        </p>
      )}
      {call.followUpNote && (
        <p className="rounded-md bg-amber-50 px-2 py-1 text-xs whitespace-pre-wrap text-amber-900" data-testid="follow-up-note">
          <span className="font-medium">Follow-up note: </span>
          {call.followUpNote}
        </p>
      )}
    </div>
  );
}
