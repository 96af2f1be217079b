-- Search that finds: word stems in the call's language (English, Russian) beside
-- the exact words ('simple'), which names and other languages keep matching,
-- each speaker's turns searchable on their own, phone numbers, lead score order
-- and case-insensitive campaign and agent filters backed by indexes.

-- The exact words of `plain`, plus the stems of `stemmed` when the language is
-- one Postgres stems. Immutable, so generated columns can use it.
CREATE FUNCTION call_search_vector(lang text, plain text, stemmed text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN to_tsvector('simple', coalesce(plain, '')) || CASE lang
    WHEN 'en' THEN to_tsvector('english', coalesce(stemmed, ''))
    WHEN 'ru' THEN to_tsvector('russian', coalesce(stemmed, ''))
    ELSE ''::tsvector END;

CREATE FUNCTION call_search_vector(lang text, body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN call_search_vector(lang, body, body);

-- AlterTable
ALTER TABLE "calls" ADD COLUMN "language" TEXT;
ALTER TABLE "calls" DROP COLUMN "search";
ALTER TABLE "calls" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  call_search_vector("language", coalesce("customer_name", '') || ' ' || coalesce("summary", ''), "summary")) STORED;
CREATE INDEX "calls_search_idx" ON "calls" USING GIN ("search");
ALTER TABLE "calls" ALTER COLUMN "search" SET STATISTICS 1000;

ALTER TABLE "transcripts" ADD COLUMN "language" TEXT;
ALTER TABLE "transcripts" DROP COLUMN "search";
-- Only the turns' text, capped below tsvector's 1 MB limit.
ALTER TABLE "transcripts" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  call_search_vector("language", left(jsonb_path_query_array("turns", '$[*].text')::text, 500000))) STORED;
ALTER TABLE "transcripts" ADD COLUMN "search_customer" tsvector GENERATED ALWAYS AS (
  call_search_vector("language", left(jsonb_path_query_array("turns", '$[*] ? (@.role == "customer").text')::text, 500000))) STORED;
ALTER TABLE "transcripts" ADD COLUMN "search_agent" tsvector GENERATED ALWAYS AS (
  call_search_vector("language", left(jsonb_path_query_array("turns", '$[*] ? (@.role == "agent").text')::text, 500000))) STORED;
CREATE INDEX "transcripts_search_idx" ON "transcripts" USING GIN ("search");
CREATE INDEX "transcripts_search_customer_idx" ON "transcripts" USING GIN ("search_customer");
CREATE INDEX "transcripts_search_agent_idx" ON "transcripts" USING GIN ("search_agent");
ALTER TABLE "transcripts" ALTER COLUMN "search" SET STATISTICS 1000;
ALTER TABLE "transcripts" ALTER COLUMN "search_customer" SET STATISTICS 1000;
ALTER TABLE "transcripts" ALTER COLUMN "search_agent" SET STATISTICS 1000;

-- CreateIndex
CREATE INDEX "calls_customer_phone_started_at_idx" ON "calls"("customer_phone", "started_at" DESC);

-- CreateIndex
CREATE INDEX "calls_lead_score_started_at_id_idx" ON "calls"("lead_score" DESC, "started_at" DESC, "id" DESC);

-- Case-insensitive filters (lower(x) = lower($1)) and prefix suggestions (LIKE 'x%').
CREATE INDEX "calls_lower_campaign_started_at_idx" ON "calls"(lower("campaign"), "started_at" DESC);
CREATE INDEX "calls_lower_agent_name_started_at_idx" ON "calls"(lower("agent_name"), "started_at" DESC);
CREATE INDEX "calls_lower_agent_id_idx" ON "calls"(lower("agent_id"));
CREATE INDEX "calls_lower_agent_name_prefix_idx" ON "calls"(lower("agent_name") text_pattern_ops);
