import { beforeAll, describe, expect, it } from "vitest";
import { scenario, type Scenario } from "@/lib/demo/scenario";
import { saveCall } from "@/lib/ingest/save-call";
import { mapPayload, samplePayload } from "@/lib/providers/modules";
import { compareAnswerSchema, compareDailyAnswerSchema, type CompareAnswer, type CompareFigures } from "@/lib/stats/compare-schema";
import { TEST_MANAGER } from "../support/credentials";
import { api, baseUrl, jsonOf, sendWebhook, sql, uniq } from "../support/http";
import { compareRollupDrift } from "../support/compare-drift";
import { asUser } from "../support/session";
import { createSource } from "../support/sources";

// The Compare API against the calls table itself: calls from several vendors,
// agents and campaigns, costs in two currencies and none, on both sides of the
// period's start, in May 2023 (a month no other test uses), at noon UTC so
// that any organisation time zone keeps them on their day.

const PERIOD = { from: "2023-05-15", to: "2023-05-28", previousFrom: "2023-05-01", previousTo: "2023-05-14" };
const DAYS = ["2023-04-30", "2023-05-03", "2023-05-14", "2023-05-15", "2023-05-20", "2023-05-28", "2023-05-29"];

const agentA = uniq("Ada");
const agentB = uniq("Bo");
const campaignX = uniq("camp-x");
const campaignY = uniq("camp-y");

let hooman: { id: string; slug: string };
let hoomanUsd: { id: string; slug: string };
let autocalls: { id: string; slug: string };
let hubtalk: { id: string; slug: string };

const at = (day: string, hour = 12) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);

function scene(n: number, day: string, agent: string, campaign: string): Scenario {
  return { ...scenario(23, n, { now: at(day) }), startedAt: at(day), agent, campaign, direction: "outbound" };
}

/** A Hooman call priced in USD: no vendor sends another currency yet, so it is saved the way the pipeline saves one. */
async function saveUsdCall(s: Scenario): Promise<void> {
  const payload = samplePayload("hooman", s);
  const [raw] = await sql<{ id: string }>(
    `INSERT INTO raw_events (id, source_id, method, headers, query, body) VALUES (gen_random_uuid(), $1, 'POST', '{}', '{}', $2) RETURNING id`,
    [hoomanUsd.id, Buffer.from(JSON.stringify(payload))],
  );
  const mapped = mapPayload("hooman", payload, { receivedAt: new Date(), defaultRegion: "US", query: {} });
  if (!mapped.ok) throw new Error(mapped.error);
  const saved = await saveCall({ id: hoomanUsd.id, provider: "hooman", defaultRegion: "US" }, { ...mapped.call, costCurrency: "USD" }, raw.id);
  expect(saved.kind).toBe("stored");
}

/** Sent without its made-up recording address, which would only keep the archive queue retrying for other files' tests. */
async function send(slug: string, payload: Record<string, unknown>): Promise<string> {
  const { recording_url: _url, ...rest } = payload;
  const callInfo = rest.callInfo as Record<string, unknown> | undefined;
  const res = await sendWebhook(slug, callInfo ? { ...rest, callInfo: { ...callInfo, recording: "" } } : rest);
  expect(res.status).toBe(202);
  return ((await res.json()) as { callId: string }).callId;
}

