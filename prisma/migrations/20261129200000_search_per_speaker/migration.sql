-- A transcript's search vectors: one per speaker (the customer's turns, the
-- agent's, everyone else's), so that each turn's words are read once; "Anyone"
-- is their OR (lib/calls/search.ts). The vector of the whole transcript that
-- stood beside the customer's and the agent's read every word a second time:
-- building the vectors was a fifth of the database's work per webhook (README,
-- bench:ingest).
--
-- Each vector's text is cut to 250,000 bytes. A tsvector holds at most 1 MB of
-- words and positions, and call_search_vector keeps each word twice (as
-- written and as its stem): the cut at 500,000 characters it replaces let a
-- long transcript of distinct words, or of Cyrillic ones (two bytes each), fail
-- the call's save. 250,000 bytes is about five hours of talk.
CREATE FUNCTION call_search_text(body text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE
    WHEN octet_length(body) <= 250000 THEN body
    -- As many characters as fit at the bytes per character of the first 250,000 (one script, mostly)...
    WHEN octet_length(left(body, (250000 * 250000::bigint / octet_length(left(body, 250000)))::int)) <= 250000
      THEN left(body, (250000 * 250000::bigint / octet_length(left(body, 250000)))::int)
    -- ...else a number of characters that fits whatever they are (at most four bytes each).
    ELSE left(body, 62500)
  END;

ALTER TABLE "transcripts"
  DROP COLUMN "search",
  DROP COLUMN "search_customer",
  DROP COLUMN "search_agent",
  ADD COLUMN "search_customer" tsvector GENERATED ALWAYS AS (
    call_search_vector("language", call_search_text(jsonb_path_query_array("turns", '$[*] ? (@.role == "customer").text')::text))) STORED,
  ADD COLUMN "search_agent" tsvector GENERATED ALWAYS AS (
    call_search_vector("language", call_search_text(jsonb_path_query_array("turns", '$[*] ? (@.role == "agent").text')::text))) STORED,
  ADD COLUMN "search_other" tsvector GENERATED ALWAYS AS (
    call_search_vector("language", call_search_text(jsonb_path_query_array("turns", '$[*] ? (@.role != "customer" && @.role != "agent").text')::text))) STORED;

CREATE INDEX "transcripts_search_customer_idx" ON "transcripts" USING GIN ("search_customer");
CREATE INDEX "transcripts_search_agent_idx" ON "transcripts" USING GIN ("search_agent");
CREATE INDEX "transcripts_search_other_idx" ON "transcripts" USING GIN ("search_other");
ALTER TABLE "transcripts" ALTER COLUMN "search_customer" SET STATISTICS 1000;
ALTER TABLE "transcripts" ALTER COLUMN "search_agent" SET STATISTICS 1000;
ALTER TABLE "transcripts" ALTER COLUMN "search_other" SET STATISTICS 1000;
