import { describe, expect, it } from "vitest";
import { alertsFor, type SourceHealth } from "@/lib/sources/alert-rules";
import { healthState } from "@/lib/sources/health-state";
import { publicSettings } from "@/lib/sources/settings";

const now = new Date("2026-11-22T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

type Facts = Omit<SourceHealth, "alerts" | "state" | "stateDetail">;

function health(overrides: Partial<Facts> = {}): Facts {
  return {
    id: "s",
    slug: "cllr",
    name: "Cllr",
    provider: "cllr",
    enabled: true,
    lastEventAt: hoursAgo(1),
    last24h: { stored: 40 },
    last7d: { stored: 300 },
    expectedGapMinutes: 24 * 60,
    settings: publicSettings({}),
    polling: null,
    spooled: null,
    ...overrides,
  };
}

const kinds = (h: Facts, createdAt = hoursAgo(24 * 30)) => alertsFor(h, createdAt, now).map((a) => a.kind);

describe("source health alerts", () => {
  it("is quiet for a source delivering as expected", () => {
    expect(kinds(health())).toEqual([]);
  });

  it("flags webhooks waiting in the spool for over a minute, and says how many and how long", () => {
    expect(kinds(health({ spooled: { count: 3, oldestAt: new Date(now.getTime() - 50_000) } }))).toEqual([]);
    const h = health({ spooled: { count: 12, oldestAt: new Date(now.getTime() - 4 * 60_000) } });
    const alerts = alertsFor(h, hoursAgo(24 * 30), now);
    expect(alerts).toEqual([
      {
        kind: "spooled",
        detail: "12 webhooks waiting in the local spool for 4 min: the database could not take them. They are stored as soon as it can.",
      },
    ]);
    expect(healthState({ ...h, alerts })).toEqual({ state: "waiting", stateDetail: alerts[0].detail });
  });

  it("flags a source silent for longer than its expected gap, and says for how long", () => {
    const [alert] = alertsFor(health({ lastEventAt: hoursAgo(30) }), hoursAgo(24 * 30), now);
    expect(alert).toEqual({ kind: "silent", detail: "Nothing arrived for 30 h (expected at least every 24 h)." });
    expect(kinds(health({ lastEventAt: hoursAgo(3), expectedGapMinutes: 120 }))).toEqual(["silent"]);
  });

  it("counts a source that never delivered from when it was connected", () => {
    expect(kinds(health({ lastEventAt: null }), hoursAgo(2))).toEqual([]);
    expect(kinds(health({ lastEventAt: null }), hoursAgo(25))).toEqual(["silent"]);
  });

  it("flags a jump in the failure rate, not a steady one or a handful", () => {
    expect(kinds(health({ last24h: { stored: 20, failed: 10 }, last7d: { stored: 200, failed: 12 } }))).toEqual(["failing"]);
    // Always this bad: not a jump.
    expect(kinds(health({ last24h: { stored: 20, rejected: 10 }, last7d: { stored: 140, rejected: 70 } }))).toEqual([]);
    // Too few to tell.
    expect(kinds(health({ last24h: { stored: 2, failed: 4 }, last7d: { stored: 100, failed: 4 } }))).toEqual([]);
  });

  it("flags Unpod polling that has failed for three intervals, but never a disabled source", () => {
    const polling = {
      configured: true,
      intervalSec: 60,
      lastRunAt: hoursAgo(0),
      lastSuccessAt: hoursAgo(1),
      lastError: "Unpod answered 500 for page 1.",
      importedTotal: 5,
      backlog: null,
    };
    expect(kinds(health({ provider: "unpod", polling }))).toEqual(["polling"]);
    expect(kinds(health({ provider: "unpod", polling: { ...polling, lastSuccessAt: new Date(now.getTime() - 60_000) } }))).toEqual([]);
    expect(kinds(health({ enabled: false, lastEventAt: hoursAgo(100), provider: "unpod", polling }))).toEqual([]);
  });
});

describe("source health state", () => {
  const stateOf = (h: Facts, createdAt = hoursAgo(24 * 30)) => healthState({ ...h, alerts: alertsFor(h, createdAt, now) });
  const storage = publicSettings({ storage: { bucket: "calls", region: "eu-west-1", accessKeyId: "AKIA", secretAccessKey: "sealed" } });

  it("is OK only for a set-up source whose recent events were stored", () => {
    expect(stateOf(health())).toEqual({ state: "ok", stateDetail: null });
  });

  it("says never received for a source that has had no event, even before it counts as quiet", () => {
    expect(stateOf(health({ lastEventAt: null, last24h: {}, last7d: {} }), hoursAgo(1))).toEqual({
      state: "never_received",
      stateDetail: "Nothing has arrived from this source yet.",
    });
    expect(stateOf(health({ lastEventAt: null, last24h: {}, last7d: {} }), hoursAgo(30)).state).toBe("never_received");
  });

  it("says misconfigured for HubTalk without storage and Unpod without polling, and alerts about it", () => {
    const hubtalk = health({ provider: "hubtalk" });
    expect(kinds(hubtalk)).toEqual(["misconfigured"]);
    expect(stateOf(hubtalk)).toEqual({
      state: "misconfigured",
      stateDetail: "Recordings cannot play: HubTalk sends them as files in your storage bucket, and no storage is set up.",
    });
    expect(stateOf(health({ provider: "hubtalk", settings: storage })).state).toBe("ok");
    const unpod = health({
      provider: "unpod",
      polling: { configured: false, intervalSec: 0, lastRunAt: null, lastSuccessAt: null, lastError: null, importedTotal: 0, backlog: null },
    });
    expect(stateOf(unpod).state).toBe("misconfigured");
    expect(stateOf(unpod).stateDetail).toMatch(/polling is not set up/);
  });

  it("says failing when recent events failed or were rejected, steady or not, few or many", () => {
    // No alert for a steady rate (see above), but the state does not say OK.
    expect(stateOf(health({ last24h: { stored: 20, rejected: 10 }, last7d: { stored: 140, rejected: 70 } }))).toEqual({
      state: "failing",
      stateDetail: "10 of 30 events in 24 h were rejected or failed.",
    });
    expect(stateOf(health({ last24h: { failed: 2 }, last7d: { failed: 2 } })).state).toBe("failing");
    expect(stateOf(health({ lastEventAt: hoursAgo(30), last24h: {}, last7d: { failed: 3, stored: 1 } })).stateDetail).toBe(
      "3 of 4 events in 7 days were rejected or failed.",
    );
    // One stray failure among many stored calls is not failing.
    expect(stateOf(health({ last24h: { stored: 40, failed: 1 }, last7d: { stored: 300, failed: 1 } })).state).toBe("ok");
  });

  it("says gone quiet and off", () => {
    expect(stateOf(health({ lastEventAt: hoursAgo(30), last24h: {} })).state).toBe("quiet");
    expect(stateOf(health({ enabled: false, provider: "hubtalk" })).state).toBe("off");
  });
});
