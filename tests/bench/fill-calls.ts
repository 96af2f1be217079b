import cliProgress from "cli-progress";
import type pg from "pg";
import { callRowsSql, ROLLUPS, storedSums } from "@/lib/rollups/deltas";

// Fills a database with realistic calls inside Postgres (INSERT … SELECT over
// generate_series, in batches), then their transcripts and the daily rollup
// the way the pipeline keeps it. The tables' secondary indexes are dropped
// first and built once at the end (a GIN index built over ten million rows
// takes a fraction of the time of adding each row's entries as it comes), and
// foreign keys are not checked while filling (the rows are made consistent).
// The fill records itself as done only at the end: a fill cut short is
// started again by the next run.

const WORDS = [
  "pricing",
  "demo",
  "contract",
  "renewal",
  "discount",
  "onboarding",
  "support",
  "integration",
  "invoice",
  "trial",
  "team",
  "seats",
  "budget",
  "quarter",
  "manager",
  "approval",
  "security",
  "export",
  "migration",
  "training",
];

/** `count` calls over the last 365 days, three in four in English (stemmed); one in 10,000 mentions "zeppelin" (a rare word to search). */
const FILLED_TABLES = ["calls", "transcripts", "call_variables"];

const progressBar = (what: string) =>
  new cliProgress.SingleBar(
    { format: `  ${what} [{bar}] {percentage}% {value}/{total}`, noTTYOutput: true, notTTYSchedule: 5000 },
    cliProgress.Presets.shades_classic,
  );

/** Whether a fill of `count` calls finished in this database. */
export async function filledWith(client: pg.Client, count: number): Promise<boolean> {
  await client.query("CREATE TABLE IF NOT EXISTS bench_fill (calls bigint NOT NULL, done boolean NOT NULL DEFAULT false)");
  const { rows } = await client.query<{ calls: string }>("SELECT calls FROM bench_fill WHERE done");
  return rows.length > 0 && Number(rows[0].calls) === count;
}

