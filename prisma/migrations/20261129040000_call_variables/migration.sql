-- CreateTable
CREATE TABLE "call_variables" (
    "call_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "num" DECIMAL,
    "day" DATE,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "provider" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "call_variable_keys" (
    "source_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "numbers" INTEGER NOT NULL DEFAULT 0,
    "dates" INTEGER NOT NULL DEFAULT 0,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "call_variable_keys_pkey" PRIMARY KEY ("source_id","key")
);

-- AddForeignKey
ALTER TABLE "call_variable_keys" ADD CONSTRAINT "call_variable_keys_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- How a stored variable reads, in one place for saving (lib/calls/variables/store.ts) and the backfill below.
-- lib/calls/variables/values.ts reads filter values by the same rules (tests/integration/variable-filters.test.ts checks both agree).

-- Spaces around a key or value: what JavaScript's trim() strips (tabs, line breaks, every Unicode space), so
-- that a key kept here is one the filters accept and a value reads as the same value typed into a filter.
CREATE FUNCTION call_variable_trim(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN btrim(t, E' \t\n\u000B\f\r\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF');

-- A key kept for filtering: 1 to 64 characters, no control characters, no spaces around it.
CREATE FUNCTION call_variable_key_ok(k text) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN char_length(k) BETWEEN 1 AND 64 AND k = call_variable_trim(k) AND k !~ '[\x01-\x1f\x7f]';

-- The text form of a scalar value (strings as they are, numbers and booleans as JSON writes them), null for objects, arrays and null.
CREATE FUNCTION call_variable_raw(v jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE jsonb_typeof(v) WHEN 'string' THEN call_variable_trim(v #>> '{}') WHEN 'number' THEN v::text WHEN 'boolean' THEN v::text END;

-- Lower-cased and capped for equals and contains.
CREATE FUNCTION call_variable_text(v jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN lower(left(call_variable_raw(v), 500));

-- A number: a JSON number, or text that is a plain number with an optional minus, thousands separated by
-- commas or spaces, a decimal point, and one currency symbol or upper-case three-letter code before or after
-- ("5000", "5,000", "5 000", "$5000", "5000 USD", "-12.5"). Nothing else ("5k", "5.000,00", "about 5000").
CREATE FUNCTION call_variable_number(v jsonb) RETURNS numeric
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE
    WHEN jsonb_typeof(v) = 'number' THEN v::text::numeric
    WHEN jsonb_typeof(v) = 'string' AND char_length(call_variable_trim(v #>> '{}')) <= 40
      AND call_variable_trim(v #>> '{}') ~ '^-?[ \u00A0]?([$€£¥₹₸₽]|[A-Z]{3})?[ \u00A0]?([0-9]{1,3}([, \u00A0\u202F][0-9]{3})+|[0-9]+)([.][0-9]+)?[ \u00A0]?([$€£¥₹₸₽]|[A-Z]{3})?$'
      THEN (CASE WHEN call_variable_trim(v #>> '{}') LIKE '-%' THEN -1 ELSE 1 END) * regexp_replace(v #>> '{}', '[^0-9.]', '', 'g')::numeric
  END;

-- A day: an ISO date, alone or starting a date and time ("2026-12-01", "2026-12-01T10:00:00Z"), the day as written.
CREATE FUNCTION call_variable_day(v jsonb) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE WHEN jsonb_typeof(v) = 'string'
      AND call_variable_trim(v #>> '{}') ~ '^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?$'
    THEN CASE WHEN substr(call_variable_trim(v #>> '{}'), 9, 2)::int
           <= extract(day FROM make_date(substr(call_variable_trim(v #>> '{}'), 1, 4)::int, substr(call_variable_trim(v #>> '{}'), 6, 2)::int, 1) + interval '1 month' - interval '1 day')
      THEN make_date(substr(call_variable_trim(v #>> '{}'), 1, 4)::int, substr(call_variable_trim(v #>> '{}'), 6, 2)::int, substr(call_variable_trim(v #>> '{}'), 9, 2)::int) END
  END;

-- Contains (LIKE '%x%') finds rare values through trigrams: needs pg_trgm (shipped with PostgreSQL's contrib, in
-- the embedded server too). Trusted since PostgreSQL 13, so the database owner may create it (see README).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Estimates per key: a value's share among one key's values (budget beside seats), so that the planner picks
-- between walking the newest calls and reading a filter's matches first.
CREATE STATISTICS "call_variables_key_text_stats" (mcv) ON "key", "text" FROM "call_variables";
CREATE STATISTICS "call_variables_key_num_stats" (mcv) ON "key", "num" FROM "call_variables";
CREATE STATISTICS "call_variables_key_day_stats" (mcv) ON "key", "day" FROM "call_variables";

-- Backfill from stored calls: at most 100 keys a call, in key order, as saving does.
INSERT INTO call_variables (call_id, key, text, num, day, started_at, provider)
SELECT c.id, e.key, call_variable_text(e.value), call_variable_number(e.value), call_variable_day(e.value), c.started_at, c.provider
FROM calls c CROSS JOIN LATERAL (
  SELECT key, value FROM jsonb_each(CASE WHEN jsonb_typeof(c.variables) = 'object' THEN c.variables ELSE '{}' END)
  WHERE call_variable_key_ok(key) AND call_variable_text(value) <> '' ORDER BY key LIMIT 100) e;

-- The keys the filter bar offers: at most 500 a source, the most used (as saving keeps them, MAX_KEYS_PER_SOURCE).
INSERT INTO call_variable_keys (source_id, key, calls, numbers, dates, last_seen_at, updated_at)
SELECT source_id, key, calls, numbers, dates, last_seen_at, now()
FROM (
  SELECT c.source_id, v.key, count(*) AS calls, count(v.num) AS numbers, count(v.day) AS dates, max(c.started_at) AS last_seen_at,
    row_number() OVER (PARTITION BY c.source_id ORDER BY count(*) DESC, v.key) AS rank
  FROM call_variables v JOIN calls c ON c.id = v.call_id
  GROUP BY c.source_id, v.key) k
WHERE rank <= 500;

-- Keys and indexes after the backfill: built and checked once over the rows, faster than kept up row by row on a
-- million calls.
ALTER TABLE "call_variables" ADD CONSTRAINT "call_variables_pkey" PRIMARY KEY ("call_id","key");
ALTER TABLE "call_variables" ADD CONSTRAINT "call_variables_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "call_variables_key_text_started_at_call_id_provider_idx" ON "call_variables"("key", "text", "started_at" DESC, "call_id", "provider");
CREATE INDEX "call_variables_key_started_at_call_id_num_day_provider_idx" ON "call_variables"("key", "started_at" DESC, "call_id", "num", "day", "provider");
CREATE INDEX "call_variables_key_num_call_id_idx" ON "call_variables"("key", "num", "call_id");
CREATE INDEX "call_variables_key_day_call_id_idx" ON "call_variables"("key", "day", "call_id");
CREATE INDEX "call_variables_text_idx" ON "call_variables" USING GIN ("text" gin_trgm_ops);

-- The planner's estimates (and the per-key statistics above) from the start, not from the first autovacuum.
ANALYZE call_variables;
