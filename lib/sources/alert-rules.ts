import { hasCapability, PROVIDER_NAMES } from "@/lib/providers/lookup";
import type { HealthState } from "./health-state";
import type { publicSettings } from "./settings";

// How each source is doing: when it last delivered, its events by status over
// 24 hours and 7 days, and which alerts it deserves:
//   silent   nothing arrived for longer than the source's expected gap
//            (counted from its creation if it never delivered);
//   failing  at least 5 events in 24 hours were rejected or failed, at least
//            20% of them, and at least twice the share of the 6 days before;
//   polling  polling (Unpod) has failed for 3 intervals (at least 15 minutes);
//   misconfigured  a setting the source cannot work without is missing:
//            storage for a vendor whose recordings are object keys in a
//            bucket (HubTalk), polling for a polled vendor (Unpod: it never
//            pushes calls);
//   spooled  webhooks have waited in the local spool for over a minute: the
//            database could not take them (lib/ingest/spool).

export type EventCounts = Partial<Record<"received" | "stored" | "duplicate" | "rejected" | "failed", number>>;

export interface AlertState {
  kind: "silent" | "failing" | "polling" | "misconfigured" | "spooled";
  detail: string;
}

export interface SourceHealth {
  id: string;
  slug: string;
  name: string;
  provider: string;
  enabled: boolean;
  lastEventAt: Date | null;
  last24h: EventCounts;
  last7d: EventCounts;
  expectedGapMinutes: number;
  /** Vendor settings as admins may see them (secrets only as "set"). */
  settings: ReturnType<typeof publicSettings>;
  polling: null | {
    configured: boolean;
    intervalSec: number;
    lastRunAt: Date | null;
    lastSuccessAt: Date | null;
    lastError: string | null;
    importedTotal: number;
    backlog: { page: number; of: number | null } | null;
  };
  /** Its webhooks waiting in this machine's spool for the database, if any. */
  spooled: { count: number; oldestAt: Date } | null;
  alerts: AlertState[];
  /** One word for how the source is doing now (./health-state.ts), and why. */
  state: HealthState;
  stateDetail: string | null;
}

const FAILING_MIN_EVENTS = 5;
const SPOOLED_MINUTES = 1;
const FAILING_MIN_SHARE = 0.2;

function hoursText(minutes: number): string {
  return minutes >= 120 ? `${Math.round(minutes / 60)} h` : `${Math.round(minutes)} min`;
}

const bad = (c: EventCounts) => (c.rejected ?? 0) + (c.failed ?? 0);
const total = (c: EventCounts) => Object.values(c).reduce((a, b) => a + (b ?? 0), 0);

/** What the source cannot work without and lacks, in words for admins; null when nothing is missing. */
export function missingSettings(h: Pick<SourceHealth, "provider" | "settings" | "polling">): string | null {
  const name = PROVIDER_NAMES[h.provider] ?? h.provider;
  if (hasCapability(h.provider, "recordingsByKey") && !h.settings.storage)
    return `Recordings cannot play: ${name} sends them as files in your storage bucket, and no storage is set up.`;
  if (hasCapability(h.provider, "polled") && !h.polling?.configured)
    return `No calls can arrive: ${name} is polled, and polling is not set up (API token, space token, org handle).`;
  return null;
}

export function alertsFor(h: Omit<SourceHealth, "alerts" | "state" | "stateDetail">, createdAt: Date, now = new Date()): AlertState[] {
  if (!h.enabled) return [];
  const alerts: AlertState[] = [];
  const missing = missingSettings(h);
  if (missing) alerts.push({ kind: "misconfigured", detail: missing });
  const waited = h.spooled ? (now.getTime() - h.spooled.oldestAt.getTime()) / 60_000 : 0;
  if (h.spooled && waited > SPOOLED_MINUTES) {
    alerts.push({
      kind: "spooled",
      detail: `${h.spooled.count} webhook${h.spooled.count === 1 ? "" : "s"} waiting in the local spool for ${hoursText(waited)}: the database could not take them. They are stored as soon as it can.`,
    });
  }
  const since = h.lastEventAt ?? createdAt;
  const quietMinutes = (now.getTime() - since.getTime()) / 60_000;
  if (quietMinutes > h.expectedGapMinutes) {
    alerts.push({
      kind: "silent",
      detail: `${h.lastEventAt ? `Nothing arrived for ${hoursText(quietMinutes)}` : `Nothing has arrived in the ${hoursText(quietMinutes)} since it was connected`} (expected at least every ${hoursText(h.expectedGapMinutes)}).`,
    });
  }

  const dayBad = bad(h.last24h);
  const dayShare = dayBad / Math.max(1, total(h.last24h));
  const before = Object.fromEntries((Object.keys(h.last7d) as (keyof EventCounts)[]).map((k) => [k, (h.last7d[k] ?? 0) - (h.last24h[k] ?? 0)])) as EventCounts;
  const beforeShare = bad(before) / Math.max(1, total(before));
  if (dayBad >= FAILING_MIN_EVENTS && dayShare >= FAILING_MIN_SHARE && dayShare >= 2 * beforeShare) {
    alerts.push({
      kind: "failing",
      detail: `${dayBad} of ${total(h.last24h)} events in 24 h were rejected or failed (${Math.round(dayShare * 100)}%, was ${Math.round(beforeShare * 100)}%).`,
    });
  }

  const p = h.polling;
  if (p?.configured && p.lastError && p.intervalSec > 0) {
    const allowedMs = Math.max(3 * p.intervalSec * 1000, 15 * 60_000);
    const since = p.lastSuccessAt ?? createdAt;
    if (now.getTime() - since.getTime() > allowedMs)
      alerts.push({ kind: "polling", detail: `Polling ${PROVIDER_NAMES[h.provider] ?? h.provider} fails: ${p.lastError}` });
  }
  return alerts;
}
