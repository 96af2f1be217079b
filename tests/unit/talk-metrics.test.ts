import { describe, expect, it } from "vitest";
import { callMetrics } from "@/lib/calls/metrics/compute";
import { countQuestions, countWords } from "@/lib/calls/metrics/text";
import { talkMetricsView } from "@/lib/calls/metrics/view";
import { talkTime } from "@/lib/calls/talk-time";
import type { Turn } from "@/lib/providers/canonical";

// Talk metrics on hand-made transcripts whose times are known, so every
// figure can be worked out by hand (see the comments).

const agent = (text: string, atMs?: number, endMs?: number): Turn => ({
  role: "agent",
  text,
  ...(atMs !== undefined ? { atMs } : {}),
  ...(endMs !== undefined ? { endMs } : {}),
});
const customer = (text: string, atMs?: number, endMs?: number): Turn => ({
  role: "customer",
  text,
  ...(atMs !== undefined ? { atMs } : {}),
  ...(endMs !== undefined ? { endMs } : {}),
});

describe("talk metrics with the vendor's start and end times", () => {
  // A 60 s call. Silences: 0-2, 8-9, 11-12, 41-42, 45-50, 52-60 = 18 s. The customer
  // starts at 38 s while the agent talks until 40 s: one interruption.
  const turns = [
    agent("Hello, this is Anna from Acme. Do you have a minute?", 2_000, 8_000),
    customer("Yes, go ahead.", 9_000, 11_000),
    agent("Great. We help teams sell. Our plan costs less. Would you like a demo? When works for you?", 12_000, 40_000),
    customer("Wait, how much", 38_000, 41_000),
    agent("Fifty dollars.", 42_000, 45_000),
    customer("Ok, thanks, bye.", 50_000, 52_000),
  ];

  it("adds talk by side, finds the longest monologue, the interruption, the silence, the questions and the pace", () => {
    expect(callMetrics(turns, 60)).toEqual({
      agentTalkMs: 6_000 + 28_000 + 3_000,
      customerTalkMs: 2_000 + 3_000 + 2_000,
      longestMonologueMs: 28_000,
      longestCustomerMs: 3_000,
      interruptions: 1,
      silenceMs: 18_000,
      agentQuestions: 3,
      words: 11 + 3 + 18 + 3 + 2 + 3,
      wordsPerMinute: Math.round((40 * 60) / 44),
      timing: "vendor",
    });
  });

  it("talks the same seconds as the Compare page's talk time", () => {
    const m = callMetrics(turns, 60)!;
    expect(talkTime(turns, 60)).toEqual({ agentMs: m.agentTalkMs, customerMs: m.customerTalkMs });
  });

  it("shows seconds to one decimal and the agent's share of talk to two", () => {
    expect(talkMetricsView(callMetrics(turns, 60)!)).toEqual({
      agentTalkSec: 37,
      customerTalkSec: 7,
      talkRatio: 0.84,
      longestMonologueSec: 28,
      longestCustomerSec: 3,
      interruptions: 1,
      silenceSec: 18,
      agentQuestions: 3,
      wordsPerMinute: 55,
      timing: "vendor",
    });
    const odd = callMetrics([agent("a", 0, 1_234), customer("b", 1_234, 3_000)], 3)!;
    expect(talkMetricsView(odd)).toMatchObject({ agentTalkSec: 1.2, customerTalkSec: 1.8, talkRatio: 0.41 });
  });

  it("takes one side's consecutive turns as one stretch, pauses and system lines included", () => {
    const m = callMetrics(
      [
        agent("Hi", 0, 2_000),
        customer("So, about that.", 3_000, 10_000),
        { role: "system", text: "[hold music]", atMs: 10_000, endMs: 12_000 },
        customer("And another thing I wanted to say.", 13_000, 30_000),
        agent("I see.", 31_000, 32_000),
      ],
      40,
    )!;
    expect(m.longestCustomerMs).toBe(27_000);
    expect(m.longestMonologueMs).toBe(2_000);
    expect(m.interruptions).toBe(0);
    // System lines are nobody's talk: 40 s minus 2 + 7 + 17 + 1.
    expect(m.silenceMs).toBe(13_000);
  });
});

