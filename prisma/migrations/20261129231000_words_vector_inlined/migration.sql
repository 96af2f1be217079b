-- call_words_vector was declared IMMUTABLE while its body calls array_to_string,
-- which Postgres declares STABLE: so the planner would not inline it, and every
-- save ran it three times as a function of its own (its body read from the
-- catalog, planned and started for each statement), about a twentieth of the
-- database's work per webhook (bench:ingest). STABLE is what it is; declared so,
-- it is inlined into the saving statement and planned once with it.
ALTER FUNCTION call_words_vector(text, text[]) STABLE;
-- The trigger reads through this one, which calls call_words_vector: STABLE too.
ALTER FUNCTION call_turns_vector(text, jsonb, text) STABLE;
