import { appUrl } from "@/lib/api/app-url";
import { getCall } from "@/lib/calls/detail";
import type { CallDetail } from "@/lib/calls/schemas";
import type { ColumnsAs, DeliveryColumns, DestinationColumns, SourceAlertColumns, SourceColumns } from "@/lib/db/columns";
import { pool } from "@/lib/db/pool";
import { enqueue, QUEUE } from "@/lib/jobs/boss";
import { logger } from "@/lib/log";
import { ALERT_TITLES } from "@/lib/sources/alert-titles";
import { metricAlertEvent } from "@/lib/alerts/event";
import { DELIVERY_KIND, type DeliveryKind } from "./delivery-kinds";
import type { DestinationKind } from "./kinds/lookup";
import { decide, type Decision } from "./policy";
import { sampleCall } from "./sample-call";
import { rateIntervalSec, sendTo } from "./send";
import type { Outgoing, SendResult } from "./types";

// One attempt at one delivery, run by the "delivery" job.
//
// A delivery is claimed before it is sent: attempts + 1, and next_attempt_at
// pushed a lease ahead. Two processes never send it at once, and one that
// crashed mid-send leaves it to be picked up once the lease is over (by the
// job's own retry or the maintenance sweep), sent again with the same key.

/** Longer than the slowest attempt (a HubSpot delivery is up to six 15 s requests). */
const leaseSeconds = () => Number(process.env.DELIVERY_LEASE_SECONDS ?? 150);

/** A slot further away than this is waited for in the queue, not in the worker. */
const MAX_IN_PROCESS_WAIT_MS = 5_000;

type Claimed = Pick<DeliveryColumns, "id" | "call_id" | "alert_id" | "metric_alert_id" | "attempts" | "destination_id"> &
  ColumnsAs<DeliveryColumns, "kind", DeliveryKind> &
  Pick<DestinationColumns, "config" | "enabled" | "consecutive_failures"> & {
    /** t.kind, renamed beside the delivery's own. */
    destination_kind: DestinationKind;
  };

async function claim(id: string): Promise<Claimed | null> {
  const { rows } = await pool.query<Claimed>(
    `UPDATE deliveries d SET attempts = d.attempts + 1, last_attempt_at = now(),
            next_attempt_at = now() + make_interval(secs => $2)
     FROM destinations t
     WHERE d.id = $1 AND t.id = d.destination_id AND d.status = 'pending'
       AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= now() + interval '1 second')
     RETURNING d.id, d.kind, d.call_id, d.alert_id, d.metric_alert_id, d.attempts, t.id AS destination_id, t.kind AS destination_kind,
               t.config, t.enabled, t.consecutive_failures`,
    [id, leaseSeconds()],
  );
  return rows[0] ?? null;
}

/** Reserves the destination's next request slot (its kind's rate limit); milliseconds to wait for it. */
async function reserveSlot(destinationId: string, kind: DestinationKind): Promise<number> {
  const { rows } = await pool.query<{ wait_ms: number }>(
    `UPDATE destinations SET next_slot_at = GREATEST(next_slot_at, now()) + make_interval(secs => $2)
     WHERE id = $1
     RETURNING GREATEST(0, EXTRACT(EPOCH FROM (next_slot_at - make_interval(secs => $2) - now())) * 1000)::float8 AS wait_ms`,
    [destinationId, rateIntervalSec(kind)],
  );
  return rows[0]?.wait_ms ?? 0;
}

async function buildEvent(d: Claimed): Promise<Outgoing | null> {
  switch (d.kind) {
    case "test":
      return { type: "call.test", call: sampleCall(), callUrl: appUrl("/calls") };
    case "call":
    case "update": {
      const call = d.call_id ? await getCall(d.call_id) : null;
      return call ? { type: d.kind === "call" ? "call.forwarded" : "call.updated", call: withoutReviewers(call), callUrl: appUrl(`/calls/${call.id}`) } : null;
    }
    case "alert":
      return alertEvent(d.alert_id);
    case "metric_opened":
    case "metric_cleared":
      return d.metric_alert_id ? metricAlertEvent(d.metric_alert_id, d.kind === "metric_opened" ? "opened" : "cleared") : null;
  }
}

/** Who reviewed a call and what they noted is the team's own business: a CRM or Slack channel gets the values, not the people. */
const withoutReviewers = (call: CallDetail): CallDetail => ({ ...call, review: { ...call.review, reviewedBy: null, note: null, noteBy: null } });

