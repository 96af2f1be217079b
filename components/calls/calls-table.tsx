import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { LocalTime } from "@/components/ui/local-time";
import type { CallListItem } from "@/lib/calls/schemas";
import { CallRow } from "./call-row";
import { ContactPhone } from "./contact-phone";
import { formatDuration, humanize, OUTCOME_TONE, PROVIDER_NAMES, SENTIMENT_TONE, STATUS_TONE } from "./labels";
import { formatPhone } from "./phone";
import { ScoreBar } from "./score-bar";
import { Snippet } from "./snippet";
import { ListTrackerChips } from "./list-tracker-chips";
import { SortHeader } from "./sort-header";
import type { Sort } from "./sort";

/** The call list from 640 px on: one row per call, the whole row opening it. */
export function CallsTable({ calls, sort, sortHrefs }: { calls: CallListItem[]; sort: Sort; sortHrefs: Record<Sort, string> }) {
  const timeDirection = sort === "newest" ? "descending" : sort === "oldest" ? "ascending" : "none";
  return (
    <DataTable
      compact
      columns={[
        {
          label: (
            <SortHeader
              label="Time"
              href={sort === "newest" ? sortHrefs.oldest : sortHrefs.newest}
              direction={timeDirection}
              hint={sort === "newest" ? "show oldest first" : "show newest first"}
            />
          ),
          sort: timeDirection,
        },
        "Customer",
        "Vendor",
        "Agent · Campaign",
        { label: "Duration", className: "text-right" },
        "Status",
        "Outcome",
        "Sentiment",
        {
          label: (
            <SortHeader
              label="Lead score"
              href={sort === "score" ? sortHrefs.newest : sortHrefs.score}
              direction={sort === "score" ? "descending" : "none"}
              hint={sort === "score" ? "show newest first" : "show highest score first"}
            />
          ),
          sort: sort === "score" ? "descending" : "none",
        },
        "Trackers",
      ]}
    >
      {calls.map((call) => {
        const name = call.customer.name ?? "Unknown caller";
        return (
          <CallRow key={call.id} href={`/calls/${call.id}`}>
            <td className="px-3 py-3 whitespace-nowrap text-slate-600">
              <LocalTime iso={call.startedAt} />
            </td>
            <td className="max-w-60 min-w-40 px-3 py-3">
              <div className="flex min-w-0 items-center gap-2">
                <Link href={`/calls/${call.id}`} title={name} className="truncate font-medium text-slate-900 hover:text-indigo-700 hover:underline">
                  {name}
                </Link>
                {call.isTest && <Badge tone="violet">Test</Badge>}
              </div>
              <div className="text-xs whitespace-nowrap text-slate-600 tabular-nums">
                <ContactPhone contactId={call.contactId} phone={formatPhone(call.customer.phone)} />
              </div>
              <Snippet call={call} />
            </td>
            <td className="px-3 py-3 whitespace-nowrap text-slate-700">{PROVIDER_NAMES[call.provider] ?? call.provider}</td>
            <td className="max-w-40 px-3 py-3">
              <div className="truncate text-slate-700" title={call.agent ?? undefined}>
                {call.agent ?? "–"}
              </div>
              <div className="truncate text-xs text-slate-600" title={call.campaign ?? undefined}>
                {call.campaign ?? ""}
              </div>
            </td>
            <td className="px-3 py-3 text-right whitespace-nowrap text-slate-700 tabular-nums">{formatDuration(call.durationSec)}</td>
            <td className="px-3 py-3">
              <Badge tone={STATUS_TONE[call.status]}>{humanize(call.status)}</Badge>
            </td>
            <td className="px-3 py-3">
              {call.outcome ? <Badge tone={OUTCOME_TONE[call.outcome] ?? "gray"}>{humanize(call.outcome)}</Badge> : "–"}
              {call.corrected && <CorrectedMark />}
            </td>
            <td className="px-3 py-3">{call.sentiment ? <Badge tone={SENTIMENT_TONE[call.sentiment]}>{humanize(call.sentiment)}</Badge> : "–"}</td>
            <td className="px-3 py-3">
              <ScoreBar score={call.leadScore} hot={call.isHot} />
            </td>
            <td className="max-w-48 px-3 py-3">
              <ListTrackerChips call={call} links />
            </td>
          </CallRow>
        );
      })}
    </DataTable>
  );
}

/** The outcome, sentiment or hot flag in the row is a reviewer's, not the AI's. */
export function CorrectedMark() {
  return (
    <span className="ml-1 text-xs text-violet-700" title="Corrected by a reviewer">
      corrected
    </span>
  );
}
