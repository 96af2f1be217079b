import { LocalTime } from "@/components/ui/local-time";
import type { FailedJob, QueueStats } from "@/lib/jobs/stats";

const QUEUE_TITLES: Record<string, string> = {
  "unpod-poll": "Polls",
  "transcript-fetch": "Transcript fetches",
  delivery: "Deliveries (forwarding)",
  rescore: "Re-scoring past calls",
  rebucket: "Re-grouping charts by day",
  "agent-aliases": "Applying agent names to past calls",
  trackers: "Applying trackers to past calls",
  "recording-archive": "Recording copies",
  "recording-backfill": "Archiving older calls' recordings",
  "talk-metrics": "Talk metrics of past calls",
  retention: "Retention (daily)",
  digests: "Digests",
  maintenance: "Maintenance (every minute)",
  "metric-alerts": "Metric alert rules (every minute)",
  "metric-alert-mail": "Metric alert emails",
};

/** The background job queue: what waits, runs, finished and failed (24 h), and the latest failures. */
export function JobStats({ queues, failures }: { queues: QueueStats[]; failures: FailedJob[] }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="jobs-title">
      <h2 id="jobs-title" className="text-sm font-semibold text-slate-900">
        Background jobs
      </h2>
      {/* Focusable: on a phone the table scrolls sideways inside itself, by keyboard too. */}
      <div tabIndex={0} className="mt-2 overflow-x-auto">
        <table className="min-w-full text-sm">
          <thead className="text-left text-xs tracking-wide text-slate-500 uppercase">
            <tr>
              <th className="py-1 pr-4 font-semibold">Queue</th>
              <th className="py-1 pr-4 font-semibold">Waiting</th>
              <th className="py-1 pr-4 font-semibold">Running</th>
              <th className="py-1 pr-4 font-semibold">Done (24 h)</th>
              <th className="py-1 pr-4 font-semibold">Failed (24 h)</th>
            </tr>
          </thead>
          <tbody>
            {queues.map((q) => (
              <tr key={q.queue} className="border-t border-slate-100">
                <td className="py-1 pr-4">{QUEUE_TITLES[q.queue] ?? q.queue}</td>
                <td className="py-1 pr-4 tabular-nums">{q.waiting}</td>
                <td className="py-1 pr-4 tabular-nums">{q.running}</td>
                <td className="py-1 pr-4 tabular-nums">{q.completed}</td>
                <td className={`py-1 pr-4 tabular-nums ${q.failed ? "font-medium text-rose-700" : ""}`}>{q.failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {failures.length > 0 && (
        <div className="mt-3">
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Latest failures, after all retries</h3>
          <ul className="mt-1 space-y-1 text-xs text-slate-700">
            {failures.map((f) => (
              <li key={f.id} className="break-words">
                <LocalTime iso={f.failedAt.toISOString()} /> · {QUEUE_TITLES[f.queue] ?? f.queue} · {f.attempts} attempts: {f.error}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
