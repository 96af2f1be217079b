import { describe, expect, it } from "vitest";
import { kpiChange } from "@/lib/stats/kpi-format";

// How the overview's cards and the digests say a KPI moved against the period before.
describe("a KPI's change", () => {
  it("gives counts and averages in percent and ratios in points", () => {
    expect(kpiChange(12, 10, "count")).toEqual({ text: "+20%", up: true });
    expect(kpiChange(90, 120, "average")).toEqual({ text: "-25%", up: false });
    expect(kpiChange(0.42, 0.5, "ratio")).toEqual({ text: "-8 pts", up: false });
  });

  it("says by how many a count rose from none, where a percentage of zero means nothing", () => {
    expect(kpiChange(5, 0, "count")).toEqual({ text: "+5", up: true });
    expect(kpiChange(0, 0, "count")).toEqual({ text: "+0", up: true });
    expect(kpiChange(1200, 0, "count")).toEqual({ text: "+1,200", up: true });
  });

  it("compares nothing with a period that had no data, or an average of no calls", () => {
    expect(kpiChange(5, null, "count")).toBeNull();
    expect(kpiChange(146, 0, "average")).toBeNull();
    expect(kpiChange(null, 0.5, "ratio")).toBeNull();
  });
});
