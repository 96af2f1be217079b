// npm run bench:queries: the dashboard's queries on 1,000,000 calls (BENCH_CALLS),
// each beside the same result written by hand in SQL through pg, the floor.
// The data lives in .data/bench-postgres (or BENCH_DATABASE_URL) and is reused.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/schema-engine";
import { fillCalls, filledWith } from "./fill-calls";
import { fillTrackerHits } from "./tracker-hits";

const CALLS = Number(process.env.BENCH_CALLS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

const embedded = process.env.BENCH_DATABASE_URL ? null : await startEmbeddedPostgres({ dir: ".data/bench-postgres", port: 54340, database: "calls_bench" });
const url = process.env.BENCH_DATABASE_URL ?? embedded!.url;
await applyMigrations(url);
process.env.DATABASE_URL = url;
const { bootstrap } = await import("@/lib/bootstrap");
await bootstrap({ WEBHOOK_SECRET: "bench", ADMIN_PASSWORD: "bench", BOOTSTRAP_API_KEY: "ck_bench" });

const client = new pg.Client({ connectionString: url });
await client.connect();
if (!(await filledWith(client, CALLS))) {
  console.log(`Filling ${CALLS.toLocaleString()} calls (once; kept in .data/bench-postgres)...`);
  const t = performance.now();
  await fillCalls(client, CALLS);
  console.log(`  done in ${((performance.now() - t) / 1000).toFixed(0)} s`);
}

const trackers = await fillTrackerHits(client);

const { callPage, callQuery, totalOf } = await import("@/lib/calls/list");
const { trackerStats } = await import("@/lib/trackers/stats");
const { getTrends } = await import("@/lib/stats/trends");
const { getCall } = await import("@/lib/calls/detail");
const { callFiltersSchema } = await import("@/lib/calls/filters");
const { getCompare } = await import("@/lib/stats/compare");
const { CALL_TRACKER_NAMES_SQL } = await import("@/lib/trackers/filter");

async function timings(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(RUNS * 0.5)], p95: ms[Math.min(RUNS - 1, Math.floor(RUNS * 0.95))] };
}

const rows: string[][] = [];
/** `floor`: the same result by hand, one statement, or statements one after the other (a page, then its snippets). */
async function compare(name: string, app: () => Promise<unknown>, floor: string | (() => Promise<unknown>), values: unknown[] = []) {
  const a = await timings(app);
  const f = await timings(typeof floor === "string" ? () => client.query(floor, values) : floor);
  const ratio = (x: number, y: number) => (x / Math.max(y, 0.01)).toFixed(2);
  rows.push([name, a.p50.toFixed(1), a.p95.toFixed(1), f.p50.toFixed(1), f.p95.toFixed(1), ratio(a.p50, f.p50), ratio(a.p95, f.p95)]);
  process.stdout.write(".");
}

// What the calls page waits for: its rows. The total streams in after them; the "count, …" rows time it.
const list = (q: Record<string, string>) => async () => callPage(await callQuery(callFiltersSchema.parse(q)));
// A page of the list as the page shows it: each row's trackers too, and whether it has a transcript.
const page = (where: string) =>
  `SELECT c.*, s.slug, ${CALL_TRACKER_NAMES_SQL}, EXISTS (SELECT 1 FROM transcripts t WHERE t.call_id = c.id) AS has_transcript
   FROM calls c JOIN sources s ON s.id = c.source_id ${where} ORDER BY c.started_at DESC, c.id DESC LIMIT 51`;
const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);

console.log(`Measuring (${RUNS} runs each)`);
await compare("list, no filter", list({}), page(""));
await compare("list, vendor", list({ provider: "hubtalk" }), page("WHERE c.provider = 'hubtalk'"));
await compare("list, status", list({ status: "voicemail" }), page("WHERE c.status = 'voicemail'"));
await compare("list, sentiment", list({ sentiment: "mixed" }), page("WHERE c.sentiment = 'mixed'"));
await compare("list, outcome", list({ outcome: "meeting_scheduled" }), page("WHERE c.outcome = 'meeting_scheduled'"));
await compare("list, hot only", list({ hot: "true" }), page("WHERE c.is_hot"));
await compare("list, min score 95", list({ minScore: "95" }), page("WHERE c.lead_score >= 95"));
await compare("list, campaign", list({ campaign: "Win-back" }), page("WHERE c.campaign = 'Win-back'"));
await compare("list, agent", list({ agent: "Nova" }), page("WHERE (c.agent_name = 'Nova' OR c.agent_id = 'Nova')"));
await compare("list, last 30 days", list({ from: monthAgo }), page(`WHERE c.started_at >= '${monthAgo}'`));
await compare(
  "list, combined",
  list({ provider: "unpod", status: "completed", sentiment: "positive", minScore: "60", from: monthAgo }),
  page(`WHERE c.provider = 'unpod' AND c.status = 'completed' AND c.sentiment = 'positive' AND c.lead_score >= 60 AND c.started_at >= '${monthAgo}'`),
);

