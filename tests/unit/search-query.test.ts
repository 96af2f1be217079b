import { describe, expect, it } from "vitest";
import { looksLikePhone, phoneCandidates } from "@/lib/calls/phone-query";
import { searchWords } from "@/lib/calls/search-words";
import { segments } from "@/lib/calls/snippet-segments";

describe("search input", () => {
  it("keeps only words: tsquery operators, quotes and colons never reach Postgres", () => {
    expect(searchWords(`a & | ! "pricing" 'x' foo:* <-> (bar) \\ Кредиты naïve 3g`)).toEqual(["a", "pricing", "x", "foo", "bar", "кредиты", "naïve", "3g"]);
    expect(searchWords("& | ! :* <-> ()")).toEqual([]);
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