beforeAll(async () => {
  [hooman, hoomanUsd, autocalls, hubtalk] = await Promise.all([
    createSource("hooman"),
    createSource("hooman"),
    createSource("autocalls"),
    createSource("hubtalk"),
  ]);
  let n = 0;
  const reviewable: string[] = [];
  for (const day of DAYS) {
    // Campaign Y: INR and calls without a cost (one row); campaign X: INR and USD (split). Hooman names no agent (only its id).
    reviewable.push(await send(hooman.slug, samplePayload("hooman", scene(++n, day, agentA, campaignX))));
    const unpriced = samplePayload("hooman", scene(++n, day, agentA, campaignY));
    delete unpriced.price;
    await send(hooman.slug, unpriced);
    await send(hooman.slug, samplePayload("hooman", scene(++n, day, agentB, campaignY)));
    await saveUsdCall(scene(++n, day, agentB, campaignX));
    await send(autocalls.slug, { ...samplePayload("autocalls", scene(++n, day, agentA, campaignY)), id: 700_000 + n + Math.floor(Math.random() * 1e6) });
    // HubTalk names its agents.
    await send(hubtalk.slug, samplePayload("hubtalk", scene(++n, day, n % 2 ? agentA : agentB, campaignX)));
  }
  // Reviewers: one AI outcome kept, one corrected.
  const review = (id: string, body: unknown) => asUser(TEST_MANAGER, `/api/calls/${id}/review`, { method: "PATCH", body: JSON.stringify(body) });
  expect((await review(reviewable[3], { reviewed: true })).status).toBe(200);
  expect((await review(reviewable[4], { outcome: "not_interested", reviewed: true })).status).toBe(200);
}, 120_000);

const DIMENSION_SQL = { vendor: "provider", agent: "COALESCE(agent_name, '')", campaign: "COALESCE(campaign, '')", source: "source_id::text" } as const;

interface Sums {
  key: string;
  currency: string | null;
  split: boolean;
  current: boolean;
  calls: number;
  connected: number;
  talk: number;
  timed: number;
  agent_ms: number;
  customer_ms: number;
  meetings: number;
  hot: number;
  score: number;
  positive: number;
  negative: number;
  rated: number;
  costed: number;
  cost: string;
  reviewed: number;
  kept: number;
}

/** Each group's sums in the period and the one before, from the calls table, split by currency as the README says. */
function sumsFromCalls(by: keyof typeof DIMENSION_SQL): Promise<Sums[]> {
  return sql<Sums>(
    `WITH c AS (
       SELECT ${DIMENSION_SQL[by]} AS key, started_at >= $2::date AS current,
              CASE WHEN cost_amount IS NULL THEN '' ELSE cost_currency END AS cur, calls.*
       FROM calls WHERE NOT is_test AND started_at >= $1::date AND started_at < $3::date + 1
     ), g AS (SELECT key, count(DISTINCT cur) FILTER (WHERE cur <> '') AS n, max(cur) AS only FROM c GROUP BY key)
     SELECT c.key, CASE WHEN g.n > 1 THEN NULLIF(c.cur, '') ELSE NULLIF(g.only, '') END AS currency, g.n > 1 AS split, c.current,
       count(*)::int AS calls,
       count(*) FILTER (WHERE status = 'completed')::int AS connected,
       COALESCE(sum(duration_sec) FILTER (WHERE status = 'completed'), 0)::float8 AS talk,
       count(*) FILTER (WHERE agent_talk_ms IS NOT NULL AND customer_talk_ms IS NOT NULL)::int AS timed,
       COALESCE(sum(agent_talk_ms) FILTER (WHERE customer_talk_ms IS NOT NULL), 0)::float8 AS agent_ms,
       COALESCE(sum(customer_talk_ms) FILTER (WHERE agent_talk_ms IS NOT NULL), 0)::float8 AS customer_ms,
       count(*) FILTER (WHERE outcome = 'meeting_scheduled')::int AS meetings,
       count(*) FILTER (WHERE is_hot)::int AS hot,
       sum(lead_score)::float8 AS score,
       count(*) FILTER (WHERE sentiment = 'positive')::int AS positive,
       count(*) FILTER (WHERE sentiment = 'negative')::int AS negative,
       count(*) FILTER (WHERE sentiment IS NOT NULL)::int AS rated,
       count(*) FILTER (WHERE cost_amount IS NOT NULL)::int AS costed,
       COALESCE(sum(cost_amount), 0)::numeric(18, 4)::text AS cost,
       count(*) FILTER (WHERE reviewed_at IS NOT NULL)::int AS reviewed,
       count(*) FILTER (WHERE reviewed_at IS NOT NULL AND outcome_override IS NULL)::int AS kept
     FROM c JOIN g USING (key) GROUP BY 1, 2, 3, 4`,
    [PERIOD.previousFrom, PERIOD.from, PERIOD.to],
  );
}