// Page 500: follow 499 cursors once, then time the 500th page.
let cursor: string | null = null;
for (let i = 1; i < 500; i++) cursor = (await callPage(await callQuery(callFiltersSchema.parse({ cursor: cursor ?? undefined })))).nextCursor;
// The cursor holds the order, its way and the row's key: [lead score, time, id].
const { k: key } = JSON.parse(Buffer.from(cursor!, "base64url").toString()) as { k: [number, string, string] };
const after = [key[1], key[2]];
await compare("list, page 500 by cursor", list({ cursor: cursor! }), page(`WHERE (c.started_at, c.id) < ($1, $2::uuid)`), after);

// The floor for each word is the plan the app picks for it (matchPage in lib/calls/search.ts). Anyone's words are in
// any of a transcript's three vectors (one per speaker).
const anyone = (query: string, t = "") => `(${t}search_customer @@ ${query} OR ${t}search_agent @@ ${query} OR ${t}search_other @@ ${query})`;
const rareWhere = (word: string) => `c.id IN (SELECT id FROM calls WHERE search @@ websearch_to_tsquery('simple', '${word}')
        UNION SELECT call_id FROM transcripts WHERE ${anyone(`websearch_to_tsquery('simple', '${word}')`)})`;
const rare = (word: string) => page(`WHERE ${rareWhere(word)}`);
const common = (word: string) =>
  page(`WHERE c.id IN (
    (SELECT c.id FROM calls c WHERE c.search @@ websearch_to_tsquery('simple', '${word}') ORDER BY c.started_at DESC, c.id DESC LIMIT 51)
    UNION
    (SELECT c.id FROM transcripts t JOIN calls c ON c.id = t.call_id WHERE ${anyone(`websearch_to_tsquery('simple', '${word}')`, "t.")}
     ORDER BY c.started_at DESC, c.id DESC LIMIT 51))`);
// A search's page shows where each call matched: the page, then each of its calls' snippet (its summary, else its
// customer's name, else its transcript's first turns, with the words marked).
const config = `(CASE c.language WHEN 'en' THEN 'english' WHEN 'ru' THEN 'russian' ELSE 'simple' END)::regconfig`;
const snippetSql = (query: string, said?: "customer") => {
  const turns = `(SELECT left(string_agg(left(e->>'text', 4000), ' … '), 60000) FROM (SELECT e FROM transcripts t, jsonb_array_elements(t.turns) e
    WHERE t.call_id = c.id ${said ? `AND e->>'role' = '${said}'` : ""} LIMIT 600) x)`;
  const body = said
    ? turns
    : `CASE WHEN to_tsvector(${config}, coalesce(c.summary, '')) @@ q.q THEN c.summary
            WHEN to_tsvector('simple', coalesce(c.customer_name, '')) @@ q.q THEN c.customer_name ELSE ${turns} END`;
  return `SELECT c.id, ts_headline(${config}, ${body}, q.q, 'MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "')
    FROM calls c, (SELECT ${query} AS q) q WHERE c.id = ANY($1::uuid[])`;
};
const pageThenSnippets = (pageSql: string, query: string, said?: "customer") => async () => {
  const { rows: found } = await client.query<{ id: string }>(pageSql);
  await client.query(snippetSql(query, said), [found.map((r) => r.id)]);
};
await compare("search, rare word", list({ q: "zeppelin" }), pageThenSnippets(rare("zeppelin"), "websearch_to_tsquery('simple', 'zeppelin')"));
await compare("search, common word", list({ q: "pricing" }), pageThenSnippets(common("pricing"), "websearch_to_tsquery('simple', 'pricing')"));

