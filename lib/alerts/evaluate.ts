import { v7 as uuidv7 } from "uuid";
import { db } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/pool";
import { insertMetricAlertDeliveries, queueDeliveryJobs } from "@/lib/destinations/queue";
import { logger } from "@/lib/log";
import { isChange, windowEnd, type Comparison, type Metric } from "./catalog";
import { decide, type Decision } from "./decide";
import { queueAlertMail } from "./mail-queue";
import { measure, type Measured } from "./metrics";
import { resolveScope } from "./scope";

// The every-minute evaluation of every enabled rule: its metric now (and in
// the window before, for a change), whether the condition holds, and the
// alert that follows: opened when it starts (not again while it holds, nor
// within the cool-down after the last one cleared), resolved when it clears.
//
// Each rule is decided in a transaction holding its row (FOR UPDATE), and only
// at a moment later than its last evaluation: two workers evaluating at once
// decide it once (the second finds it evaluated), a worker that fell behind
// never overrides a newer decision, and the partial unique index (one open
// alert per rule) backs this up. Notifications are written in the same
// transaction (deliveries; the alert's email flag) and queued after it commits.

type RuleRow = Awaited<ReturnType<typeof enabledRules>>[number];

export type RuleOutcome = "opened" | "cleared" | "holds" | "clear" | "cooling down" | "not enough calls" | "skipped" | "evaluated already";

/** Rules of people who can still read what they say: a deactivated owner's rules rest. */
const enabledRules = () => db.alertRule.findMany({ where: { enabled: true, owner: { active: true } }, orderBy: { createdAt: "asc" } });

const MINUTE = 60_000;

async function measureRule(rule: RuleRow, now: Date): Promise<{ decision: Decision } | { error: string }> {
  const resolved = await resolveScope(rule);
  if (!resolved.ok) return { error: resolved.error };
  const end = windowEnd(rule.metric, now);
  const window = { from: new Date(end.getTime() - rule.windowMinutes * MINUTE), to: end };
  const before = { from: new Date(window.from.getTime() - rule.windowMinutes * MINUTE), to: window.from };
  const change = isChange(rule.comparison) && rule.metric !== "source_silence";
  const [current, previous] = await Promise.all([
    measure(resolved.scope, window),
    change ? measure(resolved.scope, before) : Promise.resolve<Measured | null>(null),
  ]);
  const condition = { metric: rule.metric as Metric, comparison: rule.comparison as Comparison, threshold: rule.threshold, minCount: rule.minCount };
  return { decision: decide(condition, current, previous) };
}

interface Applied {
  outcome: RuleOutcome;
  deliveries: string[];
  mail: { alertId: string; state: "opened" | "cleared" } | null;
}

