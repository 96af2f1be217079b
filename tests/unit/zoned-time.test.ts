import { describe, expect, it } from "vitest";
import { isoInZone } from "@/lib/calls/zoned-time";

describe("isoInZone", () => {
  it.each([
    ["2026-11-28T04:30:00.000Z", "America/New_York", "2026-11-27T23:30:00-05:00"],
    ["2026-07-01T03:30:15.000Z", "America/New_York", "2026-06-30T23:30:15-04:00"],
    ["2026-11-28T04:30:00.000Z", "Asia/Kolkata", "2026-11-28T10:00:00+05:30"],
    ["2026-11-28T04:30:00.000Z", "UTC", "2026-11-28T04:30:00+00:00"],
    ["2026-11-28T00:00:00.000Z", "Europe/London", "2026-11-28T00:00:00+00:00"],
  ])("writes %s in %s as %s", (iso, zone, local) => {
    expect(isoInZone(iso, zone)).toBe(local);
    // The same instant, read back.
    expect(new Date(local).toISOString()).toBe(iso);
  });

  it("keeps null", () => {
    expect(isoInZone(null, "UTC")).toBeNull();
  });
});
