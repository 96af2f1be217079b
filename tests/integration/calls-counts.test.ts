import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callConditions } from "@/lib/calls/conditions";
import { countCalls } from "@/lib/calls/count";
import { callListSchema, type CallListItem } from "@/lib/calls/schemas";
import { resolveSearch } from "@/lib/calls/search";
import { fixture } from "../support/fixtures";
import { setZone } from "../support/time-zone";
import { api, baseUrl, jsonOf, sendWebhook, sql, uniq } from "../support/http";

// The list's totals, orders, pages both ways and filters, checked against
// SQL over the same rows. A campaign of mixed case keeps these calls apart.

const campaign = `Spring Promo ${uniq("c")}`;
const agent = `Leo ${uniq("a")}`;
const HOUR = 3_600_000;
const now = Date.now();
/** Kiritimati is UTC+14 all year: its day starts 14 hours before the UTC day. */
const ZONE = "Pacific/Kiritimati";
const localDay = (t: number) => new Date(t + 14 * HOUR).toISOString().slice(0, 10);
const localMidnight = Date.parse(`${localDay(now)}T00:00:00Z`) - 14 * HOUR;

const list = async (query: string) => {
  const res = await api(`/api/calls?campaign=${encodeURIComponent(campaign)}&${query}`);
  expect(res.status).toBe(200);
  return callListSchema.parse(await res.json());
};
const tags = (items: CallListItem[]) => items.map((c) => c.externalId.replace(`${campaign}-`, ""));

const calls = [
  { tag: "today", at: localMidnight + (now - localMidnight) / 2, sentiment: "positive", result: "MEETING_SCHEDULED" },
  { tag: "yesterday", at: localMidnight - 60_000, sentiment: "negative", result: "NOT_INTERESTED" },
  { tag: "week", at: localMidnight - 3 * 24 * HOUR, sentiment: "neutral", result: "CALLBACK" },
  { tag: "month", at: localMidnight - 20 * 24 * HOUR, sentiment: "positive", result: "INTERESTED" },
  { tag: "old", at: localMidnight - 60 * 24 * HOUR, sentiment: "positive", result: "MEETING_SCHEDULED" },
  { tag: "older", at: localMidnight - 100 * 24 * HOUR, sentiment: "neutral", result: "NO_ANSWER" },
  { tag: "oldest", at: localMidnight - 200 * 24 * HOUR, sentiment: "negative", result: "CALLBACK" },
];

beforeAll(async () => {
  const base = fixture<Record<string, unknown>>("hubtalk/full-example.json");
  for (const [i, c] of calls.entries()) {
    const at = new Date(Math.round(c.at));
    const res = await sendWebhook("hubtalk", {
      ...base,
      call_event_uuid: `${campaign}-${c.tag}`,
      call_uuid: `${campaign}-${c.tag}`,
      call_campaign_uuid: i % 2 ? campaign.toUpperCase() : campaign,
      agent_wb_name: i % 3 ? agent : agent.toLowerCase(),
      phone_number: `7777100${String(i).padStart(4, "0")}`,
      call_datetime: at.toISOString(),
      end_datetime: new Date(at.getTime() + 60_000).toISOString(),
      sentiment_analysis: c.sentiment,
      result: c.result,
      final_result: c.result,
    });
    expect(res.status).toBe(202);
  }
  // Through the admin API, so the rollups move with it (other files count UTC days: afterAll puts them back).
  await setZone(ZONE);
});

afterAll(async () => {
  await setZone("UTC");
});

