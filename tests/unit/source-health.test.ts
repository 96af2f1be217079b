import { describe, expect, it } from "vitest";
import { alertsFor, type SourceHealth } from "@/lib/sources/alert-rules";
import { publicSettings } from "@/lib/sources/settings";

const now = new Date("2026-11-22T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

function health(overrides: Partial<SourceHealth> = {}): Omit<SourceHealth, "alerts"> {
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
    ...overrides,
  };
}

const kinds = (h: Omit<SourceHealth, "alerts">, createdAt = hoursAgo(24 * 30)) => alertsFor(h, createdAt, now).map((a) => a.kind);

describe("source health alerts", () => {
  it("is quiet for a source delivering as expected", () => {
    expect(kinds(health())).toEqual([]);
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
