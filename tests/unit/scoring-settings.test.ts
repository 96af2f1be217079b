import { describe, expect, it } from "vitest";
import { rescoreWith, type LeadSignal } from "@/lib/scoring/lead-score";
import { outcomeMap, resolveOutcome, scoringSchema } from "@/lib/scoring/outcome-map";

// The admin's outcome mapping and what a changed outcome does to a saved score.

describe("outcome mapping", () => {
  const map = outcomeMap({
    hotThreshold: 70,
    outcomeMap: [
      { raw: "Site Visit Booked", outcome: "meeting_scheduled" },
      { raw: "follow_up_later", outcome: "not_interested" },
    ],
  });

  it("maps the vendor's word however it is cased or separated", () => {
    expect(resolveOutcome("completed", "site visit booked", map)).toBe("meeting_scheduled");
    expect(resolveOutcome("completed", "Follow-Up  Later", map)).toBe("not_interested");
  });

  it("falls back to the built-in reading, and a call that never connected stays what it was", () => {
    expect(resolveOutcome("completed", "Demo booked", map)).toBe("meeting_scheduled");
    expect(resolveOutcome("completed", "Callback requested", new Map())).toBe("callback_requested");
    expect(resolveOutcome("no_answer", "site visit booked", map)).toBe("no_answer");
    expect(resolveOutcome("completed", null, map)).toBeNull();
  });

  it("refuses a vendor word mapped twice", () => {
    const twice = scoringSchema.safeParse({
      hotThreshold: 70,
      outcomeMap: [
        { raw: "Booked", outcome: "interested" },
        { raw: "booked ", outcome: "other" },
      ],
    });
    expect(twice.success).toBe(false);
  });
});

describe("re-scoring a saved call", () => {
  const signals: LeadSignal[] = [
    { signal: "base", value: "every call", points: 20 },
    { signal: "interest", value: "high", points: 25 },
    { signal: "outcome", value: "other", points: 0 },
  ];

  it("replaces only the outcome's and sentiment's points", () => {
    expect(rescoreWith(signals, { outcome: "meeting_scheduled", sentiment: null })).toEqual({
      score: 80,
      signals: [
        signals[0],
        { ...signals[1], evidence: { field: "interest_level" } },
        { signal: "outcome", value: "meeting_scheduled", points: 35, evidence: { field: "outcome" } },
      ],
    });
    expect(rescoreWith(signals, { outcome: "not_interested", sentiment: null }).score).toBe(5);
    expect(rescoreWith(signals, { outcome: null, sentiment: null }).signals.map((s) => s.signal)).toEqual(["base", "interest"]);
    expect(rescoreWith(signals, { outcome: null, sentiment: null }).score).toBe(45);
    const negative = rescoreWith([...signals, { signal: "sentiment", value: "positive", points: 10 }], { outcome: "interested", sentiment: "negative" });
    expect(negative.score).toBe(20 + 25 + 25 - 10);
    expect(negative.signals.filter((s) => s.signal === "sentiment")).toEqual([
      { signal: "sentiment", value: "negative", points: -10, evidence: { field: "sentiment" } },
    ]);
  });
});