// The search forms of issue 12, each with its page's snippets.
const stemmed = `(to_tsquery('simple', 'price') || to_tsquery('english', 'price'))`;
await compare(
  "search, stem (price: pricing)",
  list({ q: "price" }),
  pageThenSnippets(common("price").replaceAll("websearch_to_tsquery('simple', 'price')", stemmed), stemmed),
);
const prefixed = `to_tsquery('simple', 'integr:*')`;
await compare(
  "search, prefix (integr)",
  list({ q: "integr" }),
  pageThenSnippets(common("integr").replaceAll("websearch_to_tsquery('simple', 'integr')", prefixed), prefixed),
);
await compare("search, phone (202) 001-2345", list({ q: "(202) 001-2345" }), page("WHERE c.customer_phone = '+12020012345'"));
await compare(
  "search, said=customer, rare",
  list({ q: "zeppelin", said: "customer" }),
  pageThenSnippets(
    page(`WHERE c.id IN (SELECT call_id FROM transcripts WHERE search_customer @@ to_tsquery('simple', 'zeppelin'))`),
    "to_tsquery('simple', 'zeppelin')",
    "customer",
  ),
);
await compare(
  "search, said=customer, common",
  list({ q: "pricing", said: "customer" }),
  pageThenSnippets(
    page(`WHERE c.id IN (SELECT c.id FROM transcripts t JOIN calls c ON c.id = t.call_id
        WHERE t.search_customer @@ to_tsquery('simple', 'pricing:*') ORDER BY c.started_at DESC, c.id DESC LIMIT 51)`),
    "to_tsquery('simple', 'pricing:*')",
    "customer",
  ),
);

// Sorts, periods and case-insensitive filters.
const scorePage = (where: string) =>
  `SELECT c.*, s.slug FROM calls c JOIN sources s ON s.id = c.source_id ${where} ORDER BY c.lead_score DESC, c.started_at DESC, c.id DESC LIMIT 51`;
await compare("list, sort by score", list({ sort: "score" }), scorePage(""));
await compare("list, sort by score, vendor", list({ sort: "score", provider: "cllr" }), scorePage("WHERE c.provider = 'cllr'"));
await compare(
  "list, oldest first",
  list({ sort: "oldest" }),
  `SELECT c.*, s.slug FROM calls c JOIN sources s ON s.id = c.source_id ORDER BY c.started_at, c.id LIMIT 51`,
);
await compare("list, period 7d", list({ period: "7d" }), page(`WHERE c.started_at >= current_date - 6`));
await compare("list, campaign any case", list({ campaign: "win-BACK" }), page("WHERE lower(c.campaign) = 'win-back'"));

// Vendor variables (var.<key>.<op>), each a lookup in call_variables: common and rare values, numbers, dates, two at once.
const hasVar = (key: string, test: string) => `EXISTS (SELECT 1 FROM call_variables v WHERE v.call_id = c.id AND v.key = '${key}' AND ${test})`;
const soon = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
await compare("list, var budget at least 20000", list({ "var.budget.gte": "20000" }), page(`WHERE ${hasVar("budget", "v.num >= 20000")}`));
await compare("list, var budget at most $1,000", list({ "var.budget.lte": "$1,000" }), page(`WHERE ${hasVar("budget", "v.num <= 1000")}`));
await compare("list, var product equals (common)", list({ "var.product.eq": "Pro Plan" }), page(`WHERE ${hasVar("product", "v.text = 'pro plan'")}`));
await compare(
  "list, var competitor equals (rare)",
  list({ "var.competitor.eq": "zeppelin dynamics" }),
  page(`WHERE ${hasVar("competitor", "v.text = 'zeppelin dynamics'")}`),
);
await compare("list, var product contains (common)", list({ "var.product.contains": "annual" }), page(`WHERE ${hasVar("product", "v.text LIKE '%annual%'")}`));
await compare(
  "list, var competitor contains (rare)",
  list({ "var.competitor.contains": "zeppelin" }),
  page(`WHERE ${hasVar("competitor", "v.text LIKE '%zeppelin%'")}`),
);
await compare("list, var demo date from next week", list({ "var.demo_date.gte": soon }), page(`WHERE ${hasVar("demo_date", `v.day >= '${soon}'`)}`));
await compare(
  "list, var budget range and product",
  list({ "var.budget.gte": "10000", "var.budget.lte": "12000", "var.product.eq": "enterprise" }),
  page(`WHERE ${hasVar("budget", "v.num >= 10000 AND v.num <= 12000")} AND ${hasVar("product", "v.text = 'enterprise'")}`),
);
await compare(
  "list, var product equals, 30 days",
  list({ "var.product.eq": "enterprise", from: monthAgo }),
  page(`WHERE c.started_at >= '${monthAgo}' AND ${hasVar("product", "v.text = 'enterprise'")}`),
);
await compare(
  "list, var budget and vendor, 30 days",
  list({ "var.budget.gte": "20000", provider: "unpod", from: monthAgo }),
  page(`WHERE c.provider = 'unpod' AND c.started_at >= '${monthAgo}' AND ${hasVar("budget", "v.num >= 20000")}`),
);