const sqlCount = async (where: string, values: unknown[] = []) =>
  Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM calls WHERE lower(campaign) = lower($1) ${where}`, [campaign, ...values]))[0].n);

describe("the total of GET /api/calls", () => {
  it("equals a count in SQL, whatever the filter", async () => {
    expect((await list("")).total).toEqual({ count: await sqlCount(""), exact: true });
    expect((await list("")).total.count).toBe(calls.length);
    expect((await list("sentiment=positive")).total).toEqual({ count: await sqlCount("AND sentiment = 'positive'"), exact: true });
    expect((await list("minScore=30")).total).toEqual({ count: await sqlCount("AND lead_score >= 30"), exact: true });
    const day = localDay(now - 3 * 24 * HOUR);
    expect((await list(`from=${day}`)).total).toEqual({
      count: await sqlCount("AND started_at >= $2", [new Date(localMidnight - 3 * 24 * HOUR)]),
      exact: true,
    });
    expect((await list("q=Allur")).total.count).toBe(calls.length); // a word of every transcript
    // The total is of every page, not this one.
    const page = await list("limit=2");
    expect(page.items).toHaveLength(2);
    expect(page.total.count).toBe(calls.length);
  });

  it("stops counting at the cap and then says it is an estimate, from real rows", async () => {
    const where = callConditions({ campaign }, "UTC");
    expect(await countCalls(where, null, calls.length)).toEqual({ count: calls.length, exact: true });
    const capped = await countCalls(where, null, 3);
    expect(capped.exact).toBe(false);
    expect(capped.count).toBeGreaterThanOrEqual(4);
    // A word search counts what each text index matches, capped the same way.
    const words = await resolveSearch("Allur calling", undefined);
    expect(await countCalls(where, words, calls.length)).toEqual({ count: calls.length, exact: true });
    const cappedSearch = await countCalls(where, words, 3);
    expect(cappedSearch.exact).toBe(false);
    expect(cappedSearch.count).toBeGreaterThanOrEqual(4);
  });
});

describe("sorting and paging", () => {
  const orders = {
    newest: "started_at DESC, id DESC",
    oldest: "started_at ASC, id ASC",
    score: "lead_score DESC, started_at DESC, id DESC",
  };
  for (const [sort, order] of Object.entries(orders)) {
    it(`pages by ${sort} forward and back over every call exactly once`, async () => {
      const expected = (
        await sql<{ external_id: string }>(`SELECT external_id FROM calls WHERE lower(campaign) = lower($1) ORDER BY ${order}`, [campaign])
      ).map((r) => r.external_id.replace(`${campaign}-`, ""));
      const forward: string[] = [];
      let page = await list(`sort=${sort}&limit=2`);
      expect(page.prevCursor).toBeNull();
      forward.push(...tags(page.items));
      while (page.nextCursor) {
        page = await list(`sort=${sort}&limit=2&cursor=${page.nextCursor}`);
        expect(page.prevCursor).not.toBeNull();
        forward.push(...tags(page.items));
      }
      expect(forward).toEqual(expected);

      const backward: string[][] = [tags(page.items)];
      while (page.prevCursor) {
        page = await list(`sort=${sort}&limit=2&cursor=${page.prevCursor}`);
        expect(page.nextCursor).not.toBeNull();
        backward.unshift(tags(page.items));
      }
      expect(backward.flat()).toEqual(expected);
      // Back on the first page: the same page as without a cursor.
      expect(backward[0]).toEqual(expected.slice(0, 2));
    });
  }

  it("sorts a search too, and refuses a cursor of another order as expired", async () => {
    const bySearch = await list("q=Allur&sort=oldest&limit=3");
    expect(tags(bySearch.items)).toEqual(["oldest", "older", "old"]);
    const next = await list(`q=Allur&sort=oldest&limit=3&cursor=${bySearch.nextCursor}`);
    expect(tags(next.items)).toEqual(["month", "week", "yesterday"]);

    const res = await api(`/api/calls?campaign=${encodeURIComponent(campaign)}&sort=newest&cursor=${bySearch.nextCursor}`);
    expect(res.status).toBe(400);
    expect((await jsonOf<{ title: string }>(res)).title).toBe("Invalid cursor");
    expect((await api("/api/calls?sort=sideways")).status).toBe(400);
  });
});

describe("filters", () => {
  it("match campaign and agent in any case", async () => {
    expect((await list("")).total.count).toBe(calls.length);
    const lower = await api(`/api/calls?campaign=${encodeURIComponent(campaign.toLowerCase())}&agent=${encodeURIComponent(agent.toUpperCase())}`);
    expect(callListSchema.parse(await lower.json()).total.count).toBe(calls.length);
  });

  it("read periods and days in the organisation's time zone, at request time", async () => {
    // 24 hours back would take "yesterday" (a minute before local midnight) in; today in Kiritimati does not.
    expect(tags((await list("period=today")).items)).toEqual(["today"]);
    expect(tags((await list("period=7d")).items)).toEqual(["today", "yesterday", "week"]);
    expect(tags((await list("period=30d")).items)).toEqual(["today", "yesterday", "week", "month"]);
    expect(tags((await list("period=90d")).items)).toEqual(["today", "yesterday", "week", "month", "old"]);
    // A day is the organisation's day, and explicit days win over a period.
    expect(tags((await list(`from=${localDay(now)}&to=${localDay(now)}&period=90d`)).items)).toEqual(["today"]);
    const yesterday = localDay(now - 24 * HOUR);
    expect(tags((await list(`from=${yesterday}&to=${yesterday}`)).items)).toEqual(["yesterday"]);
  });
});

describe("GET /api/calls/suggestions", () => {
  it("suggests existing campaigns and agents from a prefix in any case", async () => {
    const prefix = campaign.slice(0, -2).toLowerCase();
    const campaigns = await jsonOf<{ values: string[] }>(api(`/api/calls/suggestions?field=campaign&q=${encodeURIComponent(prefix)}`));
    expect(campaigns.values.sort()).toEqual([campaign, campaign.toUpperCase()].sort());
    const agents = await jsonOf<{ values: string[] }>(api(`/api/calls/suggestions?field=agent&q=${encodeURIComponent(agent.toUpperCase())}`));
    // Most used first: four calls name the agent as written, three in lower case.
    expect(agents.values).toEqual([agent, agent.toLowerCase()]);
    const none = await jsonOf<{ values: string[] }>(api(`/api/calls/suggestions?field=agent&q=${encodeURIComponent("%")}`));
    expect(none.values.every((v) => v.startsWith("%"))).toBe(true);
  });

  it("needs a session or an API key, and a known field", async () => {
    expect((await fetch(`${baseUrl()}/api/calls/suggestions?field=campaign&q=s`)).status).toBe(401);
    expect((await api("/api/calls/suggestions?field=phone&q=1")).status).toBe(400);
  });
});
