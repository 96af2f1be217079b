import { describe, expect, it } from "vitest";
import { looksLikePhone, phoneCandidates } from "@/lib/calls/phone-query";
import { MAX_SPEAKER_BYTES, searchWords, speakerWords } from "@/lib/calls/search-words";
import { segments } from "@/lib/calls/snippet-segments";

describe("search input", () => {
  it("keeps only words: tsquery operators, quotes and colons never reach Postgres", () => {
    expect(searchWords(`a & | ! "pricing" 'x' foo:* <-> (bar) \\ Кредиты naïve 3g`)).toEqual(["a", "pricing", "x", "foo", "bar", "кредиты", "naïve", "3g"]);
    expect(searchWords("& | ! :* <-> ()")).toEqual([]);
    // No vector holds a word this long: it is left out rather than make the query fail.
    expect(searchWords(`price ${"x".repeat(2048)}`)).toEqual(["price"]);
  });

  it("splits a transcript into each speaker's distinct words, as a search splits what is typed", () => {
    const turns = [
      { role: "customer", text: "What's the PRICE? The price, I mean: john@acme.com" },
      { role: "agent", text: "Цена — 3.5 тысячи" },
      { role: "system", text: "Call transferred" },
      { role: "customer", text: "price again" },
    ];
    expect(speakerWords(turns)).toEqual({
      customer: ["what", "s", "the", "price", "i", "mean", "john", "acme", "com", "again"],
      agent: ["цена", "3", "5", "тысячи"],
      other: ["call", "transferred"],
    });
    // Every word a search can type is in the vector as the search splits it.
    for (const word of searchWords("john@acme.com 3.5")) expect([...speakerWords(turns).customer, ...speakerWords(turns).agent]).toContain(word);
  });

  it("leaves out words longer than a search index holds, and stops a speaker's words at the index's size", () => {
    const long = "x".repeat(3000);
    expect(speakerWords([{ role: "agent", text: `short ${long} word` }]).agent).toEqual(["short", "word"]);
    const many = Array.from({ length: 40_000 }, (_, n) => `слово${n}`).join(" ");
    const words = speakerWords([{ role: "customer", text: many }]).customer;
    const bytes = words.reduce((sum, w) => sum + Buffer.byteLength(w) + 1, 0);
    expect(bytes).toBeLessThanOrEqual(MAX_SPEAKER_BYTES + 1);
    expect(bytes).toBeGreaterThan(MAX_SPEAKER_BYTES - 20);
    expect(words[0]).toBe("слово0");
  });

  it("reads phone numbers in their usual formats as phone numbers, and words or short numbers as words", () => {
    for (const p of ["+1 (415) 555-0134", "415-555-0134", "4155550134", "+14155550134", "+7 777 123 45 67", "415.555.0134"])
      expect(looksLikePhone(p), p).toBe(true);
    // A national number is read in each region the sources use, as their calls were.
    expect(phoneCandidates("(415) 555-0134", ["US", "KZ"])).toEqual(["+14155550134", "+74155550134"]);
    expect(phoneCandidates("+1 415 555 0134", ["US", "KZ"])).toEqual(["+14155550134"]);
    expect(phoneCandidates("77771234567", ["US"])).toEqual(["+77771234567"]);
    for (const w of ["pricing", "Q3 2026", "12345", "call 4155550134", "+1 415 555 0134 5678 9999"]) expect(looksLikePhone(w), w).toBe(false);
  });

  it("cuts a marked snippet into plain segments", () => {
    expect(segments("asked about \u0002pricing\u0003 and \u0002prices\u0003")).toEqual([
      { text: "asked about ", hit: false },
      { text: "pricing", hit: true },
      { text: " and ", hit: false },
      { text: "prices", hit: true },
    ]);
    expect(segments("<b>not html</b>")).toEqual([{ text: "<b>not html</b>", hit: false }]);
  });
});
