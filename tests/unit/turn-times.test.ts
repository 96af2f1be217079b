import { describe, expect, it } from "vitest";
import { timeTurns } from "@/lib/calls/turn-times";

describe("transcript times", () => {
  it("keeps the vendor's times and spreads untimed lines by text length over the call", () => {
    expect(timeTurns([{ role: "agent", text: "aaaa", atMs: 1500 }], 10).map((t) => [t.startMs, t.exact])).toEqual([[1500, true]]);
    const spread = timeTurns(
      [
        { role: "agent", text: "x".repeat(10) },
        { role: "customer", text: "y".repeat(30) },
        { role: "agent", text: "z".repeat(60) },
      ],
      100,
    );
    expect(spread.map((t) => t.startMs)).toEqual([0, 10_000, 40_000]);
    expect(spread.every((t) => !t.exact)).toBe(true);
  });
});