// Totals alone: exact under the cap, an estimate above it.
const total = (q: Record<string, string>) => async () => totalOf(await callQuery(callFiltersSchema.parse(q)));
const capped = (where: string) => `SELECT count(*) FROM (SELECT 1 FROM calls c ${where} LIMIT 10001) x`;
await compare("count, no filter (estimate)", total({}), capped(""));
await compare("count, campaign (estimate)", total({ campaign: "Win-back" }), capped("WHERE lower(c.campaign) = 'win-back'"));
await compare(
  "count, exact (vendor, hot, 7 days)",
  total({ provider: "hooman", hot: "true", period: "7d" }),
  capped("WHERE c.provider = 'hooman' AND c.is_hot AND c.started_at >= current_date - 6"),
);
await compare(
  "count, combined (exact)",
  total({ provider: "unpod", status: "completed", sentiment: "positive", minScore: "60", from: monthAgo }),
  capped(`WHERE c.provider = 'unpod' AND c.status = 'completed' AND c.sentiment = 'positive' AND c.lead_score >= 60 AND c.started_at >= '${monthAgo}'`),
);
await compare("count, var budget at least 20000", total({ "var.budget.gte": "20000" }), capped(`WHERE ${hasVar("budget", "v.num >= 20000")}`));
await compare(
  "count, var budget range and product",
  total({ "var.budget.gte": "10000", "var.budget.lte": "12000", "var.product.eq": "enterprise" }),
  capped(`WHERE ${hasVar("budget", "v.num >= 10000 AND v.num <= 12000")} AND ${hasVar("product", "v.text = 'enterprise'")}`),
);
await compare(
  "count, var budget and vendor, 30 days",
  total({ "var.budget.gte": "20000", provider: "unpod", from: monthAgo }),
  capped(`WHERE c.provider = 'unpod' AND c.started_at >= '${monthAgo}' AND ${hasVar("budget", "v.num >= 20000")}`),
);
await compare(
  "count, var competitor contains (rare)",
  total({ "var.competitor.contains": "zeppelin" }),
  capped(`WHERE ${hasVar("competitor", "v.text LIKE '%zeppelin%'")}`),
);
await compare("count, rare word", total({ q: "zeppelin" }), `SELECT count(*) FROM calls c WHERE ${rareWhere("zeppelin")}`);
await compare(
  "count, common word (estimate)",
  total({ q: "pricing" }),
  `SELECT count(*) FROM ((SELECT id FROM calls WHERE search @@ to_tsquery('simple', 'pricing:*') LIMIT 10001)
   UNION (SELECT call_id FROM transcripts WHERE ${anyone("to_tsquery('simple', 'pricing:*')")} LIMIT 10001)) x`,
);

// Tracker filters (issue 17): a semi-join on call_tracker_hits, from the call side or the tracker's index.
const hitOf = (ids: string[]) =>
  `EXISTS (SELECT 1 FROM call_tracker_hits th WHERE th.call_id = c.id AND th.tracker_id IN (${ids.map((id) => `'${id}'`).join(", ")}))`;
await compare("list, tracker (common)", list({ tracker: trackers.common }), page(`WHERE ${hitOf([trackers.common])}`));
await compare("list, tracker (rare)", list({ tracker: trackers.rare }), page(`WHERE ${hitOf([trackers.rare])}`));
await compare("list, two trackers", list({ tracker: `${trackers.common},${trackers.rare}` }), page(`WHERE ${hitOf([trackers.common, trackers.rare])}`));
await compare(
  "list, tracker, vendor, 30 days",
  list({ tracker: trackers.common, provider: "cllr", from: monthAgo }),
  page(`WHERE ${hitOf([trackers.common])} AND c.provider = 'cllr' AND c.started_at >= '${monthAgo}'`),
);
await compare("count, tracker (common)", total({ tracker: trackers.common }), capped(`WHERE ${hitOf([trackers.common])}`));
// The overview's tracker chart: the trackers' names, their mentions by day, and the connected calls they are a share of.
await compare(
  "overview tracker mentions, 90 days",
  () => trackerStats(90),
  async () => {
    await client.query("SELECT id, name FROM trackers ORDER BY name");
    await client.query(`SELECT day, tracker_id, sum(calls), sum(connected) FROM daily_tracker_stats WHERE day >= current_date - 89 GROUP BY 1, 2`);
    await client.query(`SELECT day, sum(calls) FROM daily_outcome_stats WHERE day >= current_date - 89 AND status = 'completed' GROUP BY day`);
  },
);

