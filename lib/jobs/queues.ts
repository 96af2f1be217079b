import type { Queue } from "pg-boss";

// Every queue, with how its jobs retry. Failed jobs back off exponentially
// (with jitter) and, after their last retry, stay in the "failed" state where
// the sources page shows them. JOB_RETRY_BASE_SECONDS shortens the waits for tests.
// Jobs stay in pgboss.job, where the Sources page counts them, until
// deleteAfterSeconds past their end (pg-boss's default, 7 days).

const base = () => Number(process.env.JOB_RETRY_BASE_SECONDS ?? 30);

export const QUEUE = {
  /**
   * One poll run (a bounded batch) per polled source; "stately" keeps one queued and one running per source.
   * Named from when Unpod was the only polled vendor: queued jobs carry the name, so it stays.
   */
  poll: "unpod-poll",
  /** Fetch a Cllr transcript from its URL, one job per call. */
  transcriptFetch: "transcript-fetch",
  /** Send one delivery to a destination (lib/destinations/deliver.ts); it schedules its own retries. */
  delivery: "delivery",
  /** Re-score past calls after the outcome mapping or the hot threshold changed. */
  rescore: "rescore",
  /** Move the daily rollups to days in the organisation's new time zone. */
  rebucket: "rebucket",
  /** Apply changed agent aliases to past calls (lib/agents/reapply.ts). */
  agentAliases: "agent-aliases",
  /** Apply the trackers again to past calls after one was created, edited or deleted (lib/trackers/reapply.ts). */
  trackers: "trackers",
  /** Copy one call's recording into the archive (lib/recordings/archive-job.ts). */
  recordingArchive: "recording-archive",
  /** Give stored calls' recordings archive rows and jobs (lib/recordings/backfill.ts). */
  recordingBackfill: "recording-backfill",
  /** Compute talk metrics for stored calls (lib/calls/metrics/backfill.ts). */
  talkMetrics: "talk-metrics",
  /** Daily: delete recordings, transcripts and raw payloads past their source's retention. */
  retention: "retention",
  /** Send one claimed digest (lib/digests/send.ts); the maintenance job claims the due ones. */
  digests: "digests",
  /** Every minute: poll sources that are due, sweep transcripts, evaluate source health. */
  maintenance: "maintenance",
  /** Every minute: evaluate the metric alert rules (lib/alerts/evaluate.ts). */
  metricAlerts: "metric-alerts",
  /** Email one metric alert's opening or clearing to its rule's owner (lib/alerts/mail.ts). */
  metricAlertMail: "metric-alert-mail",
} as const;

export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];

type Empty = Record<string, never>;

/** What a job of each queue carries: enqueue and the workers both read this map, so they cannot disagree. */
export interface JobData {
  [QUEUE.poll]: { sourceId: string };
  [QUEUE.transcriptFetch]: { callId: string };
  [QUEUE.delivery]: { deliveryId: string };
  [QUEUE.rescore]: Empty;
  [QUEUE.rebucket]: Empty;
  [QUEUE.agentAliases]: Empty;
  [QUEUE.trackers]: Empty;
  [QUEUE.recordingArchive]: { callId: string };
  [QUEUE.recordingBackfill]: Empty;
  [QUEUE.talkMetrics]: Empty;
  [QUEUE.retention]: Empty;
  [QUEUE.digests]: { sendId: string };
  [QUEUE.maintenance]: Empty;
  [QUEUE.metricAlerts]: Empty;
  [QUEUE.metricAlertMail]: { alertId: string; state: "opened" | "cleared" };
}

export function queueOptions(): Record<QueueName, Omit<Queue, "name">> {
  return {
    [QUEUE.poll]: { policy: "stately", retryLimit: 5, retryDelay: base(), retryBackoff: true, expireInSeconds: 600 },
    [QUEUE.transcriptFetch]: { policy: "stately", retryLimit: 3, retryDelay: base(), retryBackoff: true, expireInSeconds: 120 },
    // pg-boss retries only a job that crashed or threw; a delivery's own failures are rescheduled by it.
    [QUEUE.delivery]: { policy: "stately", retryLimit: 3, retryDelay: base(), retryBackoff: true, expireInSeconds: 180 },
    [QUEUE.rescore]: { policy: "stately", retryLimit: 3, retryDelay: base(), expireInSeconds: 3600 },
    [QUEUE.rebucket]: { policy: "stately", retryLimit: 3, retryDelay: base(), expireInSeconds: 3600 },
    [QUEUE.agentAliases]: { policy: "stately", retryLimit: 3, retryDelay: base(), expireInSeconds: 3600 },
    [QUEUE.trackers]: { policy: "stately", retryLimit: 3, retryDelay: base(), expireInSeconds: 3600 },
    // Six tries over about half an hour (with the default base): time for a vendor to finish writing the file.
    [QUEUE.recordingArchive]: { policy: "stately", retryLimit: 5, retryDelay: base(), retryBackoff: true, expireInSeconds: 600 },
    [QUEUE.recordingBackfill]: { policy: "stately", retryLimit: 3, retryDelay: base(), expireInSeconds: 3600 },
    [QUEUE.talkMetrics]: { policy: "stately", retryLimit: 3, retryDelay: base(), expireInSeconds: 3600 },
    [QUEUE.retention]: { policy: "singleton", retryLimit: 3, retryDelay: base(), expireInSeconds: 3600 },
    // A failed channel is tried again with back-off, over about a quarter of an hour with the default base.
    [QUEUE.digests]: { policy: "stately", retryLimit: 5, retryDelay: base(), retryBackoff: true, expireInSeconds: 300 },
    [QUEUE.maintenance]: { policy: "singleton", retryLimit: 0, expireInSeconds: 300 },
    // The next minute's run is the retry.
    [QUEUE.metricAlerts]: { policy: "singleton", retryLimit: 0, expireInSeconds: 300 },
    [QUEUE.metricAlertMail]: { policy: "stately", retryLimit: 4, retryDelay: base(), retryBackoff: true, expireInSeconds: 120 },
  };
}
