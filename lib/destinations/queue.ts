import type pg from "pg";
import { v7 as uuidv7 } from "uuid";
import { DomainError } from "@/lib/errors";
import { pool } from "@/lib/db/pool";
import type { ColumnsAs, DeliveryColumns, DestinationColumns } from "@/lib/db/columns";
import { cachedUntilChanged } from "@/lib/db/changes";
import { enqueueSoon } from "@/lib/jobs/batch";
import { enqueue, enqueueMany, QUEUE } from "@/lib/jobs/boss";
import { DELIVERY_KIND, type DeliveryKind, type MetricAlertState } from "./delivery-kinds";
import { readRules, ruleMatches, type RuleFacts } from "./rules";
import { ALERT_KIND_IDS } from "./kinds/lookup";

// Creating deliveries: one per call (or alert) and matching destination,
// exactly once (dedupe_key), then a job for each. A job that could not be
// queued is picked up by sweepDeliveries, run every minute.

const UNFINISHED = ["in_progress"];

type EnabledDestination = Pick<DestinationColumns, "id" | "rules">;

/** This process's copy, read again after any change to destinations (lib/db/changes.ts). */
const enabledDestinations = cachedUntilChanged("destinations", async (): Promise<EnabledDestination[]> => {
  const { rows } = await pool.query<EnabledDestination>("SELECT id, rules FROM destinations WHERE enabled");
  return rows;
});

type NewDelivery = { destinationId: string; kind: DeliveryKind; callId?: string; alertId?: string; metricAlertId?: string; dedupeKey: string | null };