// The overview: its charts by day, its figures beside the period before, its vendor and campaign bars.
const overview = (days: number) => async () => {
  await client.query(`SELECT day, sentiment, outcome, day >= current_date - ${days - 1} AS current,
      sum(calls), sum(calls) FILTER (WHERE status = 'completed'), sum(hot_calls), sum(talk_sec)
    FROM daily_outcome_stats WHERE day >= current_date - ${2 * days - 1}
    GROUP BY GROUPING SETS ((day, sentiment), (day, outcome), (day >= current_date - ${days - 1}))`);
  await client.query(`SELECT provider, campaign, sum(calls) FROM daily_source_stats WHERE day >= current_date - ${days - 1}
    GROUP BY GROUPING SETS ((provider), (campaign))`);
};
await compare("overview charts, 30 days", () => getTrends(30), overview(30));
await compare("overview charts, 90 days", () => getTrends(90), overview(90));
await compare("overview charts, 365 days", () => getTrends(365), overview(365));

// The Compare table for a year against the year before, each dimension.
const compareSql = `SELECT day >= current_date - 364 AS current, value, currency, sum(calls), sum(connected), sum(talk_sec), sum(timed_calls),
   sum(agent_talk_ms), sum(customer_talk_ms), sum(meetings), sum(hot_calls), sum(score_sum), sum(positive), sum(negative), sum(rated),
   sum(costed_calls), sum(cost), sum(reviewed), sum(outcome_kept)
   FROM daily_compare_stats WHERE dimension = $1 AND day >= current_date - 729 AND day <= current_date GROUP BY 1, 2, 3`;
for (const [by, dimension] of [
  ["vendor", "provider"],
  ["agent", "agent"],
  ["campaign", "campaign"],
  ["source", "source"],
] as const) {
  await compare(`compare by ${by}, 365 days`, () => getCompare({ by, days: 365 }), compareSql, [dimension]);
}

const ids = (await client.query<{ id: string }>("SELECT id FROM calls TABLESAMPLE SYSTEM (0.1) LIMIT 50")).rows.map((r) => r.id);
// The call's page: the call, its transcript, metrics, trackers, recording's copy and newest raw events; both sides
// read the same calls in turn.
const detailSql = `SELECT c.*, s.slug, t.turns, m.*, ra.*,
    ARRAY(SELECT e.id FROM raw_events e WHERE e.call_id = c.id ORDER BY e.received_at DESC, e.id DESC LIMIT 5) AS raw_event_ids,
    (SELECT count(*) FROM raw_events e WHERE e.call_id = c.id) AS raw_event_count,
    (SELECT json_agg(h.*) FROM call_tracker_hits h WHERE h.call_id = c.id) AS trackers
  FROM calls c JOIN sources s ON s.id = c.source_id LEFT JOIN transcripts t ON t.call_id = c.id
  LEFT JOIN call_metrics m ON m.call_id = c.id LEFT JOIN recording_archives ra ON ra.call_id = c.id WHERE c.id = $1`;
let k = 0;
let j = 0;
await compare(
  "call detail",
  () => getCall(ids[k++ % ids.length]),
  () => client.query(detailSql, [ids[j++ % ids.length]]),
);

console.log(`\n\nQueries on ${CALLS.toLocaleString()} calls (ms; the app's query functions vs hand-written SQL through pg)\n`);
const head = ["query", "app p50", "app p95", "SQL p50", "SQL p95", "p50 ratio", "p95 ratio"];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
for (const r of [head, ...rows]) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));
// The aim (issue 19): p95 under 50 ms at a million calls, under 200 ms at ten million.
const aim = CALLS > 1_000_000 ? 200 : 50;
const slow = rows.filter((r) => Number(r[2]) > aim);
console.log(slow.length ? `\nOver ${aim} ms at p95: ${slow.map((r) => r[0]).join(", ")}` : `\nEvery query under ${aim} ms at p95.`);

await client.end();
// The app's own pools (its query functions used them) close before the database does.
await (await import("@/lib/db/pool")).endPools();
await embedded?.stop();
process.exit(0);
