import { readFile } from "node:fs/promises";
import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { MAX_KEYS_PER_SOURCE } from "@/lib/calls/variables/store";
import { isVariableKey, readDay, readNumber, TRIMMED_SPACES } from "@/lib/calls/variables/values";
import { TEST_ADMIN, TEST_MANAGER } from "../support/credentials";
import { sendAutocallsCall } from "../support/destinations";
import { api, baseUrl, jsonOf, sendWebhook, sql, uniq } from "../support/http";
import { asUser } from "../support/session";
import { createSource } from "../support/sources";
import { fixture } from "../support/fixtures";

// Filtering calls by the variables vendors send (var.<key>.<op>=<value>): through the list API and the CSV
// export, with the keys each source has sent listed for the filter bar.

interface Problem {
  detail: string;
  errors: { field: string; message: string }[];
}

let source: { id: string; slug: string };
/** Keys of this run only, so that other files' calls never match. */
const tag = uniq("v");
const BUDGET = `budget ${tag}`;
const PRODUCT = `product.${tag}`;
const DEMO = `demo_date-${tag}`;

/** An Autocalls call whose custom variables are `vars` (no recording: nothing to fetch). */
const callWith = (vars: Record<string, unknown>) =>
  sendAutocallsCall(source.slug, { recording_url: null, extracted_variables: { status: true, summary: "Talked budget", ...vars } });

const ids = async (query: Record<string, string>) => {
  const res = await api(`/api/calls?${new URLSearchParams({ ...query, limit: "200" })}`);
  expect(res.status).toBe(200);
  return new Set((await jsonOf<{ items: { id: string }[] }>(res)).items.map((c) => c.id));
};

let calls: Record<"dollars" | "usd" | "number" | "spaced" | "words" | "none", string>;
beforeAll(async () => {
  source = await createSource("autocalls");
  calls = {
    dollars: await callWith({ [BUDGET]: "$5,000", [PRODUCT]: "Pro Plan", [DEMO]: "2026-12-03" }),
    usd: await callWith({ [BUDGET]: "12000 USD", [PRODUCT]: "Enterprise", [DEMO]: "2026-12-20T15:00:00Z" }),
    number: await callWith({ [BUDGET]: 800, [PRODUCT]: "pro plan annual" }),
    spaced: await callWith({ [BUDGET]: "7 500 ₸", [PRODUCT]: "Starter" }),
    words: await callWith({ [BUDGET]: "about five grand", [PRODUCT]: "Starter" }),
    none: await callWith({}),
  };
});

