// A call's language as vendors name it ("English", "RU", "en-US", "русский")
// -> ISO 639-1. Search stems the words of calls whose language Postgres can
// stem (English, Russian); other codes are kept but searched by exact words.

const NAMES: Record<string, string> = {
  english: "en",
  russian: "ru",
  русский: "ru",
  английский: "en",
  kazakh: "kk",
  қазақ: "kk",
  казахский: "kk",
};

export function toLanguage(value: string | null | undefined): string | undefined {
  const v = value?.trim().toLowerCase();
  if (!v) return undefined;
  const code = /^([a-z]{2})(?:[-_][a-z0-9]+)?$/.exec(v)?.[1];
  if (code) return code === "kz" ? "kk" : code; // HubTalk writes Kazakh as KZ, the country code.
  return NAMES[v];
}