const share = (a: number, b: number) => (b ? a / b : null);

function expectedFigures(s: Sums | undefined): Partial<CompareFigures> {
  if (!s) return { calls: 0, cost: null, reviewed: 0 };
  const cost = s.currency !== null && s.costed > 0 ? s.cost : null;
  return {
    calls: s.calls,
    connected: s.connected,
    connectRate: share(s.connected, s.calls),
    avgTalkSec: share(s.talk, s.connected),
    timedCalls: s.timed,
    talkRatio: share(s.agent_ms, s.agent_ms + s.customer_ms),
    meetings: s.meetings,
    meetingRate: share(s.meetings, s.calls),
    hotLeads: s.hot,
    hotRate: share(s.hot, s.calls),
    avgLeadScore: share(s.score, s.calls),
    rated: s.rated,
    positiveShare: share(s.positive, s.rated),
    negativeShare: share(s.negative, s.rated),
    costedCalls: s.costed,
    cost,
    costPerConnected: cost === null ? null : share(Number(cost), s.connected),
    costPerMeeting: cost === null ? null : share(Number(cost), s.meetings),
    reviewed: s.reviewed,
    keptShare: share(s.kept, s.reviewed),
  };
}

/** Floats compared to 9 places: the API divides numbers summed by Postgres as the test's SQL does, in another order. */
function expectFigures(actual: CompareFigures, expected: Partial<CompareFigures>, where: string) {
  for (const [k, v] of Object.entries(expected)) {
    const got = actual[k as keyof CompareFigures];
    if (typeof v === "number" && !Number.isInteger(v)) expect(got, `${where} ${k}`).toBeCloseTo(v, 9);
    else expect(got, `${where} ${k}`).toEqual(v);
  }
}

const compare = async (query: string) => {
  const res = await api(`/api/stats/compare?${query}`);
  expect(res.status).toBe(200);
  return compareAnswerSchema.parse(await res.json());
};