describe("variable filters", () => {
  it("compare numbers written with currencies and thousands separators, at least and at most", async () => {
    expect(await ids({ [`var.${BUDGET}.gte`]: "5000" })).toEqual(new Set([calls.dollars, calls.usd, calls.spaced]));
    // The filter's own value may be written the same ways.
    expect(await ids({ [`var.${BUDGET}.lte`]: "$5,000" })).toEqual(new Set([calls.dollars, calls.number]));
    expect(await ids({ [`var.${BUDGET}.gte`]: "7,500", [`var.${BUDGET}.lte`]: "10000 USD" })).toEqual(new Set([calls.spaced]));
  });

  it("compare ISO dates as days", async () => {
    expect(await ids({ [`var.${DEMO}.gte`]: "2026-12-10" })).toEqual(new Set([calls.usd]));
    expect(await ids({ [`var.${DEMO}.lte`]: "2026-12-20" })).toEqual(new Set([calls.dollars, calls.usd]));
    expect(await ids({ [`var.${DEMO}.lte`]: "2026-12-02" })).toEqual(new Set());
  });

  it("match text in any case, whole (equals) or in part (contains), and the text form of numbers", async () => {
    expect(await ids({ [`var.${PRODUCT}.eq`]: "PRO plan" })).toEqual(new Set([calls.dollars]));
    expect(await ids({ [`var.${PRODUCT}.contains`]: "Pro Plan" })).toEqual(new Set([calls.dollars, calls.number]));
    expect(await ids({ [`var.${BUDGET}.eq`]: "About Five Grand" })).toEqual(new Set([calls.words]));
    expect(await ids({ [`var.${BUDGET}.eq`]: "800" })).toEqual(new Set([calls.number]));
    // LIKE's wildcards typed in a value are taken literally.
    expect(await ids({ [`var.${PRODUCT}.contains`]: "%" })).toEqual(new Set());
  });

  it("take two filters together", async () => {
    expect(await ids({ [`var.${PRODUCT}.contains`]: "pro", [`var.${BUDGET}.gte`]: "1000" })).toEqual(new Set([calls.dollars]));
    // With a vendor (read beside the variables) and the list's other filters.
    expect(await ids({ [`var.${PRODUCT}.eq`]: "starter", provider: "autocalls" })).toEqual(new Set([calls.spaced, calls.words]));
    expect(await ids({ [`var.${PRODUCT}.eq`]: "starter", provider: "unpod,hooman" })).toEqual(new Set());
    // With the list's other filters too.
    expect(await ids({ [`var.${PRODUCT}.eq`]: "starter", status: "completed", q: "" })).toEqual(new Set([calls.spaced, calls.words]));
  });

  it("page by cursor both ways, newest or oldest first, with a period (a page read from the variables alone)", async () => {
    const matching = [calls.dollars, calls.usd, calls.number, calls.spaced];
    for (const sort of ["newest", "oldest"]) {
      const base = { [`var.${BUDGET}.gte`]: "0", sort, from: "2026-01-01", to: "2026-12-31", limit: "3" };
      const all = await jsonOf<{ items: { id: string }[]; total: { count: number; exact: boolean } }>(
        api(`/api/calls?${new URLSearchParams({ ...base, limit: "10" })}`),
      );
      expect(new Set(all.items.map((c) => c.id))).toEqual(new Set(matching));
      // The total, counted in the variables too.
      expect(all.total).toEqual({ count: 4, exact: true });
      const first = await jsonOf<{ items: { id: string }[]; nextCursor: string }>(api(`/api/calls?${new URLSearchParams(base)}`));
      const second = await jsonOf<{ items: { id: string }[]; nextCursor: string | null; prevCursor: string }>(
        api(`/api/calls?${new URLSearchParams({ ...base, cursor: first.nextCursor })}`),
      );
      expect([...first.items, ...second.items].map((c) => c.id)).toEqual(all.items.map((c) => c.id));
      expect(second.nextCursor).toBeNull();
      const back = await jsonOf<{ items: { id: string }[] }>(api(`/api/calls?${new URLSearchParams({ ...base, cursor: second.prevCursor })}`));
      expect(back.items).toEqual(first.items);
    }
    // Outside the period: nothing.
    expect(await ids({ [`var.${BUDGET}.gte`]: "0", from: "2025-01-01", to: "2025-12-31" })).toEqual(new Set());
  });

  it("answer 400 naming the parameter for a bad key, comparison or value", async () => {
    const bad = async (query: string) => {
      const res = await api(`/api/calls?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      return jsonOf<Problem>(res);
    };
    const op = await bad("var.budget.between=5");
    expect(op.errors).toEqual([{ field: "var.budget.between", message: expect.stringContaining(".eq, .contains, .gte, .lte") }]);
    const value = await bad("var.budget.gte=lots");
    expect(value.errors[0].field).toBe("var.budget.gte");
    expect(value.detail).toContain("needs a number");
    const long = await bad(`var.${"k".repeat(65)}.eq=1`);
    expect(long.errors[0].message).toContain("1 to 64 characters");
    expect((await bad("var.bud%01get.eq=1")).errors[0].message).toContain("does not name a variable");
    expect((await bad("var.budget=5")).errors[0].field).toBe("var.budget");
    expect((await bad(`var.budget.contains=${"x".repeat(201)}`)).errors[0].message).toContain("at most 200");
    const many = Array.from({ length: 11 }, (_, i) => `var.k${i}.eq=1`).join("&");
    expect((await bad(many)).detail).toContain("At most 10 variable filters");
  });

  it("narrow the CSV export the same way", async () => {
    // A key of its own: exports are few an hour (EXPORT_RATE_LIMIT) and other files export with the test key.
    const created = await asUser(TEST_ADMIN, "/api/api-keys", { method: "POST", body: JSON.stringify({ name: uniq("vars-export") }) });
    const { key } = await jsonOf<{ key: string }>(created);
    const exported = (query: string) => fetch(`${baseUrl()}/api/calls/export?${query}`, { headers: { authorization: `Bearer ${key}` } });
    const csv = await (await exported(`${new URLSearchParams({ [`var.${BUDGET}.gte`]: "$5,000" })}`)).text();
    const rows = csv.trim().split("\n").slice(1);
    expect(rows).toHaveLength(3);
    for (const id of [calls.dollars, calls.usd, calls.spaced]) expect(csv).toContain(id);
    expect((await exported(`var.${encodeURIComponent(BUDGET)}.gte=plenty`)).status).toBe(400);
  });

  it("read stored values by the same rules as typed ones", async () => {
    const samples = [
      "5000",
      "5,000",
      "$5,000",
      "5000 USD",
      "USD 5000",
      "7 500 ₸",
      "-12.5",
      "1,00",
      "5k",
      "5.000,00",
      "12,34,567",
      "£3.50",
      "2026",
      "€ 40",
      "usd 5",
    ];
    const days = ["2026-12-01", "2026-12-01T10:00:00Z", "2026-02-29", "2028-02-29", "2026-13-01", "2026-12-01 10:00", "01/12/2026", "2026-12-1"];
    const rows = await sql<{ v: string; num: string | null; day: string | null }>(
      `SELECT v, call_variable_number(to_jsonb(v))::text AS num, to_char(call_variable_day(to_jsonb(v)), 'YYYY-MM-DD') AS day FROM unnest($1::text[]) v`,
      [[...samples, ...days]],
    );
    for (const r of rows) {
      const n = readNumber(r.v);
      expect({ v: r.v, num: r.num === null ? null : Number(r.num), day: r.day }).toEqual({ v: r.v, num: n, day: readDay(r.v) });
    }
    expect(readNumber("7 500 ₸")).toBe(7500);
    expect(readNumber("5k")).toBeNull();
  });

  it("keep the keys the filters accept, and trim stored values as typed ones, Unicode spaces included", async () => {
    // Every space trim() strips, and two it does not (a zero-width space, the Mongolian vowel separator).
    const around = [...TRIMMED_SPACES, "\u200B", "\u180E"];
    const keys = around.flatMap((c) => [`budget${c}`, `${c}budget`, `bud${c}get`]);
    const rows = await sql<{ k: string; ok: boolean }>("SELECT k, call_variable_key_ok(k) AS ok FROM unnest($1::text[]) k", [keys]);
    expect(rows.map((r) => ({ k: r.k, ok: r.ok }))).toEqual(keys.map((k) => ({ k, ok: isVariableKey(k) })));
    expect(isVariableKey("budget\u00A0")).toBe(false);
    expect(isVariableKey("bud\u00A0get")).toBe(true);

    const values = around.flatMap((c) => [`${c}5000${c}`, `${c}2026-12-01${c}`]);
    const read = await sql<{ v: string; text: string; num: string | null; day: string | null }>(
      `SELECT v, call_variable_text(to_jsonb(v)) AS text, call_variable_number(to_jsonb(v))::text AS num,
         to_char(call_variable_day(to_jsonb(v)), 'YYYY-MM-DD') AS day FROM unnest($1::text[]) v`,
      [values],
    );
    for (const r of read) {
      expect({ v: r.v, text: r.text, num: r.num === null ? null : Number(r.num), day: r.day }).toEqual({
        v: r.v,
        text: r.v.trim().toLowerCase(),
        num: readNumber(r.v),
        day: readDay(r.v),
      });
    }

    // Through a webhook: a key with a no-break space after it is not kept (a filter on it would be refused),
    // and a value with one is found by what a person types.
    const [spaced, plan] = [`${uniq("seats")}\u00A0`, uniq("plan")];
    const id = await callWith({ [spaced]: "3", [plan]: "Growth\u00A0" });
    expect(await sql("SELECT key FROM call_variables WHERE call_id = $1 ORDER BY key", [id])).toEqual([{ key: plan }]);
    expect(await ids({ [`var.${plan}.eq`]: "growth" })).toEqual(new Set([id]));
    expect((await api(`/api/calls?${new URLSearchParams({ [`var.${spaced}.eq`]: "3" })}`)).status).toBe(400);
  });
});

describe("variable keys", () => {
  interface Keys {
    keys: { key: string; kind: string; calls: number; sources: { id: string; name: string; calls: number }[] }[];
  }
  const keysOf = async () => (await jsonOf<Keys>(asUser(TEST_MANAGER, "/api/calls/variables"))).keys;

  it("lists each key with its kind and the sources that sent it, for people signed in and API keys only", async () => {
    // Keys are counted just after the webhooks' answers (lib/calls/variables/count-soon.ts).
    await expect.poll(async () => (await keysOf()).find((k) => k.key === BUDGET)?.calls).toBe(5);
    const keys = await keysOf();
    const of = (key: string) => keys.find((k) => k.key === key);
    expect(of(BUDGET)).toMatchObject({ kind: "number", calls: 5, sources: [{ id: source.id, name: source.slug, calls: 5 }] });
    expect(of(DEMO)).toMatchObject({ kind: "date", calls: 2 });
    expect(of(PRODUCT)).toMatchObject({ kind: "text", calls: 5 });
    expect((await api("/api/calls/variables")).status).toBe(200);
    expect((await fetch(`${baseUrl()}/api/calls/variables`)).status).toBe(401);
  });

  it("learn a new key when a call brings it, once per call however often the call is updated", async () => {
    const other = await createSource("autocalls");
    const fresh = `seats ${uniq("k")}`;
    const payload = {
      ...fixture<Record<string, unknown>>("autocalls/campaign-call.json"),
      id: Date.now() % 1_000_000_000,
      recording_url: null,
      extracted_variables: { status: true, summary: "Seats", [fresh]: 12 },
    };
    expect((await sendWebhook(other.slug, payload)).status).toBe(202);
    const rows = () => sql("SELECT calls, numbers, dates FROM call_variable_keys WHERE source_id = $1 AND key = $2", [other.id, fresh]);
    // Counted just after the answer (lib/calls/variables/count-soon.ts).
    await expect.poll(rows).toEqual([{ calls: 1, numbers: 1, dates: 0 }]);
    // A later version of the same call, with a new value: still one call; the filter finds the new value.
    const later = { ...payload, finished_at: "2026-02-27T16:09:00Z", extracted_variables: { status: true, summary: "Seats", [fresh]: "40" } };
    const res = await sendWebhook(other.slug, later);
    const { callId } = await jsonOf<{ callId: string }>(res);
    expect(await rows()).toEqual([{ calls: 1, numbers: 1, dates: 0 }]);
    expect(await ids({ [`var.${fresh}.gte`]: "30" })).toEqual(new Set([callId]));
    expect((await keysOf()).find((k) => k.key === fresh)).toMatchObject({ kind: "number", sources: [{ id: other.id, calls: 1 }] });
  });
});

describe("variable keys of a busy source", () => {
  it("count every call when saves of one source's keys run at once, new calls and later versions alike", async () => {
    const busy = await createSource("autocalls");
    const [a, b] = [`alpha ${uniq("k")}`, `beta ${uniq("k")}`];
    const payloads = Array.from({ length: 12 }, (_, i) => ({
      ...fixture<Record<string, unknown>>("autocalls/campaign-call.json"),
      id: (Date.now() % 1_000_000_000) + i,
      recording_url: null,
      extracted_variables: { status: true, summary: "Busy", [a]: i, [b]: `2026-12-${String(i + 1).padStart(2, "0")}` },
    }));
    const send = (p: Record<string, unknown>) => sendWebhook(busy.slug, p).then((r) => r.status);
    expect(await Promise.all(payloads.map(send))).toEqual(payloads.map(() => 202));
    // Later versions (each a transaction with the rollups) beside new calls (one statement each), all at once.
    const later = payloads.slice(0, 6).map((p) => ({ ...p, finished_at: "2026-02-27T16:09:00Z", extracted_variables: { status: true, [a]: "changed" } }));
    const more = payloads.slice(0, 6).map((p, i) => ({ ...p, id: p.id + 100 + i }));
    expect(await Promise.all([...later, ...more].map(send))).toEqual([...later, ...more].map(() => 202));
    expect(await sql("SELECT count(*)::int AS failed FROM raw_events WHERE source_id = $1 AND status = 'failed'", [busy.id])).toEqual([{ failed: 0 }]);
    await expect
      .poll(() => sql("SELECT key, calls, numbers, dates FROM call_variable_keys WHERE source_id = $1 ORDER BY key", [busy.id]))
      .toEqual([
        { key: a, calls: 18, numbers: 18, dates: 0 },
        { key: b, calls: 18, numbers: 0, dates: 18 },
      ]);
  });

  it(`offer at most ${MAX_KEYS_PER_SOURCE} keys a source; a key past them is kept with its call and filtered by`, async () => {
    const flood = await createSource("autocalls");
    try {
      // As if the vendor had sent a new key with each of its calls until the source is one key short of the cap
      // (uncounted, so that they sort after every other file's keys in the list).
      await sql(
        `INSERT INTO call_variable_keys (source_id, key, calls, numbers, dates, updated_at)
         SELECT $1::uuid, 'call ' || n, 0, 0, 0, now() FROM generate_series(1, $2::int) n`,
        [flood.id, MAX_KEYS_PER_SOURCE - 2],
      );
      const known = `known ${uniq("k")}`;
      await sql("INSERT INTO call_variable_keys (source_id, key, calls, numbers, dates, updated_at) VALUES ($1, $2, 0, 0, 0, now())", [flood.id, known]);
      const [first, second, third] = ["x1", "x2", "x3"].map((x) => `${x} ${uniq("k")}`).sort();
      const payload = {
        ...fixture<Record<string, unknown>>("autocalls/campaign-call.json"),
        id: Date.now() % 1_000_000_000,
        recording_url: null,
        extracted_variables: { status: true, summary: "Flood", [known]: "yes", [third]: "c", [second]: "b", [first]: "a" },
      };
      const res = await sendWebhook(flood.slug, payload);
      expect(res.status).toBe(202);
      const { callId } = await jsonOf<{ callId: string }>(res);
      // The known key is still counted, the first new key in key order takes the last place, the others none.
      const counted = () =>
        sql<{ key: string; calls: number }>("SELECT key, calls FROM call_variable_keys WHERE source_id = $1 AND key = ANY($2::text[]) ORDER BY key", [
          flood.id,
          [known, first, second, third],
        ]);
      await expect.poll(counted).toEqual([
        { key: known, calls: 1 },
        { key: first, calls: 1 },
      ]);
      expect(await sql("SELECT count(*)::int AS n FROM call_variable_keys WHERE source_id = $1", [flood.id])).toEqual([{ n: MAX_KEYS_PER_SOURCE }]);
      // Every value is stored: a key not offered is still filtered by its parameter.
      expect(await ids({ [`var.${third}.eq`]: "C" })).toEqual(new Set([callId]));
    } finally {
      await sql("DELETE FROM call_variable_keys WHERE source_id = $1", [flood.id]);
    }
  });
});

describe("the call_variables migration", () => {
  it("backfills from stored calls what saving keeps", async () => {
    const script = await readFile("prisma/migrations/20261129040000_call_variables/migration.sql", "utf8");
    // The backfill alone: the keys and indexes built after it exist already.
    const backfill = script.slice(script.indexOf("-- Backfill from stored calls"), script.indexOf("-- Keys and indexes after the backfill"));
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    const values = "SELECT call_id, key, text, num::text, day::text, started_at FROM call_variables ORDER BY call_id, key";
    const keys = "SELECT key, calls, numbers, dates FROM call_variable_keys WHERE source_id = $1 ORDER BY key";
    try {
      // In one transaction, rolled back: as before the migration, with the calls but none of their variables.
      await client.query("BEGIN");
      const saved = (await client.query(values)).rows;
      const savedKeys = (await client.query(keys, [source.id])).rows;
      await client.query("DELETE FROM call_variables");
      await client.query("DELETE FROM call_variable_keys");
      for (const statement of backfill.split(";").filter((s) => s.replace(/--.*$/gm, "").trim())) await client.query(statement);
      expect((await client.query(values)).rows).toEqual(saved);
      expect((await client.query(keys, [source.id])).rows).toEqual(savedKeys);
    } finally {
      await client.query("ROLLBACK");
      await client.end();
    }
  });
});
