-- One full-text vector per transcript instead of three: each speaker's words carry a weight (the customer's A,
-- the agent's B, any other turn's none), so a search in one speaker's turns asks for that weight
-- ('price':A) from the same vector and index. Every webhook with a transcript tokenized its text twice over
-- (all of it, then each speaker's) into three GIN indexes: half the database's work for a 10 KB transcript
-- (bench:ingest, README).

-- At most 500,000 characters in all, the customer's first, so the vector stays under tsvector's 1 MB limit.
CREATE FUNCTION transcript_search_vector(lang text, turns jsonb) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN (
    SELECT setweight(call_search_vector(lang, left(customer, 500000)), 'A')
        || setweight(call_search_vector(lang, left(agent, greatest(0, 500000 - length(customer)))), 'B')
        || call_search_vector(lang, left(other, greatest(0, 500000 - length(customer) - length(agent))))
    FROM (SELECT jsonb_path_query_array(turns, '$[*] ? (@.role == "customer").text')::text AS customer,
                 jsonb_path_query_array(turns, '$[*] ? (@.role == "agent").text')::text AS agent,
                 jsonb_path_query_array(turns, '$[*] ? (@.role != "customer" && @.role != "agent").text')::text AS other) parts);

DROP INDEX "transcripts_search_customer_idx";
DROP INDEX "transcripts_search_agent_idx";
DROP INDEX "transcripts_search_idx";
ALTER TABLE "transcripts" DROP COLUMN "search_customer", DROP COLUMN "search_agent", DROP COLUMN "search";
ALTER TABLE "transcripts" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (transcript_search_vector("language", "turns")) STORED;
CREATE INDEX "transcripts_search_idx" ON "transcripts" USING GIN ("search");
ALTER TABLE "transcripts" ALTER COLUMN "search" SET STATISTICS 1000;
