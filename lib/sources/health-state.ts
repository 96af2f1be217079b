import type { EventCounts, SourceHealth } from "./alert-rules";

// One word for how a source is doing, shown beside its alerts. Alerts are
// events (they open, are forwarded, resolve) and wait for a clear change;
// the state says the plain truth at this moment: a source is "OK" only when
// it is set up, has delivered, and its recent events were stored.

export type HealthState = "ok" | "off" | "misconfigured" | "waiting" | "failing" | "quiet" | "never_received";

export const HEALTH_STATE_TITLES: Record<HealthState, string> = {
  ok: "OK",
  off: "Off",
  misconfigured: "Misconfigured",
  waiting: "Waiting for the database",
  failing: "Failing",
  quiet: "Gone quiet",
  never_received: "Never received",
};

/** A share of failed or rejected events from which the recent events count as failing. */
const FAILING_SHARE = 0.2;

const bad = (c: EventCounts) => (c.rejected ?? 0) + (c.failed ?? 0);
const total = (c: EventCounts) => Object.values(c).reduce((a, b) => a + (b ?? 0), 0);

/** The recent events (24 hours, else the week) when a fair share of them failed or were rejected. */
function recentFailures(h: Pick<SourceHealth, "last24h" | "last7d">): string | null {
  const [counts, period] = total(h.last24h) > 0 ? [h.last24h, "24 h"] : [h.last7d, "7 days"];
  const n = bad(counts);
  if (n === 0 || n / total(counts) < FAILING_SHARE) return null;
  return `${n} of ${total(counts)} events in ${period} were rejected or failed.`;
}

export function healthState(h: Omit<SourceHealth, "state" | "stateDetail">): { state: HealthState; stateDetail: string | null } {
  if (!h.enabled) return { state: "off", stateDetail: "Disabled: its calls are refused and it is not polled." };
  const alert = (kind: string) => h.alerts.find((a) => a.kind === kind);
  const misconfigured = alert("misconfigured");
  if (misconfigured) return { state: "misconfigured", stateDetail: misconfigured.detail };
  const spooled = alert("spooled");
  if (spooled) return { state: "waiting", stateDetail: spooled.detail };
  const failing = alert("failing") ?? alert("polling");
  if (failing) return { state: "failing", stateDetail: failing.detail };
  const failures = recentFailures(h);
  if (failures) return { state: "failing", stateDetail: failures };
  const quiet = alert("silent");
  if (quiet && h.lastEventAt) return { state: "quiet", stateDetail: quiet.detail };
  if (!h.lastEventAt) return { state: "never_received", stateDetail: quiet?.detail ?? "Nothing has arrived from this source yet." };
  return { state: "ok", stateDetail: null };
}