/** Decides one rule at `now` in its transaction. */
async function apply(rule: RuleRow, now: Date, measured: { decision: Decision } | { error: string }): Promise<Applied> {
  return inTransaction(async (client) => {
    const none: Applied = { outcome: "evaluated already", deliveries: [], mail: null };
    const { rows: locked } = await client.query<{ last_evaluated_at: Date | null; email: boolean; destination_ids: string[] }>(
      `SELECT last_evaluated_at, email, destination_ids FROM alert_rules WHERE id = $1 AND enabled FOR UPDATE`,
      [rule.id],
    );
    const current = locked[0];
    if (!current || (current.last_evaluated_at && current.last_evaluated_at >= now)) return none;

    if ("error" in measured) {
      await client.query(`UPDATE alert_rules SET last_evaluated_at = $2, last_error = $3 WHERE id = $1`, [rule.id, now, measured.error]);
      return { ...none, outcome: "skipped" };
    }
    const { decision } = measured;
    await client.query(`UPDATE alert_rules SET last_evaluated_at = $2, last_value = $3, last_detail = $4, last_error = NULL WHERE id = $1`, [
      rule.id,
      now,
      decision.current,
      decision.detail,
    ]);
    const { rows: open } = await client.query<{ id: string }>(`SELECT id FROM metric_alerts WHERE rule_id = $1 AND resolved_at IS NULL`, [rule.id]);
    if (decision.holds === null) return { ...none, outcome: "not enough calls" };

    if (decision.holds) {
      if (open[0]) return { ...none, outcome: "holds" };
      const { rows: last } = await client.query<{ resolved_at: Date }>(
        `SELECT resolved_at FROM metric_alerts WHERE rule_id = $1 AND resolved_at IS NOT NULL ORDER BY resolved_at DESC LIMIT 1`,
        [rule.id],
      );
      if (last[0] && now.getTime() - last[0].resolved_at.getTime() < rule.cooldownMinutes * MINUTE) return { ...none, outcome: "cooling down" };
      const { rows: inserted } = await client.query<{ id: string }>(
        `INSERT INTO metric_alerts (id, rule_id, opened_at, value, previous, detail, email) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (rule_id) WHERE resolved_at IS NULL DO NOTHING RETURNING id`,
        [uuidv7(), rule.id, now, decision.current, decision.previous, decision.detail, current.email],
      );
      if (!inserted[0]) return { ...none, outcome: "holds" };
      const alertId = inserted[0].id;
      const deliveries = await insertMetricAlertDeliveries(client, alertId, "opened", current.destination_ids);
      logger.warn({ ruleId: rule.id, alertId, detail: decision.detail }, "metric alert opened");
      return { outcome: "opened", deliveries, mail: current.email ? { alertId, state: "opened" } : null };
    }

    if (!open[0]) return { ...none, outcome: "clear" };
    const alertId = open[0].id;
    await client.query(`UPDATE metric_alerts SET resolved_at = $2, cleared_value = $3 WHERE id = $1`, [alertId, now, decision.current]);
    const { rows: emailed } = await client.query<{ email: boolean }>(`SELECT email FROM metric_alerts WHERE id = $1`, [alertId]);
    const deliveries = await insertMetricAlertDeliveries(client, alertId, "cleared", current.destination_ids);
    logger.info({ ruleId: rule.id, alertId, detail: decision.detail }, "metric alert cleared");
    return { outcome: "cleared", deliveries, mail: emailed[0]?.email ? { alertId, state: "cleared" } : null };
  });
}

/** Evaluates one rule at `now`; what happened. */
export async function evaluateRule(rule: RuleRow, now: Date): Promise<RuleOutcome> {
  // Cheap check first: another worker has been here at this moment or later.
  if (rule.lastEvaluatedAt && rule.lastEvaluatedAt >= now) return "evaluated already";
  const measured = await measureRule(rule, now).catch((err: unknown) => {
    // The database's own words stay in the log; the page says what happened.
    logger.error({ ruleId: rule.id, err: (err as Error).message }, "metric alert rule could not be measured");
    return { error: "The metric could not be read this time; it is tried again next minute." };
  });
  const applied = await apply(rule, now, measured);
  // After the commit: a failure here leaves the rows for the sweeps (deliveries, mail) to queue.
  await queueDeliveryJobs(applied.deliveries);
  if (applied.mail) await queueAlertMail(applied.mail.alertId, applied.mail.state);
  return applied.outcome;
}

/** Every enabled rule at `now`; one rule that fails does not stop the others. The count of each outcome. */
export async function evaluateRules(now = new Date()): Promise<Record<string, number>> {
  const rules = await enabledRules();
  const counts: Record<string, number> = {};
  for (const rule of rules) {
    try {
      const outcome = await evaluateRule(rule, now);
      counts[outcome] = (counts[outcome] ?? 0) + 1;
    } catch (err) {
      logger.error({ err: (err as Error).message, ruleId: rule.id }, "metric alert rule failed to evaluate");
      counts.failed = (counts.failed ?? 0) + 1;
    }
  }
  return counts;
}