describe("GET /api/stats/compare", () => {
  it.each(["vendor", "agent", "campaign", "source"] as const)(
    "gives by=%s every figure as the calls table has it, this period and the one before",
    async (by) => {
      const answer: CompareAnswer = await compare(`by=${by}&from=${PERIOD.from}&to=${PERIOD.to}`);
      expect(answer).toMatchObject({ by, ...PERIOD });
      const sums = await sumsFromCalls(by);
      const id = (key: string, currency: string | null) => `${key}|${currency}`;
      const expectedIds = [...new Set(sums.filter((s) => s.current).map((s) => id(s.key, s.currency)))].sort();
      expect(answer.rows.map((r) => id(r.key, r.currency)).sort()).toEqual(expectedIds);
      for (const row of answer.rows) {
        const mine = (current: boolean) => sums.find((s) => s.current === current && id(s.key, s.currency) === id(row.key, row.currency));
        expect(row.split).toBe(mine(true)!.split);
        expectFigures(row, expectedFigures(mine(true)), `${by} ${row.label} ${row.currency}`);
        expectFigures(row.previous, expectedFigures(mine(false)), `${by} ${row.label} ${row.currency} (previous)`);
      }
      expect(answer.rows.reduce((n, r) => n + r.calls, 0)).toBe(sums.filter((s) => s.current).reduce((n, s) => n + s.calls, 0));
    },
  );

  it("never adds currencies together: a group in one currency is one row, one in two is split", async () => {
    const vendors = await compare(`by=vendor&from=${PERIOD.from}&to=${PERIOD.to}`);
    const hoomanRows = vendors.rows.filter((r) => r.key === "hooman");
    expect(hoomanRows.map((r) => r.currency).sort()).toEqual(["INR", "USD", null]);
    expect(hoomanRows.every((r) => r.split)).toBe(true);
    expect(hoomanRows.find((r) => r.currency === null)).toMatchObject({ cost: null, costPerConnected: null, costedCalls: 0 });
    expect(vendors.rows.filter((r) => r.key === "autocalls")).toMatchObject([{ currency: null, split: false, cost: null }]);
    // The reviewers' agreement on the vendor.
    const reviewed = hoomanRows.reduce((n, r) => n + r.reviewed, 0);
    expect(reviewed).toBe(2);

    // Campaign Y: INR and calls without a cost, in one INR row; campaign X: INR and USD, split.
    const campaigns = await compare(`by=campaign&from=${PERIOD.from}&to=${PERIOD.to}`);
    const y = campaigns.rows.filter((r) => r.key === campaignY);
    expect(y).toMatchObject([{ currency: "INR", split: false }]);
    expect(y[0].costedCalls).toBeLessThan(y[0].calls);
    expect(campaigns.rows.filter((r) => r.key === campaignX).map((r) => r.currency)).toEqual(expect.arrayContaining(["INR", "USD"]));

    const agents = await compare(`by=agent&from=${PERIOD.from}&to=${PERIOD.to}`);
    expect(agents.rows.filter((r) => r.key === agentA || r.key === agentB).every((r) => r.currency === null && !r.split && r.cost === null)).toBe(true);
    expect(agents.rows.find((r) => r.key === "")).toMatchObject({ label: "No agent" });

    const sources = await compare(`by=source&from=${PERIOD.from}&to=${PERIOD.to}`);
    expect(sources.rows.find((r) => r.key === autocalls.id)?.label).toBe(autocalls.slug);
    expect(sources.rows.find((r) => r.key === hoomanUsd.id)).toMatchObject({ label: hoomanUsd.slug, currency: "USD", split: false });
  });

  it("gives two rows' figures by day for the chart", async () => {
    const campaigns = await compare(`by=campaign&from=${PERIOD.from}&to=${PERIOD.to}`);
    const [a, b] = [campaigns.rows.find((r) => r.key === campaignY)!, campaigns.rows.find((r) => r.key === campaignX && r.currency === "USD")!];
    const q = new URLSearchParams({ by: "campaign", from: PERIOD.from, to: PERIOD.to, metric: "calls" });
    q.append("values", a.key);
    q.append("values", b.key);
    q.append("currencies", "*");
    q.append("currencies", "USD");
    const res = await api(`/api/stats/compare/daily?${q}`);
    expect(res.status).toBe(200);
    const daily = compareDailyAnswerSchema.parse(await res.json());
    expect(daily.days).toHaveLength(14);
    expect(daily.series.map((s) => [s.key, s.currency])).toEqual([
      [a.key, "INR"],
      [b.key, "USD"],
    ]);
    const total = (id: string) => daily.days.reduce((n, d) => n + Number(d[id] ?? 0), 0);
    expect(total("s0")).toBe(a.calls);
    expect(total("s1")).toBe(b.calls);
    expect(daily.days.find((d) => d.day === "2023-05-15")).toMatchObject({ s0: 3, s1: 1 });

    q.set("metric", "cost");
    const cost = compareDailyAnswerSchema.parse(await jsonOf(api(`/api/stats/compare/daily?${q}`)));
    const usd = cost.days.reduce((n, d) => n + Number(d.s1 ?? 0), 0);
    expect(usd).toBeCloseTo(Number(b.cost), 4);
  });

  it("refuses a bad dimension (400) and a caller without a session or key (401)", async () => {
    const bad = await api("/api/stats/compare?by=planet");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toMatch(/vendor, agent, campaign, source/);
    expect((await api(`/api/stats/compare?by=vendor&from=${PERIOD.to}&to=${PERIOD.from}`)).status).toBe(400);
    expect((await api("/api/stats/compare/daily?by=agent")).status).toBe(400);
    expect((await fetch(`${baseUrl()}/api/stats/compare?by=vendor`)).status).toBe(401);
    expect((await fetch(`${baseUrl()}/api/stats/compare/daily?by=agent&values=x`)).status).toBe(401);
  });

  it("keeps daily_compare_stats equal to the calls it summarizes", async () => {
    expect(await compareRollupDrift()).toEqual([]);
  });

  it("defaults to the last 30 days, today included", async () => {
    const answer = await compare("by=campaign");
    expect((Date.parse(answer.to) - Date.parse(answer.from)) / 86_400_000 + 1).toBe(30);
  });
});
