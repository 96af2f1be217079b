import { appUrl } from "@/lib/api/app-url";
import { db } from "@/lib/db/client";
import type { MetricAlertEvent, Outgoing } from "@/lib/destinations/types";
import { windowCallsPath as viewWindowPath } from "@/lib/views/filters";
import { conditionText, measuredText, valueText, windowEnd, type Comparison, type Metric } from "./catalog";
import { resolveScope } from "./scope";

// A metric alert as its notifications tell it (Slack, webhooks, email): the
// rule, the numbers, and links to the Alerts page and to the calls behind it.

export type AlertState = MetricAlertEvent["state"];

/** The view's calls (its page's filters on the Calls page) in the window that ended at `to`. */
export function windowCallsPath(
  r: { metric: string; trackerId: string | null; windowMinutes: number },
  view: { page: string | null; query: string | null },
  to: Date,
) {
  const extra: Record<string, string> = {};
  if (r.metric === "hot_leads") extra.hot = "true";
  if (r.metric === "tracker_mentions" && r.trackerId) extra.tracker = r.trackerId;
  const end = windowEnd(r.metric, to);
  return viewWindowPath({ page: view.page ?? "calls", query: view.query ?? "" }, { from: new Date(end.getTime() - r.windowMinutes * 60_000), to: end }, extra);
}

export async function metricAlertEvent(alertId: string, state: AlertState): Promise<Extract<Outgoing, { type: "metric.alert" }> | null> {
  const alert = await db.metricAlert.findUnique({ where: { id: alertId }, include: { rule: true } });
  if (!alert || (state === "cleared" && !alert.resolvedAt)) return null;
  const { rule } = alert;
  const { names } = await resolveScope(rule);
  const metric = rule.metric as Metric;
  const value = state === "cleared" ? (alert.clearedValue ?? alert.value) : alert.value;
  const at = state === "cleared" ? alert.resolvedAt! : alert.openedAt;
  return {
    type: "metric.alert",
    alert: {
      id: alert.id,
      ruleName: rule.name,
      metric,
      condition: conditionText({ metric, comparison: rule.comparison as Comparison, threshold: rule.threshold, ...names }),
      value,
      previous: state === "opened" ? alert.previous : null,
      valueText: valueText(metric, value),
      previousText: state === "opened" && alert.previous !== null ? valueText(metric, alert.previous) : null,
      threshold: rule.threshold,
      comparison: rule.comparison,
      state,
      windowMinutes: rule.windowMinutes,
      measured: measuredText(metric, value, rule.windowMinutes),
      viewName: names.viewName,
      openedAt: alert.openedAt.toISOString(),
      clearedAt: alert.resolvedAt?.toISOString() ?? null,
    },
    urls: {
      alerts: appUrl("/alerts"),
      calls: metric === "source_silence" ? null : appUrl(windowCallsPath(rule, { page: names.viewPage, query: names.viewQuery }, at)),
    },
  };
}
