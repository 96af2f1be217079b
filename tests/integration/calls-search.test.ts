import { beforeAll, describe, expect, it } from "vitest";
import { callListSchema, type CallListItem } from "@/lib/calls/schemas";
import { fixture } from "../support/fixtures";
import { TEST_ADMIN } from "../support/credentials";
import { api, sendWebhook, sql, uniq } from "../support/http";
import { asUser } from "../support/session";
import { createSource } from "../support/sources";

// Search as a manager uses it: stems in the call's language, the word being
// typed as a prefix, phone numbers however written, who said it, and a
// snippet that shows where it matched. The campaign keeps these calls apart.

const campaign = uniq("search");
const phone = `415555${String(Date.now()).slice(-4)}`;

const list = async (query: string) => {
  const res = await api(`/api/calls?campaign=${campaign}&${query}`);
  expect(res.status).toBe(200);
  return callListSchema.parse(await res.json());
};
const found = async (query: string) => (await list(query)).items.map((c) => c.externalId.replace(`${campaign}-`, "")).sort();
const q = (text: string) => `q=${encodeURIComponent(text)}`;

function hubtalk(id: string, opts: { language?: string; summary: string; agent: string; customer: string; phone: string; system?: string }) {
  const base = fixture<Record<string, unknown>>("hubtalk/full-example.json");
  const { initial_language: _i, final_language: _f, full_transcript: _t, conversation: _c, ...rest } = base;
  return {
    ...rest,
    ...(opts.language ? { initial_language: opts.language, final_language: opts.language } : {}),
    call_event_uuid: `${campaign}-${id}`,
    call_uuid: `${campaign}-${id}`,
    call_campaign_uuid: campaign,
    phone_number: opts.phone,
    summary: opts.summary,
    mapped_answers: {
      messages: [
        { role: "assistant", content: opts.agent, timestamp: "" },
        { role: "user", content: opts.customer, timestamp: "" },
        ...(opts.system ? [{ role: "tool", content: opts.system, timestamp: "" }] : []),
      ],
    },
  };
}

beforeAll(async () => {
  const calls = [
    hubtalk("en", {
      language: "EN",
      summary: "Customer asked about pricing for the premium plan",
      agent: "Our plans start at ten dollars a month",
      customer: "I worry about the contract length",
      system: "Transferring to the billing desk",
      phone: `1${phone}`,
    }),
    hubtalk("ru", {
      language: "RU",
      summary: "Клиент спросил про кредиты на автомобиль",
      agent: "Мы предлагаем выгодные условия",
      customer: "Мне нужны кредиты",
      phone: "77771234567",
    }),
    hubtalk("unknown", {
      summary: "Discussed pricing with Aigerim, кредиты \u0002forged\u0003 too",
      agent: "Thanks for your time",
      customer: "Send the offer by email",
      phone: "77779876543",
    }),
  ];
  for (const call of calls) expect((await sendWebhook("hubtalk", call)).status).toBe(202);
});

