import { describe, expect, it } from "vitest";
import { cappedTotal, COUNT_CAP, totalText } from "@/lib/lists/total";

// What the lists (calls, inbox, audit) say about how many match.
describe("list totals", () => {
  it("are exact up to the cap, and say so past it", () => {
    expect(totalText(cappedTotal(0), "event", "events")).toBe("0 events");
    expect(totalText(cappedTotal(1), "event", "events")).toBe("1 event");
    expect(totalText(cappedTotal(1234), "entry", "entries")).toBe("1,234 entries");
    expect(totalText(cappedTotal(COUNT_CAP), "event", "events")).toBe("10,000 events");
    expect(cappedTotal(COUNT_CAP + 1)).toEqual({ count: COUNT_CAP, exact: false });
    expect(totalText(cappedTotal(COUNT_CAP + 1), "event", "events")).toBe("10,000+ events");
    // The calls list's estimate far above the cap says only what is known.
    expect(totalText({ count: 48_211, exact: false }, "call", "calls")).toBe("10,000+ calls");
    expect(totalText({ count: 1, exact: true }, "call", "calls")).toBe("1 call");
  });
});
