import { pool } from "@/lib/db/pool";
import { enqueue, enqueueMany, QUEUE } from "@/lib/jobs/boss";

// The owner's email about an alert opening or clearing goes out from its own
// job (lib/alerts/mail.ts), queued once the evaluation committed. The alert
// row says whether it is owed and whether it went, so a job that was never
// queued (the process stopped in between) is queued by the next minute's sweep.

const key = (alertId: string, state: "opened" | "cleared") => `${alertId}:${state}`;

export async function queueAlertMail(alertId: string, state: "opened" | "cleared"): Promise<void> {
  await enqueue(QUEUE.metricAlertMail, { alertId, state }, { key: key(alertId, state) });
}

/** Emails owed for alerts of the last day that have not gone and have no job waiting or running. */
export async function sweepAlertMail(): Promise<number> {
  const { rows } = await pool.query<{ id: string; state: "opened" | "cleared" }>(
    `SELECT a.id, s.state FROM metric_alerts a
     CROSS JOIN LATERAL (VALUES ('opened', a.opened_mail_at, a.opened_at), ('cleared', a.cleared_mail_at, a.resolved_at)) AS s(state, sent_at, due_at)
     WHERE a.email AND a.mail_error IS NULL AND s.sent_at IS NULL AND s.due_at IS NOT NULL
       AND s.due_at > now() - interval '1 day' AND s.due_at < now() - interval '1 minute'
       AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = $1 AND j.singleton_key = a.id::text || ':' || s.state AND j.state < 'completed')
     LIMIT 200`,
    [QUEUE.metricAlertMail],
  );
  await enqueueMany(
    QUEUE.metricAlertMail,
    rows.map((r) => ({ data: { alertId: r.id, state: r.state }, key: key(r.id, r.state) })),
  );
  return rows.length;
}
