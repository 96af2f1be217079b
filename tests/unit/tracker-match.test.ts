import { describe, expect, it } from "vitest";
import { randomTexts } from "../support/random-text";
import type { Turn } from "@/lib/providers/canonical";
import { trackerMatch } from "@/lib/trackers/apply";
import { HIT_TEXT_CHARS, MAX_HITS_KEPT } from "@/lib/trackers/limits";
import { matchTrackers, type MatchableTracker } from "@/lib/trackers/match";
import { normalizeWord, wordsOf } from "@/lib/trackers/normalize";
import { rescoreWith, withTrackerSignals } from "@/lib/scoring/lead-score";

const tracker = (phrases: (string | [string, "stem"])[], extra: Partial<MatchableTracker> = {}): MatchableTracker => ({
  id: "00000000-0000-7000-8000-000000000001",
  name: "t",
  speaker: "any",
  points: null,
  phrases: phrases.map((p) => (typeof p === "string" ? { text: p, stem: false } : { text: p[0], stem: true })),
  ...extra,
});

const customer = (text: string): Turn => ({ role: "customer", text });
const agent = (text: string): Turn => ({ role: "agent", text });

/** The turns of `turns` a tracker with `phrases` hits. */
const hitTurns = (turns: Turn[], phrases: (string | [string, "stem"])[], extra: Partial<MatchableTracker> = {}) =>
  matchTrackers(turns, 60, [tracker(phrases, extra)])[0]?.hits.map((h) => h.turn) ?? [];

const hits = (text: string, phrases: (string | [string, "stem"])[]) => hitTurns([customer(text)], phrases).length > 0;

