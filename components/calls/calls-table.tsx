import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { LocalTime } from "@/components/ui/local-time";
import type { CallItem } from "@/lib/calls/schemas";
import { formatDuration, humanize, OUTCOME_TONE, PROVIDER_NAMES, SENTIMENT_TONE, STATUS_TONE } from "./labels";

function ScoreBar({ score, hot }: { score: number; hot: boolean }) {
  return (
    <div className="flex items-center gap-2" title={`Lead score ${score}${hot ? " (hot)" : ""}`}>
      <div className="h-1.5 w-12 overflow-hidden rounded-full bg-slate-100">
        <div className={`h-full ${hot ? "bg-orange-500" : "bg-indigo-400"}`} style={{ width: `${score}%` }} />
      </div>
      <span className="w-6 text-right text-slate-700 tabular-nums">{score}</span>
      {hot && <Badge tone="amber">Hot</Badge>}
    </div>
  );
}

export function CallsTable({ calls }: { calls: CallItem[] }) {
  return (
    <DataTable
      columns={[
        "Time",
        "Customer",
        "Vendor",
        "Agent · Campaign",
        { label: "Duration", className: "text-right" },
        "Status",
        "Outcome",
        "Sentiment",
        "Lead score",
      ]}
    >
      {calls.map((call) => (
        <tr key={call.id} className="hover:bg-slate-50" data-testid="call-row">
          <td className="px-4 py-3 whitespace-nowrap text-slate-600">
            <LocalTime iso={call.startedAt} />
          </td>
          <td className="px-4 py-3">
            <Link href={`/calls/${call.id}`} className="font-medium text-slate-900 hover:text-indigo-700 hover:underline">
              {call.customer.name ?? "Unknown caller"}
            </Link>
            <div className="text-xs text-slate-500 tabular-nums">{call.customer.phone ?? "no number"}</div>
          </td>
          <td className="px-4 py-3 whitespace-nowrap text-slate-700">{PROVIDER_NAMES[call.provider] ?? call.provider}</td>
          <td className="max-w-48 px-4 py-3">
            <div className="truncate text-slate-700">{call.agent ?? "–"}</div>
            <div className="truncate text-xs text-slate-500">{call.campaign ?? ""}</div>
          </td>
          <td className="px-4 py-3 text-right whitespace-nowrap text-slate-700 tabular-nums">{formatDuration(call.durationSec)}</td>
          <td className="px-4 py-3">
            <Badge tone={STATUS_TONE[call.status]}>{humanize(call.status)}</Badge>
          </td>
          <td className="px-4 py-3">{call.outcome ? <Badge tone={OUTCOME_TONE[call.outcome] ?? "gray"}>{humanize(call.outcome)}</Badge> : "–"}</td>
          <td className="px-4 py-3">{call.sentiment ? <Badge tone={SENTIMENT_TONE[call.sentiment]}>{humanize(call.sentiment)}</Badge> : "–"}</td>
          <td className="px-4 py-3">
            <ScoreBar score={call.leadScore} hot={call.isHot} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
