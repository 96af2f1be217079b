-- CreateTable
CREATE TABLE "call_variables" (
    "call_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "num" DECIMAL,
    "day" DATE,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "provider" TEXT NOT NULL,

    CONSTRAINT "call_variables_pkey" PRIMARY KEY ("call_id","key")
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

-- CreateIndex
CREATE INDEX "call_variables_key_text_started_at_call_id_provider_idx" ON "call_variables"("key", "text", "started_at" DESC, "call_id", "provider");

-- CreateIndex
CREATE INDEX "call_variables_key_started_at_call_id_num_day_provider_idx" ON "call_variables"("key", "started_at" DESC, "call_id", "num", "day", "provider");

-- CreateIndex
CREATE INDEX "call_variables_key_num_call_id_idx" ON "call_variables"("key", "num", "call_id");

-- CreateIndex
CREATE INDEX "call_variables_key_day_call_id_idx" ON "call_variables"("key", "day", "call_id");

-- AddForeignKey
ALTER TABLE "call_variables" ADD CONSTRAINT "call_variables_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_variable_keys" ADD CONSTRAINT "call_variable_keys_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- How a stored variable reads, in one place for saving (lib/calls/variables/store.ts) and the backfill below.
-- lib/calls/variables/values.ts reads filter values by the same rules (tests/integration/variable-filters.test.ts checks both agree).

-- A key kept for filtering: 1 to 64 characters, no control characters, no spaces around it.
CREATE FUNCTION call_variable_key_ok(k text) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN char_length(k) BETWEEN 1 AND 64 AND k = btrim(k) AND k !~ '[\x01-\x1f\x7f]';

-- The text form of a scalar value (strings as they are, numbers and booleans as JSON writes them), null for objects, arrays and null.
CREATE FUNCTION call_variable_raw(v jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE jsonb_typeof(v) WHEN 'string' THEN btrim(v #>> '{}') WHEN 'number' THEN v::text WHEN 'boolean' THEN v::text END;

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
    WHEN jsonb_typeof(v) = 'string' AND char_length(btrim(v #>> '{}')) <= 40
      AND btrim(v #>> '{}') ~ '^-?[ \u00A0]?([$€£¥₹₸₽]|[A-Z]{3})?[ \u00A0]?([0-9]{1,3}([, \u00A0\u202F][0-9]{3})+|[0-9]+)([.][0-9]+)?[ \u00A0]?([$€£¥₹₸₽]|[A-Z]{3})?$'
      THEN (CASE WHEN btrim(v #>> '{}') LIKE '-%' THEN -1 ELSE 1 END) * regexp_replace(v #>> '{}', '[^0-9.]', '', 'g')::numeric
  END;

-- A day: an ISO date, alone or starting a date and time ("2026-12-01", "2026-12-01T10:00:00Z"), the day as written.
CREATE FUNCTION call_variable_day(v jsonb) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE WHEN jsonb_typeof(v) = 'string'
      AND btrim(v #>> '{}') ~ '^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?$'
    THEN CASE WHEN substr(btrim(v #>> '{}'), 9, 2)::int
           <= extract(day FROM make_date(substr(btrim(v #>> '{}'), 1, 4)::int, substr(btrim(v #>> '{}'), 6, 2)::int, 1) + interval '1 month' - interval '1 day')
      THEN make_date(substr(btrim(v #>> '{}'), 1, 4)::int, substr(btrim(v #>> '{}'), 6, 2)::int, substr(btrim(v #>> '{}'), 9, 2)::int) END
  END;

-- Contains (LIKE '%x%') finds rare values through trigrams where the server has pg_trgm (shipped with PostgreSQL's
-- contrib, in the embedded server too). Trusted since PostgreSQL 13, so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "call_variables_text_idx" ON "call_variables" USING GIN ("text" gin_trgm_ops);

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

INSERT INTO call_variable_keys (source_id, key, calls, numbers, dates, last_seen_at, updated_at)
SELECT c.source_id, v.key, count(*), count(v.num), count(v.day), max(c.started_at), now()
FROM call_variables v JOIN calls c ON c.id = v.call_id
GROUP BY c.source_id, v.key;
