import { describe, expect, it } from "vitest";
import { mergeDeltas, rollupDeltas, type RollupFacts } from "@/lib/rollups/deltas";
import { withEvidence } from "@/lib/scoring/evidence";
import { leadScore, rescoreWith, type LeadSignal } from "@/lib/scoring/lead-score";
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

describe("lead score evidence", () => {
  it("says which vendor field each signal was read from", () => {
    const { signals } = leadScore(call({ outcome: "interested", interestLevel: "high", score: 90, labels: ["hot"], objectiveAchieved: true }));
    expect(Object.fromEntries(signals.map((s) => [s.signal, s.evidence]))).toEqual({
      base: undefined,
      interest: { field: "interest_level" },
      outcome: { field: "outcome" },
      vendor_score: { field: "score" },
      labels: { field: "labels" },
      objective: { field: "objective_achieved" },
    });
  });

  it("gives signals stored before evidence was kept their field, and keeps a tracker's quote through a re-score", () => {
    const quote = { turn: 3, atMs: 41_500, text: "How much is it for ten seats?" };
    const stored: LeadSignal[] = [
      { signal: "base", value: "every call", points: 20 },
      { signal: "interest", value: "high", points: 25 },
      { signal: "tracker", value: "Pricing", points: 10, trackerId: "0190f0d0-0000-7000-8000-000000000001", evidence: quote },
    ];
    expect(withEvidence(stored).map((s) => s.evidence)).toEqual([undefined, { field: "interest_level" }, quote]);
    const { score, signals } = rescoreWith(stored, { outcome: "meeting_scheduled", sentiment: null });
    expect(score).toBe(20 + 25 + 10 + 35);
    expect(signals.find((s) => s.signal === "tracker")?.evidence).toEqual(quote);
    expect(signals.find((s) => s.signal === "outcome")?.evidence).toEqual({ field: "outcome" });
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
    trackerIds: [],
  };

  it("moves a call from its old rows to its new ones, in every rollup", () => {
    const deltas = rollupDeltas(facts, { ...facts, status: "completed", durationSec: 60, isHot: true });
    const outcomes = deltas.filter((d) => d.table === "daily_outcome_stats");
    expect(outcomes.find((d) => d.key[1] === "in_progress")?.measures).toEqual({ calls: -1, talk_sec: 0, hot_calls: 0 });
    expect(outcomes.find((d) => d.key[1] === "completed")?.measures).toEqual({ calls: 1, talk_sec: 60, hot_calls: 1 });
    // Same day, vendor and campaign: the call stays counted once, its talk time and heat change.
    expect(deltas.filter((d) => d.table === "daily_source_stats")).toEqual([
      { table: "daily_source_stats", key: ["2026-02-02T10:00:00.000Z", "hubtalk", ""], measures: { calls: 0, talk_sec: 60, hot_calls: 1 } },
    ]);
  });

  it("counts a call once per Compare dimension, with its cost in exact ten-thousandths", () => {
    const at = "2026-02-02T10:00:00.000Z";
    const priced = { ...facts, agentName: "Ava", campaign: "Spring", costAmount: 0.1, costCurrency: "EUR", agentTalkMs: 30_000, customerTalkMs: 10_000 };
    const deltas = rollupDeltas(null, { ...priced, status: "completed", durationSec: 60, outcome: "meeting_scheduled", sentiment: "positive" });
    const compare = deltas.filter((d) => d.table === "daily_compare_stats");
    expect(compare.map((d) => d.key)).toEqual([
      [at, "agent", "Ava", "EUR"],
      [at, "campaign", "Spring", "EUR"],
      [at, "provider", "hubtalk", "EUR"],
      [at, "source", facts.sourceId, "EUR"],
    ]);
    expect(compare[0].measures).toEqual({
      calls: 1,
      connected: 1,
      talk_sec: 60,
      timed_calls: 1,
      agent_talk_ms: 30_000,
      customer_talk_ms: 10_000,
      meetings: 1,
      hot_calls: 0,
      score_sum: 20,
      positive: 1,
      negative: 0,
      rated: 1,
      costed_calls: 1,
      cost: 1000,
      reviewed: 0,
      outcome_kept: 0,
    });
    // An alias renames the agent: the call leaves one agent row for another, the other dimensions stay.
    const renamed = rollupDeltas(priced, { ...priced, agentName: "Ava B." }).filter((d) => d.table === "daily_compare_stats");
    expect(renamed.map((d) => [d.key[2], d.measures.calls])).toEqual([
      ["Ava", -1],
      ["Ava B.", 1],
    ]);
    // 0.1 + 0.2 - 0.3 as floats is not 0; in ten-thousandths it is.
    const costs = [0.1, 0.2].map((costAmount) => rollupDeltas(null, { ...priced, costAmount })).flat();
    const removed = rollupDeltas({ ...priced, costAmount: 0.3 }, { ...priced, costAmount: 0.3, isTest: true });
    const sum = mergeDeltas([...costs, ...removed]).filter((d) => d.table === "daily_compare_stats");
    expect(sum.map((d) => d.measures.cost)).toEqual([0, 0, 0, 0]);
  });

  it("puts calls without a cost under no currency", () => {
    const deltas = rollupDeltas(null, { ...facts, costCurrency: "USD" }).filter((d) => d.table === "daily_compare_stats");
    expect(deltas.every((d) => d.key[3] === "" && d.measures.cost === 0 && d.measures.costed_calls === 0)).toBe(true);
  });

  it("changes nothing when the rows and the figures stay the same", () => {
    expect(rollupDeltas(facts, { ...facts })).toEqual([]);
  });

  it("keeps test calls out of every rollup", () => {
    expect(rollupDeltas(null, { ...facts, isTest: true })).toEqual([]);
    expect(rollupDeltas({ ...facts, isTest: true }, { ...facts, status: "completed", isTest: true })).toEqual([]);
  });
});
