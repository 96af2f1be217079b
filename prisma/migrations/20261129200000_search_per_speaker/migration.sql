-- The search vectors of a transcript: one per speaker (the turns of the
-- customer, of the agent, of everyone else), each made of the distinct words of
-- that speaker; a search of the words of anyone matches each word in any of
-- them (lib/calls/search.ts).
--
-- They were generated columns that read the whole transcript twice (all of
-- it, then each speaker apart), with the positions of words, which no search
-- uses: building them was most of the work of the database per webhook (README,
-- bench:ingest). Now the app splits the turns of each speaker into distinct
-- words as it splits what a manager types into a search
-- (lib/calls/search-words.ts) and sends them with the transcript: the database
-- only sorts and stems them. A transcript written any other way (SQL by hand,
-- a bulk load, those stored before this migration) gets its vectors from the
-- trigger below, which reads the turns with the parser of Postgres (an email
-- address stays one word there).
--
-- The text of each speaker is cut to 250,000 bytes: a tsvector holds at most
-- 1 MB, and the cut at 500,000 characters it replaces let a long transcript of
-- distinct words, or of Cyrillic ones (two bytes each), fail the save of the call.

-- A vector of the words given (distinct, lower case), with their stems in the language of the call.
CREATE FUNCTION call_words_vector(lang text, words text[]) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN array_to_tsvector(words) || CASE lang
    WHEN 'en' THEN to_tsvector('english', array_to_string(words, ' '))
    WHEN 'ru' THEN to_tsvector('russian', array_to_string(words, ' '))
    ELSE ''::tsvector END;

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

-- The vector of the turns of one speaker (customer, agent, other), their words read by the parser of Postgres.
CREATE FUNCTION call_turns_vector(lang text, turns jsonb, speaker text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN call_words_vector(lang, tsvector_to_array(to_tsvector('simple', call_search_text((
    SELECT coalesce(string_agg(turn->>'text', ' '), '') FROM jsonb_array_elements(turns) turn
    WHERE CASE speaker WHEN 'other' THEN turn->>'role' NOT IN ('customer', 'agent') ELSE turn->>'role' = speaker END)))));

-- A row inserted without vectors gets them here, whoever writes it. On an
-- update, the connections of the app say they send the vectors with every
-- transcript they change (lib/db/pool.ts): the trigger then leaves them as
-- sent, even when a new version has the same words as the old one.
CREATE FUNCTION transcript_search_vectors() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.search_customer IS NOT NULL THEN
      RETURN NEW; -- brought with the row
    END IF;
  ELSIF current_setting('call_analytics.search_vectors', true) = 'sent'
    OR (NEW.turns IS NOT DISTINCT FROM OLD.turns AND NEW.language IS NOT DISTINCT FROM OLD.language)
    OR NEW.search_customer IS DISTINCT FROM OLD.search_customer
    OR NEW.search_agent IS DISTINCT FROM OLD.search_agent
    OR NEW.search_other IS DISTINCT FROM OLD.search_other THEN
    RETURN NEW; -- sent by the app, nothing searchable changed, or the vectors came with the change
  END IF;
  NEW.search_customer := call_turns_vector(NEW.language, NEW.turns, 'customer');
  NEW.search_agent := call_turns_vector(NEW.language, NEW.turns, 'agent');
  NEW.search_other := call_turns_vector(NEW.language, NEW.turns, 'other');
  RETURN NEW;
END $$;

ALTER TABLE "transcripts"
  DROP COLUMN "search",
  DROP COLUMN "search_customer",
  DROP COLUMN "search_agent",
  ADD COLUMN "search_customer" tsvector,
  ADD COLUMN "search_agent" tsvector,
  ADD COLUMN "search_other" tsvector;

CREATE TRIGGER "transcripts_search_vectors" BEFORE INSERT OR UPDATE ON "transcripts"
  FOR EACH ROW EXECUTE FUNCTION transcript_search_vectors();
-- The transcripts stored so far.
UPDATE "transcripts" SET
  "search_customer" = call_turns_vector("language", "turns", 'customer'),
  "search_agent" = call_turns_vector("language", "turns", 'agent'),
  "search_other" = call_turns_vector("language", "turns", 'other');

CREATE INDEX "transcripts_search_customer_idx" ON "transcripts" USING GIN ("search_customer");
CREATE INDEX "transcripts_search_agent_idx" ON "transcripts" USING GIN ("search_agent");
CREATE INDEX "transcripts_search_other_idx" ON "transcripts" USING GIN ("search_other");
ALTER TABLE "transcripts" ALTER COLUMN "search_customer" SET STATISTICS 1000;
ALTER TABLE "transcripts" ALTER COLUMN "search_agent" SET STATISTICS 1000;
ALTER TABLE "transcripts" ALTER COLUMN "search_other" SET STATISTICS 1000;
ANALYZE "transcripts";