describe("GET /api/calls?q=", () => {
  it("finds word stems in English and Russian calls, and exact words in the rest", async () => {
    // "price" is no prefix of "pricing": only the English call, stemmed, matches it.
    expect(await found(q("price"))).toEqual(["en"]);
    expect(await found(q("pricing"))).toEqual(["en", "unknown"]);
    // Genitive plural: the Russian stem finds "кредиты"; the call of unknown language has only the exact word.
    expect(await found(q("кредитов"))).toEqual(["ru"]);
    expect(await found(q("кредиты"))).toEqual(["ru", "unknown"]);
    expect(await found(q("Aigerim"))).toEqual(["unknown"]);
  });

  it("matches the last word as a prefix while it is being typed", async () => {
    expect(await found(q("pri"))).toEqual(["en", "unknown"]);
    expect(await found(q("premium pl"))).toEqual(["en"]);
    expect(await found(q("кред"))).toEqual(["ru", "unknown"]);
    // Earlier words are whole words.
    expect(await found(q("pri plan"))).toEqual([]);
  });

  it("finds a customer's calls by phone number in any common format", async () => {
    const e164 = `+1${phone}`;
    const [area, mid, end] = [phone.slice(0, 3), phone.slice(3, 6), phone.slice(6)];
    for (const format of [
      e164,
      `+1 (${area}) ${mid}-${end}`,
      `${area}-${mid}-${end}`,
      phone,
      `1${phone}`,
      `(${area}) ${mid}-${end}`,
      `+1 ${area} ${mid} ${end}`,
    ]) {
      expect(await found(q(format)), format).toEqual(["en"]);
    }
    // International digits without "+", as the list of another region shows them.
    expect(await found(q("77771234567"))).toEqual(["ru"]);
    expect(await found(q("+7 777 123 45 67"))).toEqual(["ru"]);
    expect(await found(q("415-555-0000"))).toEqual([]);
  });

  it("reads a number typed without its country in each source's region, from the moment an admin sets it", async () => {
    const source = await createSource("hubtalk");
    const national = `020 7946 ${String(Date.now()).slice(-4)}`;
    const call = hubtalk("gb", { summary: "Called from London", agent: "Hello", customer: "Hi", phone: `+44${national.replace(/\D/g, "").slice(1)}` });
    expect((await sendWebhook(source.slug, call)).status).toBe(202);
    // No source reads numbers as British yet: the national number is no number anywhere.
    expect(await found(q(national))).toEqual([]);
    const changed = await asUser(TEST_ADMIN, `/api/sources/${source.slug}`, { method: "PATCH", body: JSON.stringify({ defaultRegion: "GB" }) });
    expect(changed.status).toBe(200);
    expect(await found(q(national))).toEqual(["gb"]);
  });

  it("searches only what the customer, or the agent, said", async () => {
    expect(await found(`${q("worry")}&said=customer`)).toEqual(["en"]);
    expect(await found(`${q("worry")}&said=agent`)).toEqual([]);
    // The transcript of an English call is stemmed too: "worried" finds "worry".
    expect(await found(`${q("worried")}&said=customer`)).toEqual(["en"]);
    expect(await found(`${q("dollars")}&said=agent`)).toEqual(["en"]);
    expect(await found(`${q("dollars")}&said=customer`)).toEqual([]);
    expect(await found(`${q("кредит")}&said=customer`)).toEqual(["ru"]);
    // The summary is nobody's words.
    expect(await found(`${q("premium")}&said=customer`)).toEqual([]);
    expect(await found(q("premium"))).toEqual(["en"]);
  });

  it("finds anyone's words, those of turns that are neither the customer's nor the agent's too, when no speaker is chosen", async () => {
    expect(await found(q("transferring billing"))).toEqual(["en"]);
    expect(await found(q("worry"))).toEqual(["en"]);
    expect(await found(q("dollars"))).toEqual(["en"]);
    expect(await found(`${q("transferring")}&said=customer`)).toEqual([]);
    expect(await found(`${q("transferring")}&said=agent`)).toEqual([]);
    // Each word in anyone's turns: the customer said one, the agent or the system the other.
    expect(await found(q("worry dollars"))).toEqual(["en"]);
    expect(await found(q("worry transferring"))).toEqual(["en"]);
    expect(await found(`${q("worry dollars")}&said=customer`)).toEqual([]);
    expect(await found(q("worry кредиты"))).toEqual([]);
  });

  it("finds the words of a transcript written in SQL by hand, and stems them again when its language changes", async () => {
    const [{ id }] = (await list(q("Aigerim"))).items;
    await sql(`UPDATE transcripts SET turns = '[{"role":"customer","text":"Ponies galloped by"}]' WHERE call_id = $1`, [id]);
    expect(await found(`${q("ponies")}&said=customer`)).toEqual(["unknown"]);
    expect(await found(q("ponies"))).toEqual(["unknown"]);
    expect(await found(q("worry"))).toEqual(["en"]);
    // "pony" is no prefix of "ponies": only its English stem finds it.
    expect(await found(q("pony"))).toEqual([]);
    await sql(`UPDATE transcripts SET language = 'en' WHERE call_id = $1`, [id]);
    expect(await found(q("pony"))).toEqual(["unknown"]);
    // Inserted without vectors on a connection set up as the app's: it gets them all the same.
    await sql(`BEGIN; SET LOCAL call_analytics.search_vectors = 'sent';
      DELETE FROM transcripts WHERE call_id = '${id}';
      INSERT INTO transcripts (call_id, turns, updated_at) VALUES ('${id}', '[{"role":"agent","text":"Llamas grazing"}]', now());
      COMMIT;`);
    expect(await found(`${q("llamas")}&said=agent`)).toEqual(["unknown"]);
  });

  it("finds the words of an email address, a decimal number or a fraction as they are typed, through a new version of the same words", async () => {
    const version = (timestamp: string) => ({
      ...hubtalk("typed", { summary: "Follow-up", agent: "Noted", customer: "Write to john@acme.com about the 3.5% rate, ½ off", phone: "77770000003" }),
      // The same words, now with the vendor's turn times: a new version of the transcript.
      mapped_answers: { messages: [{ role: "user", content: "Write to john@acme.com about the 3.5% rate, ½ off", timestamp }] },
    });
    for (const timestamp of ["", "2026-11-20T10:00:05Z"]) {
      expect((await sendWebhook("hubtalk", version(timestamp))).status).toBe(202);
      for (const typed of ["john@acme.com", "acme", "3.5", "½"]) expect(await found(`${q(typed)}&said=customer`), typed).toEqual(["typed"]);
    }
    // The last word is a prefix in anyone's turns too.
    expect(await found(q("worry dol"))).toEqual(["en"]);
  });

  it("finds the words of a call's newest transcript, not those of the version it replaced", async () => {
    const version = (customer: string) => hubtalk("newer", { language: "EN", summary: "Follow-up", agent: "Hello again", customer, phone: "77770000002" });
    expect((await sendWebhook("hubtalk", version("The walrus tariff"))).status).toBe(202);
    expect(await found(`${q("walrus")}&said=customer`)).toEqual(["newer"]);
    expect((await sendWebhook("hubtalk", version("The narwhal tariffs we studied"))).status).toBe(202);
    expect(await found(q("walrus"))).toEqual([]);
    expect(await found(`${q("narwhal")}&said=customer`)).toEqual(["newer"]);
    // Stemmed as before: "study" (no prefix of "studied") finds it in an English call.
    expect(await found(`${q("study")}&said=customer`)).toEqual(["newer"]);
  });

  it("saves and finds a call whose transcript is more words than a search index holds (its first five hours or so)", async () => {
    // 600,000 characters of different Russian words, 1.2 MB: its whole text would not fit in a tsvector's 1 MB.
    const letters = "абвгдежзийклмноп";
    const words = Array.from({ length: 60_000 }, (_, n) => [...n.toString(16).padStart(9, "0")].map((d) => letters[parseInt(d, 16)]).join(""));
    const call = hubtalk("long", {
      language: "RU",
      summary: "Длинный звонок",
      agent: "Слушаю",
      customer: `дирижабль ${words.join(" ")}`,
      phone: "77770000001",
    });
    const res = await sendWebhook("hubtalk", call);
    expect(res.status, await res.clone().text()).toBe(202);
    expect(await found(`${q("дирижабль")}&said=customer`)).toEqual(["long"]);
    expect(await found(q("дирижабль"))).toEqual(["long"]);
  });

  it("marks the matched words in a plain-text snippet and says where they were found", async () => {
    const hits = (item: CallListItem) => (item.snippet ?? []).filter((s) => s.hit).map((s) => s.text);
    const [en] = (await list(q("price"))).items;
    expect(en.snippetFrom).toBe("summary");
    expect(hits(en)).toEqual(["pricing"]);
    expect(en.snippet?.map((s) => s.text).join("")).toContain("pricing for the premium");

    const [agent] = (await list(`${q("dollars")}&said=agent`)).items;
    expect(agent.snippetFrom).toBe("transcript");
    expect(hits(agent)).toEqual(["dollars"]);

    // Marks the vendor wrote into its text are dropped, not taken for matches.
    const [unknown] = (await list(q("Aigerim"))).items;
    expect(hits(unknown)).toEqual(["Aigerim"]);
    expect(unknown.snippet?.map((s) => s.text).join("")).toContain("кредиты forged");

    // No search, no snippet; a phone number has no words to show.
    expect((await list("")).items[0].snippet).toBeUndefined();
    const [byPhone] = (await list(q(`+1${phone}`))).items;
    expect(byPhone.snippet).toBeNull();
  });

  it("takes any text without an error: tsquery syntax in a search is just punctuation", async () => {
    for (const hostile of ["a & | !", '"unbalanced', "price:", "pri:*", "'", "\\", "((", "<->", "a <2> b", "!pricing", "pricing & !", "' OR 1=1 --", "%_"]) {
      const res = await api(`/api/calls?campaign=${campaign}&${q(hostile)}`);
      expect(res.status, hostile).toBe(200);
    }
    expect(await found(q("!pricing"))).toEqual(["en", "unknown"]);
    expect(await found(q("pricing & !"))).toEqual(["en", "unknown"]);
    // Nothing searchable typed: nothing matches, and the total says so.
    const none = await list(q("& | !"));
    expect(none.items).toEqual([]);
    expect(none.total).toEqual({ count: 0, exact: true });
  });
});