async function alertEvent(alertId: string | null): Promise<Outgoing | null> {
  const { rows } = await pool.query<Pick<SourceAlertColumns, "id" | "kind" | "detail" | "opened_at"> & Pick<SourceColumns, "name">>(
    `SELECT a.id, a.kind, a.detail, a.opened_at, s.name FROM source_alerts a JOIN sources s ON s.id = a.source_id WHERE a.id = $1`,
    [alertId],
  );
  const a = rows[0];
  if (!a) return null;
  return {
    type: "source.alert",
    alert: { id: a.id, kind: a.kind, title: ALERT_TITLES[a.kind] ?? a.kind, detail: a.detail, sourceName: a.name, openedAt: a.opened_at.toISOString() },
    sourcesUrl: appUrl("/admin/sources"),
  };
}

async function record(d: Claimed, result: SendResult, decision: Decision): Promise<void> {
  const status = decision.next === "retry" ? "pending" : decision.next;
  const delay = decision.next === "retry" ? decision.delaySec : null;
  await pool.query(
    `UPDATE deliveries SET status = $2::delivery_status, response_code = $3, response_excerpt = $4,
            next_attempt_at = CASE WHEN $5::float8 IS NULL THEN NULL ELSE now() + make_interval(secs => $5::float8) END,
            delivered_at = CASE WHEN $2::text = 'delivered' THEN now() ELSE delivered_at END
     WHERE id = $1`,
    [d.id, status, result.status, result.skipped ?? result.excerpt, delay],
  );
  if (!DELIVERY_KIND[d.kind].countsTowardsFailures) return;
  const failed = decision.next === "failed" || (decision.next === "retry" && decision.countsAsFailure);
  const disable = decision.next === "failed" ? decision.disable : null;
  await pool.query(
    `UPDATE destinations SET
       consecutive_failures = CASE WHEN $2 THEN consecutive_failures + 1 WHEN $4 THEN 0 ELSE consecutive_failures END,
       enabled = CASE WHEN $3::text IS NULL THEN enabled ELSE false END,
       disabled_reason = COALESCE($3::text, disabled_reason)
     WHERE id = $1`,
    [d.destination_id, failed, disable, decision.next === "delivered" || decision.next === "skipped"],
  );
  if (disable) logger.warn({ destinationId: d.destination_id, reason: disable }, "destination turned off");
}

/** Runs one attempt of a delivery, if it is due; returns what happened, for the job log. */
export async function runDelivery(id: string): Promise<string> {
  const d = await claim(id);
  if (!d) return "not due";
  if (!d.enabled && !DELIVERY_KIND[d.kind].sentWhenOff) {
    await pool.query(
      `UPDATE deliveries SET status = 'skipped', next_attempt_at = NULL, attempts = attempts - 1, response_excerpt = 'The destination was turned off before this was sent.' WHERE id = $1`,
      [id],
    );
    return "destination off";
  }
  const event = await buildEvent(d);
  if (!event) {
    await pool.query(
      `UPDATE deliveries SET status = 'skipped', next_attempt_at = NULL, response_excerpt = 'The call or alert no longer exists.' WHERE id = $1`,
      [id],
    );
    return "nothing to send";
  }

  const wait = await reserveSlot(d.destination_id, d.destination_kind);
  if (wait > MAX_IN_PROCESS_WAIT_MS) {
    // Give the attempt back and come back at the slot.
    await pool.query(`UPDATE deliveries SET attempts = attempts - 1, next_attempt_at = now() + make_interval(secs => $2) WHERE id = $1`, [id, wait / 1000]);
    await enqueue(QUEUE.delivery, { deliveryId: id }, { key: id, startAfterSeconds: wait / 1000 });
    return "rate limited";
  }
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));

  const result = await sendTo(d.destination_kind, d.config, { key: d.id, event });
  const decided = decide(result, d.attempts, d.consecutive_failures);
  // A test answers the admin now: one attempt, no retries in the background.
  const decision: Decision = !DELIVERY_KIND[d.kind].retried && decided.next === "retry" ? { next: "failed", disable: null } : decided;
  await record(d, result, decision);
  if (decision.next === "retry") await enqueue(QUEUE.delivery, { deliveryId: id }, { key: id, startAfterSeconds: decision.delaySec });
  return `${decision.next} (attempt ${d.attempts}, ${result.status ?? result.excerpt})`;
}
