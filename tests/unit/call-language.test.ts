import { describe, expect, it } from "vitest";
import { toLanguage } from "@/lib/providers/language";
import { fixture, mapOk } from "../support/fixtures";

// Search stems a call's words only when its language is known: these are the vendors that say it.
describe("a call's language", () => {
  it("is read from the vendors that send one, and left unset by the others", () => {
    expect(mapOk("cllr", fixture("cllr/example.json")).language).toBe("en");
    expect(mapOk("hubtalk", fixture("hubtalk/full-example.json")).language).toBe("ru");
    const ru = { ...fixture<Record<string, unknown>>("hubtalk/full-example.json"), initial_language: "RU", final_language: "EN" };
    expect(mapOk("hubtalk", ru).language).toBe("en"); // the language the conversation ended in
    expect(mapOk("autocalls", fixture("autocalls/campaign-call.json")).language).toBeUndefined();
  });

  it("understands names, codes and locales, and nothing else", () => {
    expect(["English", "EN", "en-US", "en_GB", "Russian", "русский", "RU", "KZ", "kk"].map(toLanguage)).toEqual([
      "en",
      "en",
      "en",
      "en",
      "ru",
      "ru",
      "ru",
      "kk",
      "kk",
    ]);
    expect(["", "  ", "Klingon", "english; drop table", null, undefined].map(toLanguage)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
