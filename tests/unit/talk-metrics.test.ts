import { describe, expect, it } from "vitest";
import { randomTexts } from "../support/random-text";
import { callMetrics, safeCallMetrics } from "@/lib/calls/metrics/compute";
import { countQuestions, countWords } from "@/lib/calls/metrics/text";
import { talkMetricsView } from "@/lib/calls/metrics/view";
import { INT_MAX, MAX_CALL_MS, talkTime } from "@/lib/calls/talk-time";
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

  it("counts Russian and Kazakh questions and words; a turn lasts until the next starts, so neither interruptions nor silence can be seen", () => {
    const m = callMetrics(turns, 30)!;
    expect(m).toMatchObject({
      timing: "vendor",
      agentTalkMs: 6_500 + 8_000,
      customerTalkMs: 4_000 + 10_000,
      longestMonologueMs: 8_000,
      longestCustomerMs: 10_000,
      interruptions: null,
      // It would be the lead-in before the first word alone: each turn lasts until the next starts.
      silenceMs: null,
      agentQuestions: 4,
      words: 6 + 3 + 7 + 3,
    });
  });
});

describe("talk metrics with the vendor's end times on some turns only", () => {
  it("counts neither interruptions nor silence: a count over some turns would mislead", () => {
    const m = callMetrics([agent("Hello there", 0, 5_000), customer("Hi", 4_000, 6_000), agent("So", 7_000)], 20)!;
    expect(m).toMatchObject({ timing: "vendor", interruptions: null, silenceMs: null });
  });

  it("ignores system lines without an end", () => {
    const m = callMetrics([agent("Hello there", 0, 5_000), { role: "system", text: "[beep]", atMs: 5_000 }, customer("Hi", 4_000, 6_000)], 10)!;
    expect(m).toMatchObject({ interruptions: 1, silenceMs: 4_000 });
  });
});

describe("talk metrics of absurd vendor data", () => {
  const inIntRange = (m: NonNullable<ReturnType<typeof callMetrics>>) =>
    Object.values(m)
      .filter((v): v is number => typeof v === "number")
      .every((v) => Number.isInteger(v) && v >= 0 && v <= INT_MAX);

  it("reads at most 24 hours of a call whose length came in ms as seconds, so every figure fits an INT column", () => {
    // An hour in ms sent as seconds: 3.6e9 ms, past the INT columns.
    const untimed = callMetrics([agent("Hello, do you have a minute?"), customer("Sure.")], 3_600_000)!;
    expect(untimed.timing).toBe("estimated");
    expect(untimed.agentTalkMs + untimed.customerTalkMs).toBe(MAX_CALL_MS);
    expect(inIntRange(untimed)).toBe(true);

    const timed = callMetrics([agent("Hello", 0, 1_000), customer("Hi", 1_000, 2_000)], 3_600_000)!;
    expect(timed.silenceMs).toBe(MAX_CALL_MS - 2_000);
    expect(talkTime([agent("Hello", 0), customer("Hi", 1_000)], 3_600_000)).toEqual({ agentMs: 1_000, customerMs: MAX_CALL_MS - 1_000 });
  });

  it("holds talk within the INT range when overlapping turns add up past it", () => {
    const turns = Array.from({ length: 40 }, (_, i) => agent(`turn ${i}`, 0, MAX_CALL_MS));
    const m = callMetrics(turns, null)!;
    expect(m.agentTalkMs).toBe(INT_MAX);
    expect(inIntRange(m)).toBe(true);
    expect(talkTime(turns, null)).toEqual({ agentMs: INT_MAX, customerMs: 0 });
  });

  it("reads a transcript of 200,000 turns without overflowing the stack", () => {
    // A turn every 300 ms for 200 ms: 60,000 s in all, within the 24 hours read.
    const many = Array.from({ length: 200_000 }, (_, i) => (i % 2 ? customer("ok", i * 300, i * 300 + 200) : agent("yes", i * 300, i * 300 + 200)));
    expect(callMetrics(many, null)).toMatchObject({ timing: "vendor", agentTalkMs: 100_000 * 200, interruptions: 0 });
    expect(talkTime(many, null)).toMatchObject({ agentMs: 100_000 * 200 });
    const untimed = many.map(({ role, text }) => ({ role, text }));
    expect(callMetrics(untimed, null)).toMatchObject({ timing: "estimated" });
  });

  it("gives no metrics, never an error, when a transcript cannot be read", () => {
    expect(safeCallMetrics([{ role: "agent", text: undefined as unknown as string }], 10)).toBeNull();
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

  it("counts ASCII text (read char by char) and asks it questions exactly as the Unicode patterns do", () => {
    const words = (text: string) => text.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu)?.length ?? 0;
    const questions = (text: string) => text.match(/[?？؟፧‽⁇⁈⁉][?!？؟፧‽⁇⁈⁉！]*(?=[\s"'»”’)\]]|$)/gu)?.length ?? 0;
    // Letters and digits at the ends of their ranges, the joiners, and the characters just outside them.
    for (const text of randomTexts("aAzZ09 '-/:@[`{\x7f.,!?\n\t", 11)) {
      expect(countWords(text), JSON.stringify(text)).toBe(words(text));
      expect(countQuestions(text), JSON.stringify(text)).toBe(questions(text));
    }
    for (const text of ["-x- 'y' z--", "don’t stop", "rock-'n'-roll", "a1-b2'c3", "é-clair"]) expect(countWords(text)).toBe(words(text));
  });
});
