import { inTransaction, pool } from "@/lib/db/pool";
import { backfill, type BackfillState, type BatchResult } from "@/lib/jobs/backfill";
import { enqueue, QUEUE } from "@/lib/jobs/boss";
import { logger } from "@/lib/log";
import type { Turn } from "@/lib/providers/canonical";
import { METRICS_VERSION, safeCallMetrics, type CallMetrics } from "./compute";
import { metricsJsonSql, saveManyMetrics, type StoredMetrics } from "./store";

// Talk metrics for stored calls: those saved before metrics existed, or with
// an older METRICS_VERSION, or whose numbers no longer match their transcript.
// Walked in batches by call id with progress (lib/jobs/backfill.ts); queued
// when the workers start and some call lacks its metrics, and from the
// Settings page. Calls whose metrics are right are read, not written.

const BATCH = 500;

/**
 * Whether transcript `t` has an agent or customer turn: only those get metrics
 * (callMetrics is null for a call of system lines alone, a no-answer say), so
 * the others must not look as if they lacked theirs, or every worker start
 * would queue the backfill again.
 */
const HAS_TALK = (t: string) => `jsonb_path_exists(${t}.turns, '$[*] ? (@.role == "agent" || @.role == "customer")')`;

const computing = backfill("talk-metrics");

export type MetricsBackfillState = BackfillState;
export const metricsBackfillState = computing.read;

export async function startMetricsBackfill(): Promise<MetricsBackfillState> {
  const state = await computing.start();
  await enqueue(QUEUE.talkMetrics, {}, { key: "talk-metrics" });
  return state;
}

/** Queues a backfill when a stored transcript has no metrics of the current version and none is on its way. */
export async function startMetricsBackfillIfNeeded(): Promise<boolean> {
  const state = await computing.read();
  if (state?.status === "queued" || state?.status === "running") return false;
  const { rows } = await pool.query(
    `SELECT 1 FROM transcripts t LEFT JOIN call_metrics m ON m.call_id = t.call_id
     WHERE (m.call_id IS NULL OR m.version < $1) AND ${HAS_TALK("t")} LIMIT 1`,
    [METRICS_VERSION],
  );
  if (rows.length === 0) return false;
  logger.info("calls without talk metrics: queuing their backfill");
  await startMetricsBackfill();
  return true;
}

interface Row {
  id: string;
  duration_sec: number | null;
  turns: Turn[] | null;
  stored: StoredMetrics | null;
}

const same = (a: CallMetrics, b: NonNullable<Row["stored"]>) =>
  b.version === METRICS_VERSION && (Object.keys(a) as (keyof CallMetrics)[]).every((k) => a[k] === b[k]);

async function metricsBatch(afterId: string): Promise<BatchResult> {
  return inTransaction(async (client) => {
    const { rows } = await client.query<Row>(
      `SELECT c.id, c.duration_sec, CASE WHEN ${HAS_TALK("t")} THEN t.turns END AS turns, ${metricsJsonSql("m")} AS stored
       FROM calls c LEFT JOIN transcripts t ON t.call_id = c.id LEFT JOIN call_metrics m ON m.call_id = c.id
       WHERE c.id > $1 ORDER BY c.id LIMIT ${BATCH} FOR UPDATE OF c`,
      [afterId],
    );
    // The calls are locked (as a save locks them), so a transcript saved meanwhile is not overwritten with older numbers.
    const writes: { callId: string; metrics: CallMetrics }[] = [];
    for (const r of rows) {
      // A call whose transcript retention deleted keeps the metrics it had; one without talk has none.
      if (!Array.isArray(r.turns)) continue;
      const metrics = safeCallMetrics(r.turns, r.duration_sec, r.id);
      if (metrics && !(r.stored && same(metrics, r.stored))) writes.push({ callId: r.id, metrics });
    }
    await saveManyMetrics(client, writes);
    return { seen: rows.length, changed: writes.length, lastId: rows.length === BATCH ? rows[rows.length - 1].id : null };
  });
}

export function runMetricsBackfill(): Promise<string> {
  return computing.run("talk metrics backfilled", () => Promise.resolve(metricsBatch));
}
