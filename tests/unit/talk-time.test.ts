import { describe, expect, it } from "vitest";
import { talkTime } from "@/lib/calls/talk-time";

// Talk time by side, from the vendor's turn times only: what the Compare
// page's talk ratio adds up.

describe("talk time", () => {
  it("gives each turn until the next starts, the last until the call ends; system turns count for nobody", () => {
    const turns = [
      { role: "agent" as const, text: "Hello", atMs: 0 },
      { role: "customer" as const, text: "Hi", atMs: 4_000 },
      { role: "system" as const, text: "[transfer]", atMs: 10_000 },
      { role: "agent" as const, text: "Thanks", atMs: 12_000 },
    ];
    expect(talkTime(turns, 20)).toEqual({ agentMs: 4_000 + 8_000, customerMs: 6_000 });
  });

  it("clips turns the vendor timed past the call's end", () => {
    expect(
      talkTime(
        [
          { role: "agent", text: "a", atMs: 0 },
          { role: "customer", text: "b", atMs: 50_000 },
        ],
        30,
      ),
    ).toEqual({ agentMs: 30_000, customerMs: 0 });
  });

  it("is unknown without a time on every turn or without the call's length", () => {
    expect(
      talkTime(
        [
          { role: "agent", text: "a", atMs: 0 },
          { role: "customer", text: "b" },
        ],
        30,
      ),
    ).toBeNull();
    expect(talkTime([{ role: "agent", text: "a", atMs: 0 }], null)).toBeNull();
    expect(talkTime([], 30)).toBeNull();
  });
});