/** Writes deliveries (each dedupe key once) on `client`, a transaction's connection or the pool; the ids written. */
async function insertDeliveries(client: Pick<pg.PoolClient, "query">, rows: NewDelivery[]): Promise<string[]> {
  const ids: string[] = [];
  for (const r of rows) {
    const { rows: inserted } = await client.query<Pick<DeliveryColumns, "id">>(
      `INSERT INTO deliveries (id, destination_id, kind, call_id, alert_id, metric_alert_id, dedupe_key) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [uuidv7(), r.destinationId, r.kind, r.callId ?? null, r.alertId ?? null, r.metricAlertId ?? null, r.dedupeKey],
    );
    if (inserted[0]) ids.push(inserted[0].id);
  }
  return ids;
}

/** A job for each delivery written (sweepDeliveries queues any whose job was never queued). */
export async function queueDeliveryJobs(ids: string[]): Promise<void> {
  await enqueueMany(
    QUEUE.delivery,
    ids.map((id) => ({ data: { deliveryId: id }, key: id })),
  );
}

async function insertAndQueue(rows: NewDelivery[]): Promise<string[]> {
  const ids = await insertDeliveries(pool, rows);
  await queueDeliveryJobs(ids);
  return ids;
}

/**
 * A metric alert opening or clearing: a delivery to each of the rule's Slack
 * and webhook destinations that still exists, once per alert, destination and
 * state. Written in the evaluation's transaction; queueDeliveryJobs after it commits.
 */
export async function insertMetricAlertDeliveries(
  client: Pick<pg.PoolClient, "query">,
  metricAlertId: string,
  state: MetricAlertState,
  destinationIds: string[],
): Promise<string[]> {
  if (destinationIds.length === 0) return [];
  const { rows } = await client.query<Pick<DestinationColumns, "id">>(`SELECT id FROM destinations WHERE id = ANY($1::uuid[]) AND kind = ANY($2::text[])`, [
    destinationIds,
    ALERT_KIND_IDS,
  ]);
  const kind = state === "opened" ? "metric_opened" : "metric_cleared";
  return insertDeliveries(
    client,
    rows.map((d) => ({ destinationId: d.id, kind, metricAlertId, dedupeKey: `${kind}:${d.id}:${metricAlertId}` })),
  );
}

/** The destinations a saved call goes to: those whose rules it matches, once it has finished; never a test call. */
export async function callDestinations(call: RuleFacts & { status: string; isTest: boolean }): Promise<string[]> {
  if (UNFINISHED.includes(call.status) || call.isTest) return [];
  return (await enabledDestinations()).filter((d) => ruleMatches(readRules(d.rules), call)).map((d) => d.id);
}

/**
 * The deliveries of a new call, for the statement that inserts it (lib/ingest/save-call.ts): one per
 * destination still there and on when it runs; `param` adds a value. Returns the ids written.
 */
export function callDeliveriesSql(destinationIds: string[], param: (value: unknown) => string, call: string): string {
  const ids = destinationIds.map(() => uuidv7());
  return `INSERT INTO deliveries (id, destination_id, kind, call_id, dedupe_key)
    SELECT x.id, x.destination_id, 'call', ${call}.id, 'call:' || x.destination_id || ':' || ${call}.id
    FROM ${call}, unnest(${param(ids)}::uuid[], ${param(destinationIds)}::uuid[]) AS x (id, destination_id)
    JOIN destinations t ON t.id = x.destination_id AND t.enabled
    ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`;
}

/** Jobs for deliveries written with their call, with the next batch of jobs. */
export function queueCallDeliveryJobs(ids: string[]): Promise<void> {
  return Promise.all(ids.map((id) => enqueueSoon(QUEUE.delivery, { deliveryId: id }, id))).then(() => {});
}

/** After a call is saved: a delivery to each destination whose rules it matches, once it has finished; never a test call. */
export async function queueCallDeliveries(callId: string, call: RuleFacts & { status: string; isTest: boolean }): Promise<string[]> {
  if (UNFINISHED.includes(call.status) || call.isTest) return [];
  const matching = (await enabledDestinations()).filter((d) => ruleMatches(readRules(d.rules), call));
  return insertAndQueue(matching.map((d) => ({ destinationId: d.id, kind: "call", callId, dedupeKey: `call:${d.id}:${callId}` })));
}

/**
 * After a reviewer corrected a call: each destination whose rules ask for
 * updates and that has received the call already gets it again, once per
 * correction (`version`), whether or not it still matches its rules (a lead
 * that is no longer hot is news to a CRM too). Others hear nothing.
 */
export async function queueCallUpdates(callId: string, call: { isTest: boolean }, version: string): Promise<string[]> {
  if (call.isTest) return [];
  const { rows } = await pool.query<Pick<DeliveryColumns, "destination_id">>(
    `SELECT DISTINCT destination_id FROM deliveries WHERE call_id = $1 AND kind = 'call' AND status = 'delivered'`,
    [callId],
  );
  const received = new Set(rows.map((r) => r.destination_id));
  const { rows: waiting } = await pool.query<Pick<DeliveryColumns, "destination_id">>(
    `SELECT DISTINCT destination_id FROM deliveries WHERE call_id = $1 AND kind = 'update' AND status = 'pending' AND attempts = 0`,
    [callId],
  );
  // An update not yet tried carries the newest values when it goes: another would only repeat it.
  const queued = new Set(waiting.map((r) => r.destination_id));
  const targets = (await enabledDestinations()).filter((d) => {
    const rules = readRules(d.rules);
    return received.has(d.id) && !queued.has(d.id) && rules.updates && rules.calls !== "none";
  });
  return insertAndQueue(targets.map((d) => ({ destinationId: d.id, kind: "update", callId, dedupeKey: `update:${d.id}:${callId}:${version}` })));
}

/** After source alerts open: a delivery to each destination that takes alerts. */
export async function queueAlertDeliveries(alertIds: string[]): Promise<string[]> {
  if (alertIds.length === 0) return [];
  const destinations = (await enabledDestinations()).filter((d) => readRules(d.rules).alerts);
  return insertAndQueue(
    destinations.flatMap((d) => alertIds.map((alertId) => ({ destinationId: d.id, kind: "alert" as const, alertId, dedupeKey: `alert:${d.id}:${alertId}` }))),
  );
}

/** A sample call to one destination, whether or not it is on. */
export async function queueTestDelivery(destinationId: string): Promise<string> {
  const [id] = await insertAndQueue([{ destinationId, kind: "test", dedupeKey: null }]);
  return id;
}

/**
 * Sends a delivery again. One that never arrived keeps its id (the receiver
 * may have processed it after all, and can tell); one that did arrive is sent
 * as a new delivery, since the receiver would rightly drop the same id twice.
 */
export async function replayDelivery(id: string): Promise<{ id: string; sameKey: boolean }> {
  const { rows } = await pool.query<
    Pick<DeliveryColumns, "id" | "status" | "destination_id" | "call_id" | "alert_id" | "metric_alert_id"> &
      ColumnsAs<DeliveryColumns, "kind", DeliveryKind> &
      Pick<DestinationColumns, "enabled">
  >(
    `SELECT d.id, d.status, d.destination_id, d.kind, d.call_id, d.alert_id, d.metric_alert_id, t.enabled
     FROM deliveries d JOIN destinations t ON t.id = d.destination_id WHERE d.id = $1`,
    [id],
  );
  const d = rows[0];
  if (!d) throw new DomainError("not_found", "Not found", `No delivery has the id "${id}".`);
  if (!d.enabled && !DELIVERY_KIND[d.kind].sentWhenOff)
    throw new DomainError("conflict", "Destination off", "Turn the destination on before replaying its deliveries.");
  if (d.status === "pending") throw new DomainError("conflict", "Still pending", "This delivery is still being tried; wait for its next attempt.");
  if (d.status === "delivered") {
    const [newId] = await insertAndQueue([
      {
        destinationId: d.destination_id,
        kind: d.kind,
        callId: d.call_id ?? undefined,
        alertId: d.alert_id ?? undefined,
        metricAlertId: d.metric_alert_id ?? undefined,
        dedupeKey: null,
      },
    ]);
    return { id: newId, sameKey: false };
  }
  await pool.query(
    `UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = NULL, response_code = NULL, response_excerpt = NULL WHERE id = $1`,
    [id],
  );
  await enqueue(QUEUE.delivery, { deliveryId: id }, { key: id });
  return { id, sameKey: true };
}

/** Pending deliveries past their time with no job (the queueing failed, or a worker died): queue them again. */
export async function sweepDeliveries(): Promise<number> {
  const { rows } = await pool.query<Pick<DeliveryColumns, "id">>(
    `SELECT d.id FROM deliveries d
     WHERE d.status = 'pending' AND COALESCE(d.next_attempt_at, d.created_at) < now() - interval '1 minute'
       AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = $1 AND j.singleton_key = d.id::text AND j.state < 'completed')
     LIMIT 500`,
    [QUEUE.delivery],
  );
  await queueDeliveryJobs(rows.map(({ id }) => id));
  return rows.length;
}