describe("tracker matching", () => {
  it("matches whole words case-insensitively, never inside a longer word unless the phrase is a stem", () => {
    expect(hits("What's the PRICE?", ["price"])).toBe(true);
    expect(hits("That is priceless", ["price"])).toBe(false);
    expect(hits("Your prices went up", ["price"])).toBe(false);
    expect(hits("Your prices went up", [["price", "stem"]])).toBe(true);
    expect(hits("What about pricing", [["pricing", "stem"]])).toBe(true);
    expect(hits("It was priced fairly", [["price", "stem"]])).toBe(true);
    // A stem is a prefix of a word's start, never of its middle.
    expect(hits("an overpriced plan", [["price", "stem"]])).toBe(false);
    expect(hits("spring", ["ring"])).toBe(false);
  });

  it("matches multi-word phrases across any punctuation and space, hyphens and apostrophes inside words dropped", () => {
    expect(hits("Please send me, an email.", ["send me an email"])).toBe(true);
    expect(hits("send   me\nan   e-mail", ["send me an email"])).toBe(true);
    expect(hits("send me an email", ["send me an e-mail"])).toBe(true);
    expect(hits("I don’t think so", ["dont think"])).toBe(true);
    expect(hits("send an email to me", ["send me an email"])).toBe(false);
    // Only the last word of a stem phrase is a prefix.
    expect(hits("how much is it", [["how much", "stem"]])).toBe(true);
    expect(hits("however much", [["how much", "stem"]])).toBe(false);
  });

  it("reads Russian and Kazakh words as written, stems included", () => {
    expect(hits("Какая цена?", [["цен", "stem"]])).toBe(true);
    expect(hits("Цены выросли", [["цен", "stem"]])).toBe(true);
    expect(hits("Какая цена?", ["цен"])).toBe(false);
    expect(hits("Пожалуйста, НЕ ЗВОНИТЕ мне больше", ["не звоните"])).toBe(true);
    expect(hits("перезвоните завтра", ["перезвоните"])).toBe(true);
    expect(hits("Бағасы қанша?", ["бағасы қанша"])).toBe(true);
    expect(hits("Маған қызық емес", ["қызық емес"])).toBe(true);
    expect(hits("Өнім туралы", ["өнім"])).toBe(true);
    // Kazakh letters are letters of their own, not Russian ones with accents.
    expect(hits("кызык емес", ["қызық емес"])).toBe(false);
    expect(hits("мой номер", ["мои"])).toBe(false);
    expect(normalizeWord("Ёлка")).toBe("елка");
    expect(normalizeWord("Һәм")).toBe("һәм");
  });

  it("drops accents on both sides", () => {
    expect(hits("Meet me at the café", ["cafe"])).toBe(true);
    expect(hits("Meet me at the cafe", ["café"])).toBe(true);
    expect(hits("Ｐｒｉｃｅ please", ["price"])).toBe(true); // full-width letters (NFKD)
    expect(hits("naïve question", ["naive"])).toBe(true);
  });

  it("reads plain ASCII words (its short way) as it reads any other", () => {
    for (const word of ["Don't", "E-MAIL", "Price42", "o'Neil-Smith"]) {
      const slow = word
        .normalize("NFKD")
        .replace(/['’\-‐‑]/g, "")
        .toLowerCase();
      expect(normalizeWord(word)).toBe(slow);
    }
    expect(hits("Send an E-Mail, please", ["email"])).toBe(true);
  });

  it("finds in ASCII text (read char by char) exactly the words and offsets the Unicode pattern finds", () => {
    // The documented rule, as the Unicode path applies it: letters, marks and digits, joined by hyphens or apostrophes.
    const byPattern = (text: string) =>
      [...text.matchAll(/[\p{L}\p{M}\p{N}]+(?:['’\-‐‑][\p{L}\p{M}\p{N}]+)*/gu)].map((m) => ({
        norm: normalizeWord(m[0]),
        start: m.index,
        end: m.index + m[0].length,
      }));
    // Letters and digits at the ends of their ranges, and the characters just outside them.
    for (const text of randomTexts("aAzZ09 '-/:@[`{\x7f.,!\n\t", 7)) expect(wordsOf(text), JSON.stringify(text)).toEqual(byPattern(text));
    for (const text of ["Don't -call- me's", "'quoted' e-mail--twice", "x-", "-x", "Price42 ok", "café-au-lait", "naïve and plain"])
      expect(wordsOf(text)).toEqual(byPattern(text));
  });

  it("takes regular-expression characters in phrases as plain text", () => {
    expect(hits("anything at all", [".*"])).toBe(false);
    expect(hits("anything at all", ["(.*)|"])).toBe(false);
    expect(hits("price (.*) list", ["price (.*) list"])).toBe(true);
    expect(hits("we use c++ here", ["c++"])).toBe(true);
    expect(hits("a\\b", ["a\\b"])).toBe(true);
    expect(hits("ab", ["a|b"])).toBe(false);
  });

  it("counts only the tracker's speaker's turns; system turns never", () => {
    const turns: Turn[] = [agent("Our price is 10"), customer("That price is high"), { role: "system", text: "price updated" }];
    expect(hitTurns(turns, ["price"])).toEqual([0, 1]);
    expect(hitTurns(turns, ["price"], { speaker: "agent" })).toEqual([0]);
    expect(hitTurns(turns, ["price"], { speaker: "customer" })).toEqual([1]);
  });

  it("gives each hit its turn, its start (the vendor's or estimated from text length) and a bounded quote", () => {
    const timed = matchTrackers([agent("hello"), { role: "customer", text: "the price?", atMs: 4200 }], 30, [tracker(["price"])]);
    expect(timed[0].hits).toEqual([{ turn: 1, atMs: 4200, text: "the price?" }]);
    const estimated = matchTrackers([agent("x".repeat(30)), customer(`${"y".repeat(24)} price`)], 60, [tracker(["price"])]);
    expect(estimated[0].hits[0].atMs).toBe(30_000);
    const long = `${"word ".repeat(200)}the price is right ${"more ".repeat(200)}`;
    const [hit] = matchTrackers([customer(long)], 60, [tracker(["price"])])[0].hits;
    expect(hit.text.length).toBeLessThanOrEqual(HIT_TEXT_CHARS + 2);
    expect(hit.text).toContain("the price is right");
    expect(hit.text.startsWith("…") && hit.text.endsWith("…")).toBe(true);
  });

  it("keeps the first hits and counts them all", () => {
    const turns = Array.from({ length: MAX_HITS_KEPT + 5 }, () => customer("price"));
    const [found] = matchTrackers(turns, 60, [tracker(["price"])]);
    expect(found.hitCount).toBe(MAX_HITS_KEPT + 5);
    expect(found.hits).toHaveLength(MAX_HITS_KEPT);
  });

  it("turns a tracker with points into a lead signal quoting its first hit; a rescore keeps it", () => {
    const t = tracker(["do not call"], { id: "00000000-0000-7000-8000-00000000000d", name: "do-not-call", points: -30 });
    const match = trackerMatch([agent("hi"), customer("Do not call me again"), customer("do not call!")], 10, [t, tracker(["zzz"])]);
    expect(match.trackerIds).toEqual([t.id]);
    expect(match.signals).toEqual([
      { signal: "tracker", value: "do-not-call", points: -30, trackerId: t.id, evidence: { turn: 1, atMs: expect.any(Number), text: "Do not call me again" } },
    ]);
    const { score, signals } = withTrackerSignals([{ signal: "base", value: "every call", points: 20 }, ...match.signals], match.signals);
    expect(score).toBe(0);
    expect(signals.filter((s) => s.signal === "tracker")).toHaveLength(1);
    expect(withTrackerSignals(signals, []).score).toBe(20);
    // A new outcome mapping or a reviewer's correction scores the outcome again and keeps the tracker's points.
    const rescored = rescoreWith(signals, { outcome: "interested", sentiment: null });
    expect(rescored.signals.filter((s) => s.signal === "tracker")).toEqual(match.signals);
    expect(rescored.score).toBe(20 - 30 + 25);
  });
});