describe("talk metrics without the call's length", () => {
  it("take the vendor's end of the last turn as the call's end (Cllr sends no length)", () => {
    const turns = [agent("Hello there", 0, 1_000), customer("Hi", 1_500, 2_000)];
    expect(callMetrics(turns, null)).toMatchObject({ timing: "vendor", agentTalkMs: 1_000, customerTalkMs: 500, silenceMs: 500, interruptions: 0 });
    expect(talkTime(turns, null)).toEqual({ agentMs: 1_000, customerMs: 500 });
  });
});

describe("talk metrics with start times only", () => {
  const turns = [
    agent("Здравствуйте! Вы заинтересованы в нашем предложении?", 1_500),
    customer("Да. Сколько стоит؟", 8_000),
    agent("Когда вам удобно? Завтра? Сәлеметсіз бе, қалайсыз?", 12_000),
    customer("Завтра в десять.", 20_000),
  ];

  it("counts Russian and Kazakh questions and words; a turn lasts until the next starts, so no interruptions can be seen", () => {
    const m = callMetrics(turns, 30)!;
    expect(m).toMatchObject({
      timing: "vendor",
      agentTalkMs: 6_500 + 8_000,
      customerTalkMs: 4_000 + 10_000,
      longestMonologueMs: 8_000,
      longestCustomerMs: 10_000,
      interruptions: null,
      // Only the lead-in before the first word: the last turn lasts until the call ends.
      silenceMs: 1_500,
      agentQuestions: 4,
      words: 6 + 3 + 7 + 3,
    });
  });
});

describe("talk metrics without vendor times", () => {
  it("spreads the turns over the call by text length and says the timing is estimated, with no silence or interruptions", () => {
    const m = callMetrics([agent("a".repeat(30) + "?"), customer("b".repeat(9))], 40)!;
    expect(m).toMatchObject({ timing: "estimated", interruptions: null, silenceMs: null, agentQuestions: 1 });
    expect(m.agentTalkMs).toBe(31_000);
    expect(m.customerTalkMs).toBe(9_000);
    expect(talkMetricsView(m).talkRatio).toBe(0.78);
  });

  it("is estimated when one turn lacks a time or the call has no length, and guesses the length from the text", () => {
    expect(callMetrics([agent("Hello", 0), customer("Hi")], 10)!.timing).toBe("estimated");
    const m = callMetrics([agent("Hello there", 0), customer("Hi", 1_000)], null)!;
    expect(m.timing).toBe("estimated");
    expect(m.agentTalkMs + m.customerTalkMs).toBeGreaterThan(0);
  });

  it("has no metrics without the agent's or the customer's words", () => {
    expect(callMetrics([], 10)).toBeNull();
    expect(callMetrics([{ role: "system", text: "[no answer]", atMs: 0 }], 10)).toBeNull();
  });
});

describe("questions and words", () => {
  it("counts sentences ending in a question mark of any script, not turns", () => {
    expect(countQuestions("Do you? Really?! What?? Fine.")).toBe(3);
    expect(countQuestions("Қашан келесіз? Бұл дұрыс па؟")).toBe(2);
    expect(countQuestions("本当に？")).toBe(1);
    expect(countQuestions("See example.com/?a=1 for details")).toBe(0);
    expect(countQuestions('He asked "why?" and left')).toBe(1);
  });

  it("splits words in any script, hyphens and apostrophes inside a word", () => {
    expect(countWords("Don't re-check it, ok?")).toBe(4);
    expect(countWords("Сәлеметсіз бе, 5000 теңге — қымбат")).toBe(5);
    expect(countWords("  … — !")).toBe(0);
  });
});
