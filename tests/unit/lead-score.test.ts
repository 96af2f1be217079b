import { describe, expect, it } from "vitest";
import { rollupDeltas, type RollupFacts } from "@/lib/rollups/deltas";
import { leadScore } from "@/lib/scoring/lead-score";
import { emptyCall } from "@/lib/providers/types";
import { ctx } from "../support/fixtures";

const call = (patch: Partial<ReturnType<typeof emptyCall>>) => ({ ...emptyCall("x", new Date(), ctx()), ...patch });

describe("lead score", () => {
  it("scores a booked meeting with a keen, positive customer as hot, listing every signal", () => {
    const { score, signals } = leadScore(
      call({
        outcome: "meeting_scheduled",
        interestLevel: "Very Interested",
        sentiment: "positive",
        labels: ["Decision Maker"],
        callbackAt: new Date("2026-02-01T10:00:00Z"),
      }),
    );
    expect(score).toBe(100);
    expect(signals.map((s) => s.signal)).toEqual(["base", "interest", "outcome", "sentiment", "labels", "callback"]);
  });

  it("keeps a refusal at the bottom and never below zero", () => {
    const { score } = leadScore(call({ outcome: "not_interested", interestLevel: "Not Interested", sentiment: "negative" }));
    expect(score).toBe(0);
  });

  it("counts the vendor's score and the objective", () => {
    const plain = leadScore(call({ outcome: "other" })).score;
    expect(leadScore(call({ outcome: "other", score: 100 })).score).toBe(plain + 10);
    expect(leadScore(call({ outcome: "other", objectiveAchieved: true })).score).toBe(plain + 15);
  });
});

describe("daily rollup deltas", () => {
  const facts: RollupFacts = {
    startedAt: new Date("2026-02-02T10:00:00Z"),
    provider: "hubtalk",
    campaign: null,
    status: "in_progress",
    sentiment: null,
    outcome: null,
    durationSec: null,
    isHot: false,
    isTest: false,
    sourceId: "0196f000-0000-7000-8000-000000000001",
    agentName: null,
    leadScore: 20,
    costAmount: null,
    costCurrency: null,
    agentTalkMs: null,
    customerTalkMs: null,
    reviewed: false,
    outcomeKept: false,
  };

  it("moves a call from its old rows to its new ones, in every rollup", () => {
    const deltas = rollupDeltas(facts, { ...facts, status: "completed", durationSec: 60, isHot: true });
    const outcomes = deltas.filter((d) => d.table === "daily_outcome_stats");
    expect(outcomes.find((d) => d.key[1] === "in_progress")).toMatchObject({ calls: -1, talkSec: 0, hotCalls: 0 });
    expect(outcomes.find((d) => d.key[1] === "completed")).toMatchObject({ calls: 1, talkSec: 60, hotCalls: 1 });
    // Same day, vendor and campaign: the call stays counted once, its talk time and heat change.
    expect(deltas.filter((d) => d.table === "daily_source_stats")).toEqual([
      { table: "daily_source_stats", key: ["2026-02-02T10:00:00.000Z", "hubtalk", ""], calls: 0, talkSec: 60, hotCalls: 1 },
    ]);
  });

  it("changes nothing when the rows and the figures stay the same", () => {
    expect(rollupDeltas(facts, { ...facts })).toEqual([]);
  });

  it("keeps test calls out of every rollup", () => {
    expect(rollupDeltas(null, { ...facts, isTest: true })).toEqual([]);
    expect(rollupDeltas({ ...facts, isTest: true }, { ...facts, status: "completed", isTest: true })).toEqual([]);
  });
});
