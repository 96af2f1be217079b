import { describe, expect, it } from "vitest";
import { groupAttempts, shorten } from "@/lib/contacts/group";
import type { TimelineCall } from "@/lib/contacts/schemas";

const call = (id: string, provider: TimelineCall["provider"], groupKey: string | null, attempt: number | null = null): TimelineCall => ({
  id,
  provider,
  groupKey,
  attempt,
  direction: null,
  status: "completed",
  startedAt: "2026-11-01T10:00:00.000Z",
  durationSec: 60,
  sentiment: null,
  outcome: null,
  leadScore: 10,
  isHot: false,
  nextAction: null,
  callbackAt: null,
  summary: null,
  followUpNote: null,
  reviewNote: null,
});

describe("timeline entries", () => {
  it("groups a lead's dial attempts that follow one another, and keeps time order", () => {
    const calls = [
      call("a", "unpod", null),
      call("b3", "hubtalk", "g", 3),
      call("b2", "hubtalk", "g", 2),
      call("c", "cllr", null),
      call("b1", "hubtalk", "g", 1),
    ];
    expect(groupAttempts(calls).map((e) => e.calls.map((c) => c.id))).toEqual([["a"], ["b3", "b2"], ["c"], ["b1"]]);
  });

  it("does not group the same key from another vendor", () => {
    const calls = [call("x", "hubtalk", "k", 2), call("y", "autocalls", "k", 1)];
    expect(groupAttempts(calls)).toHaveLength(2);
  });

  it("shortens a long summary at a word, and leaves a short one alone", () => {
    expect(shorten("short", 10)).toBe("short");
    expect(shorten(null, 10)).toBeNull();
    expect(shorten("one two three four five", 15)).toBe("one two three…");
    expect(shorten("abcdefghijklmnop", 5)).toBe("abcde…");
  });
});
