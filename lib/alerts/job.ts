import { evaluateRules } from "./evaluate";
import { sweepAlertMail } from "./mail-queue";

/** The "metric-alerts" job, every minute, one at a time across processes: evaluate the rules, then queue emails left behind. */
export async function runMetricAlerts(): Promise<{ rules: Record<string, number>; mailQueued: number }> {
  const rules = await evaluateRules();
  return { rules, mailQueued: await sweepAlertMail() };
}