export async function fillCalls(client: pg.Client, count: number, batch = 50_000): Promise<void> {
  await client.query("TRUNCATE bench_fill");
  await client.query(
    "TRUNCATE calls, transcripts, daily_outcome_stats, daily_source_stats, daily_compare_stats, daily_tracker_stats, call_variable_keys CASCADE",
  );
  await client.query("SET session_replication_role = replica");
  await client.query("SET maintenance_work_mem = '1GB'");
  // Indexes dropped by a fill cut short are in bench_fill_indexes already; the others are dropped now.
  await client.query("CREATE TABLE IF NOT EXISTS bench_fill_indexes (name text PRIMARY KEY, def text NOT NULL)");
  await client.query(
    `INSERT INTO bench_fill_indexes (name, def)
     SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
     WHERE t.relname = ANY($1) AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
     ON CONFLICT (name) DO NOTHING`,
    [FILLED_TABLES],
  );
  const { rows: toDrop } = await client.query<{ name: string }>("SELECT name FROM bench_fill_indexes");
  for (const { name } of toDrop) await client.query(`DROP INDEX IF EXISTS ${name}`);

  await client.query("SELECT setseed(0.42)");
  const bar = progressBar("calls");
  bar.start(count, 0);
  for (let start = 1; start <= count; start += batch) {
    const end = Math.min(count, start + batch - 1);
    await client.query(
      `WITH src AS (SELECT array_agg(id ORDER BY slug) AS ids, array_agg(provider ORDER BY slug) AS providers FROM sources),
       g AS (SELECT n, random() AS r1, random() AS r2, random() AS r3, random() AS r4 FROM generate_series($1::int, $2::int) n)
       INSERT INTO calls (id, source_id, provider, external_id, status, started_at, ended_at, duration_sec,
         customer_phone, customer_name, agent_name, campaign, summary, sentiment, outcome, outcome_raw,
         interest_level, lead_score, is_hot, labels, variables, lead_signals, event_at, content_hash, updated_at, language,
         cost_amount, cost_currency, agent_talk_ms, customer_talk_ms, reviewed_at, outcome_override)
       SELECT gen_random_uuid(), src.ids[1 + n % 5], src.providers[1 + n % 5], 'bench-' || n,
         s.status, t.at, t.at + make_interval(secs => d.sec), d.sec,
         '+1202' || lpad((n % 9999999)::text, 7, '0'),
         (ARRAY['Olivia','Liam','Emma','Noah','Ava','Mateo','Sofia','Arjun','Priya','Aigerim'])[1 + (n * 7) % 10] || ' ' ||
         (ARRAY['Johnson','Garcia','Chen','Patel','Kim','Ivanov','Rossi','Okafor','Silva','Brown'])[1 + (n * 13) % 10],
         (ARRAY['Aria','Max','Nova','Leo','Iris','Kai','Zoe','Finn'])[1 + n % 8],
         (ARRAY['Spring Promo','Renewals Q3','Inbound Demo Requests','Auto Loans KZ','Webinar Follow-up','Enterprise Upsell','Win-back','Trial Nurture'])[1 + (n / 7) % 8],
         CASE WHEN s.status = 'completed' THEN
           'Customer asked about ' || ($3::text[])[1 + (n % 20)] || ' and ' || ($3::text[])[1 + ((n / 20) % 20)] ||
           CASE WHEN n % 10000 = 0 THEN ' and mentioned a zeppelin' ELSE '' END END,
         CASE WHEN s.status = 'completed' THEN (ARRAY['positive','positive','neutral','neutral','negative','mixed'])[1 + (r2 * 6)::int % 6] END,
         o.outcome, o.outcome, CASE WHEN s.status = 'completed' THEN (ARRAY['high','medium','low'])[1 + (r3 * 3)::int % 3] END,
         o.score, o.score >= 70, '{}', v.variables, '[]', t.at, md5(n::text), now(),
         CASE WHEN n % 4 <> 0 THEN 'en' END,
         -- Costs: two vendors in INR, one in USD (and in INR for one call in ten), the others none.
         CASE WHEN n % 5 IN (1, 2, 3) THEN round((d.sec * 0.12)::numeric, 2) END,
         CASE WHEN n % 5 IN (1, 2) THEN 'INR' WHEN n % 5 = 3 THEN CASE WHEN n % 10 = 8 THEN 'INR' ELSE 'USD' END END,
         -- Turn timings for two connected calls in three; a review for one call in twenty.
         CASE WHEN s.status = 'completed' AND n % 3 <> 0 THEN (d.sec * 1000 * (0.3 + r2 * 0.4))::int END,
         CASE WHEN s.status = 'completed' AND n % 3 <> 0 THEN (d.sec * 1000 * (0.6 - r2 * 0.4))::int END,
         CASE WHEN n % 20 = 0 THEN t.at + interval '1 day' END,
         CASE WHEN n % 60 = 0 THEN 'other' END
       FROM g CROSS JOIN src
       CROSS JOIN LATERAL (SELECT date_trunc('second', now() - make_interval(secs => (r1 * 365 * 86400)::int)) AS at) t
       CROSS JOIN LATERAL (SELECT CASE WHEN r4 < 0.62 THEN 'completed' WHEN r4 < 0.82 THEN 'no_answer' WHEN r4 < 0.9 THEN 'voicemail'
                                       WHEN r4 < 0.96 THEN 'busy' ELSE 'failed' END AS status) s
       CROSS JOIN LATERAL (SELECT CASE WHEN s.status = 'completed' THEN 20 + (r3 * 400)::int % 400 ELSE 0 END AS sec) d
       CROSS JOIN LATERAL (SELECT CASE WHEN s.status <> 'completed' THEN s.status
              ELSE (ARRAY['meeting_scheduled','interested','callback_requested','not_interested','not_interested','other'])[1 + (r2 * 6)::int % 6] END AS outcome,
              CASE WHEN s.status <> 'completed' THEN 5 ELSE (r3 * 100)::int END AS score) o
       -- Variables as vendors send them: a budget in several formats on half the connected calls, a product on
       -- most, a demo date when a meeting was booked, seats, and a competitor named on one call in a thousand.
       CROSS JOIN LATERAL (SELECT (1 + (r1 * 10000)::int % 50) * 500 AS amount) b
       CROSS JOIN LATERAL (SELECT CASE WHEN s.status <> 'completed' THEN '{}'::jsonb ELSE jsonb_strip_nulls(jsonb_build_object(
         'budget', CASE WHEN n % 2 = 0 THEN CASE (n / 2) % 4 WHEN 0 THEN to_jsonb(b.amount) WHEN 1 THEN to_jsonb('$' || to_char(b.amount, 'FM999,999'))
                   WHEN 2 THEN to_jsonb(b.amount || ' USD') ELSE to_jsonb(to_char(b.amount, 'FM999,999')) END END,
         'product', CASE WHEN n % 7 <> 0 THEN (ARRAY['Starter', 'Pro plan', 'Enterprise', 'Pro plan annual'])[1 + (n / 3) % 4] END,
         'demo_date', CASE WHEN o.outcome = 'meeting_scheduled' THEN to_char(t.at + make_interval(days => 1 + (r3 * 20)::int), 'YYYY-MM-DD') END,
         'seats', CASE WHEN n % 3 = 0 THEN to_jsonb(1 + (r2 * 200)::int) END,
         'competitor', CASE WHEN n % 1000 = 0 THEN 'Zeppelin Dynamics' WHEN n % 10 = 1 THEN 'Acme Corp' END)) END AS variables) v`,
      [start, end, WORDS],
    );
    bar.update(end);
  }
  bar.stop();

  // Variables and transcripts over the calls' pages, a slice at a time (a TID range scan each).
  const { rows: size } = await client.query<{ bytes: string }>("SELECT pg_relation_size('calls') AS bytes");
  const slices = Math.max(1, Math.ceil(count / batch));
  const step = Math.ceil(Number(size[0].bytes) / 8192 / slices);
  const perSlice = async (what: string, sql: (range: string) => string) => {
    const sliceBar = progressBar(what);
    sliceBar.start(slices, 0);
    for (let i = 0; i < slices; i++) {
      await client.query(sql(`c.ctid >= '(${i * step},0)'::tid AND c.ctid < '(${(i + 1) * step},0)'::tid`));
      sliceBar.update(i + 1);
    }
    sliceBar.stop();
  };
  // As the call_variables migration backfills them (and saving keeps them).
  await perSlice(
    "variables",
    (range) => `
    INSERT INTO call_variables (call_id, key, text, num, day, started_at, provider)
    SELECT c.id, e.key, call_variable_text(e.value), call_variable_number(e.value), call_variable_day(e.value), c.started_at, c.provider
    FROM calls c CROSS JOIN LATERAL (
      SELECT key, value FROM jsonb_each(c.variables) WHERE call_variable_key_ok(key) AND call_variable_text(value) <> '' ORDER BY key LIMIT 100) e
    WHERE ${range}`,
  );
  await client.query(`
    INSERT INTO call_variable_keys (source_id, key, calls, numbers, dates, last_seen_at, updated_at)
    SELECT c.source_id, v.key, count(*), count(v.num), count(v.day), max(c.started_at), now()
    FROM call_variables v JOIN calls c ON c.id = v.call_id GROUP BY c.source_id, v.key`);
  await perSlice(
    "transcripts",
    (range) => `
    INSERT INTO transcripts (call_id, turns, language, updated_at)
    SELECT c.id, jsonb_build_array(
      jsonb_build_object('role', 'agent', 'text', 'Hi ' || split_part(c.customer_name, ' ', 1) || ', this is ' || c.agent_name || '. Do you have a minute?'),
      jsonb_build_object('role', 'customer', 'text', 'Sure. ' || c.summary),
      jsonb_build_object('role', 'agent', 'text', 'Thanks, I will follow up about the ' || c.campaign || ' offer.')), c.language, now()
    FROM calls c WHERE c.summary IS NOT NULL AND ${range}`,
  );
  console.log("  variable keys, daily rollups...");
  await client.query(`
    INSERT INTO daily_outcome_stats (day, status, sentiment, outcome, calls, talk_sec, hot_calls)
    SELECT (started_at AT TIME ZONE 'UTC')::date, status, COALESCE(sentiment, ''), COALESCE(outcome, ''),
           count(*), COALESCE(sum(duration_sec), 0), count(*) FILTER (WHERE is_hot)
    FROM calls GROUP BY 1, 2, 3, 4`);
  await client.query(`
    INSERT INTO daily_source_stats (day, provider, campaign, calls, talk_sec, hot_calls)
    SELECT (started_at AT TIME ZONE 'UTC')::date, provider, COALESCE(campaign, ''),
           count(*), COALESCE(sum(duration_sec), 0), count(*) FILTER (WHERE is_hot)
    FROM calls GROUP BY 1, 2, 3`);
  // The Compare rollup, from the rollup's own definition of what a call adds.
  const compare = ROLLUPS.find((r) => r.table === "daily_compare_stats")!;
  const keys = ["day", ...compare.columns];
  const measures = compare.measures.map((m) => m.column);
  await client.query(`
    INSERT INTO daily_compare_stats (${keys.join(", ")}, ${measures.join(", ")})
    SELECT ${keys.map((k) => `m.${k}`).join(", ")}, ${storedSums(compare, "m")}
    FROM (${callRowsSql(compare, "(started_at AT TIME ZONE 'UTC')::date", "NOT is_test")}) AS m (${keys.join(", ")}, ${measures.join(", ")})
    GROUP BY ${keys.map((_, i) => i + 1).join(", ")}`);
  const { rows: dropped } = await client.query<{ name: string; def: string }>("SELECT name, def FROM bench_fill_indexes ORDER BY name");
  for (const [i, { name, def }] of dropped.entries()) {
    console.log(`  index ${i + 1}/${dropped.length}: ${name}`);
    await client.query(def);
    await client.query("DELETE FROM bench_fill_indexes WHERE name = $1", [name]);
  }
  await client.query("SET session_replication_role = DEFAULT");
  console.log("  statistics...");
  await client.query("VACUUM ANALYZE");
  await client.query("INSERT INTO bench_fill (calls, done) VALUES ($1, true)", [count]);
}
