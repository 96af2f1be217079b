-- CreateTable
CREATE TABLE "daily_compare_stats" (
    "day" DATE NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL DEFAULT '',
    "currency" TEXT NOT NULL DEFAULT '',
    "calls" INTEGER NOT NULL DEFAULT 0,
    "connected" INTEGER NOT NULL DEFAULT 0,
    "talk_sec" BIGINT NOT NULL DEFAULT 0,
    "timed_calls" INTEGER NOT NULL DEFAULT 0,
    "agent_talk_ms" BIGINT NOT NULL DEFAULT 0,
    "customer_talk_ms" BIGINT NOT NULL DEFAULT 0,
    "meetings" INTEGER NOT NULL DEFAULT 0,
    "hot_calls" INTEGER NOT NULL DEFAULT 0,
    "score_sum" BIGINT NOT NULL DEFAULT 0,
    "positive" INTEGER NOT NULL DEFAULT 0,
    "negative" INTEGER NOT NULL DEFAULT 0,
    "rated" INTEGER NOT NULL DEFAULT 0,
    "costed_calls" INTEGER NOT NULL DEFAULT 0,
    "cost" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "reviewed" INTEGER NOT NULL DEFAULT 0,
    "outcome_kept" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "daily_compare_stats_pkey" PRIMARY KEY ("dimension","day","value","currency")
);

-- Talk time by side for calls saved before it was kept, from their stored
-- transcripts, by the rule of lib/calls/talk-time.ts: only when every turn
-- has a time (atMs) and the call a length: a turn lasts until the next one
-- starts (the last until the call ends), times past the end count as the end.
WITH timed AS (
    SELECT c."id", c."duration_sec" * 1000 AS "end_ms", t."turns"
    FROM "calls" c JOIN "transcripts" t ON t."call_id" = c."id"
    WHERE c."agent_talk_ms" IS NULL AND c."customer_talk_ms" IS NULL AND c."duration_sec" > 0
      AND jsonb_typeof(t."turns") = 'array' AND jsonb_array_length(t."turns") > 0
      AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(t."turns") e WHERE jsonb_typeof(e -> 'atMs') IS DISTINCT FROM 'number')
), turns AS (
    SELECT timed."id", e.value ->> 'role' AS "role",
           LEAST((e.value ->> 'atMs')::numeric, timed."end_ms") AS "start_ms",
           -- LEAST skips the NULL that lead() gives the last turn: it lasts until the call ends.
           LEAST(lead((e.value ->> 'atMs')::numeric) OVER (PARTITION BY timed."id" ORDER BY e.n), timed."end_ms") AS "next_ms"
    FROM timed CROSS JOIN LATERAL jsonb_array_elements(timed."turns") WITH ORDINALITY AS e(value, n)
), talk AS (
    SELECT "id",
           round(COALESCE(sum(GREATEST(0, "next_ms" - "start_ms")) FILTER (WHERE "role" = 'agent'), 0))::int AS "agent_ms",
           round(COALESCE(sum(GREATEST(0, "next_ms" - "start_ms")) FILTER (WHERE "role" = 'customer'), 0))::int AS "customer_ms"
    FROM turns GROUP BY "id"
)
UPDATE "calls" c SET "agent_talk_ms" = talk."agent_ms", "customer_talk_ms" = talk."customer_ms"
FROM talk WHERE c."id" = talk."id" AND talk."agent_ms" + talk."customer_ms" > 0;

-- Every call so far, on its day in the zone of the rollups (lib/rollups/zone.ts, a
-- re-bucketing in progress included), once per dimension.
INSERT INTO "daily_compare_stats" ("day", "dimension", "value", "currency", "calls", "connected", "talk_sec", "timed_calls",
    "agent_talk_ms", "customer_talk_ms", "meetings", "hot_calls", "score_sum", "positive", "negative", "rated",
    "costed_calls", "cost", "reviewed", "outcome_kept")
SELECT (c."started_at" AT TIME ZONE CASE
          WHEN rz.value ->> 'to' IS NOT NULL AND c."started_at" < (rz.value ->> 'boundary')::timestamptz THEN rz.value ->> 'to'
          ELSE COALESCE(rz.value ->> 'zone', 'UTC') END)::date,
       cmp."dimension", cmp."value",
       CASE WHEN c."cost_amount" IS NULL THEN '' ELSE COALESCE(c."cost_currency", '') END,
       count(*),
       count(*) FILTER (WHERE c."status" = 'completed'),
       COALESCE(sum(c."duration_sec") FILTER (WHERE c."status" = 'completed'), 0),
       count(*) FILTER (WHERE c."agent_talk_ms" IS NOT NULL AND c."customer_talk_ms" IS NOT NULL),
       COALESCE(sum(c."agent_talk_ms") FILTER (WHERE c."agent_talk_ms" IS NOT NULL AND c."customer_talk_ms" IS NOT NULL), 0),
       COALESCE(sum(c."customer_talk_ms") FILTER (WHERE c."agent_talk_ms" IS NOT NULL AND c."customer_talk_ms" IS NOT NULL), 0),
       count(*) FILTER (WHERE c."outcome" = 'meeting_scheduled'),
       count(*) FILTER (WHERE c."is_hot"),
       sum(c."lead_score"),
       count(*) FILTER (WHERE c."sentiment" = 'positive'),
       count(*) FILTER (WHERE c."sentiment" = 'negative'),
       count(*) FILTER (WHERE c."sentiment" IS NOT NULL),
       count(*) FILTER (WHERE c."cost_amount" IS NOT NULL),
       COALESCE(sum(c."cost_amount"), 0),
       count(*) FILTER (WHERE c."reviewed_at" IS NOT NULL),
       count(*) FILTER (WHERE c."reviewed_at" IS NOT NULL AND c."outcome_override" IS NULL)
FROM "calls" c
LEFT JOIN "settings" rz ON rz."key" = 'rollupZone'
CROSS JOIN LATERAL (VALUES ('provider', c."provider"), ('agent', COALESCE(c."agent_name", '')),
                           ('campaign', COALESCE(c."campaign", '')), ('source', c."source_id"::text)) AS cmp ("dimension", "value")
WHERE NOT c."is_test"
GROUP BY 1, 2, 3, 4;
