import { pool } from "@/lib/db/pool";
import type { CallColumns } from "@/lib/db/columns";
import { logger } from "@/lib/log";
import { syncAlerts } from "@/lib/sources/alerts";
import { listSourceHealth, pruneEventHours } from "@/lib/sources/health";
import { foldRollupShards } from "@/lib/rollups/fold-shards";
import { POLLED_PROVIDER_IDS } from "@/lib/providers/lookup";
import { pollingInterval } from "@/lib/polling/interval";
import { db } from "@/lib/db/client";
import { queueAlertDeliveries, sweepDeliveries } from "@/lib/destinations/queue";
import { processLeftBehind } from "@/lib/ingest/recover";
import { sweepRebucket } from "@/lib/stats/rebucket";
import { sweepArchives } from "@/lib/recordings/queue";
import { queueDueDigests, sweepDigestSends } from "@/lib/digests/due";
import { enqueue, enqueueMany, QUEUE } from "./boss";

// The every-minute job (one at a time across all processes): it queues polls
// that are due, processes raw events left "received", catches transcript
// fetches, recording copies and deliveries that were never queued, and turns source health into
// alerts (forwarded where asked).

/** Polled sources with an interval whose last run is older than it. */
export async function queueDuePolls(now = new Date()): Promise<number> {
  const sources = await db.source.findMany({ where: { provider: { in: POLLED_PROVIDER_IDS }, enabled: true }, include: { poll: true } });
  let queued = 0;
  for (const s of sources) {
    const interval = pollingInterval(s.provider, s.settings);
    if (!interval) continue;
    const lastRun = s.poll?.lastRunAt?.getTime() ?? 0;
    if (now.getTime() - lastRun < interval * 1000) continue;
    if (await enqueue(QUEUE.poll, { sourceId: s.id }, { key: s.id })) queued++;
  }
  return queued;
}

/**
 * Calls waiting for a transcript for over two minutes, with no fetch given up
 * and none queued, running or waiting to retry (pg-boss's own job table).
 */
export async function sweepTranscripts(): Promise<number> {
  const { rows } = await pool.query<Pick<CallColumns, "id">>(
    `SELECT c.id FROM calls c
     WHERE c.transcript_url IS NOT NULL AND c.transcript_error IS NULL AND c.transcript_deleted_at IS NULL
       AND c.created_at < now() - interval '2 minutes' AND c.created_at > now() - interval '2 days'
       AND NOT EXISTS (SELECT 1 FROM transcripts t WHERE t.call_id = c.id)
       AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = $1 AND j.singleton_key = c.id::text AND j.state < 'completed')
     LIMIT 200`,
    [QUEUE.transcriptFetch],
  );
  await enqueueMany(
    QUEUE.transcriptFetch,
    rows.map(({ id }) => ({ data: { callId: id }, key: id })),
  );
  return rows.length;
}

/**
 * Digests that are due, claimed and queued (lib/digests/due.ts), and claimed ones whose job went missing. Here
 * rather than in a schedule of their own: this job already runs once a minute, one at a time across processes,
 * and the claim makes a second finder harmless anyway. A failure is logged and does not stop the rest.
 */
async function queueDigests(): Promise<number> {
  try {
    return (await queueDueDigests()).length + (await sweepDigestSends());
  } catch (err) {
    logger.error({ err: (err as Error).message }, "could not queue the digests that are due");
    return 0;
  }
}

let foldedAt = 0;

/** The rollups' shards of past days folded (lib/rollups/fold-shards.ts), once an hour: a failure is tried again then. */
async function foldShardsHourly(): Promise<void> {
  if (Date.now() - foldedAt < 3_600_000) return;
  foldedAt = Date.now();
  await foldRollupShards().catch((err: Error) => logger.warn({ err: err.message }, "could not fold the rollups' shards; next hour"));
}

export async function runMaintenance(): Promise<void> {
  const polls = await queueDuePolls();
  const leftBehind = await processLeftBehind();
  const transcripts = await sweepTranscripts();
  const deliveries = await sweepDeliveries();
  const recordings = await sweepArchives();
  await sweepRebucket();
  const alerts = await syncAlerts(await listSourceHealth());
  await pruneEventHours();
  const forwarded = await queueAlertDeliveries(alerts.openedIds);
  const digests = await queueDigests();
  await foldShardsHourly();
  if (polls || leftBehind || transcripts || deliveries || recordings || digests || alerts.openedIds.length || alerts.resolved) {
    logger.info(
      {
        polls,
        leftBehind,
        transcripts,
        deliveries,
        recordings,
        digests,
        opened: alerts.openedIds.length,
        resolved: alerts.resolved,
        forwarded: forwarded.length,
      },
      "maintenance",
    );
  }
}
