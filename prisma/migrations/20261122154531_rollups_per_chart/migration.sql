-- One narrow rollup per kind of chart instead of one wide one: the wide one
-- held ~400 rows a day, too many for a year's overview. Both are filled from
-- calls, then the wide one goes.

-- CreateTable
CREATE TABLE "daily_outcome_stats" (
    "day" DATE NOT NULL,
    "status" TEXT NOT NULL,
    "sentiment" TEXT NOT NULL DEFAULT '',
    "outcome" TEXT NOT NULL DEFAULT '',
    "calls" INTEGER NOT NULL DEFAULT 0,
    "talk_sec" BIGINT NOT NULL DEFAULT 0,
    "hot_calls" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "daily_outcome_stats_pkey" PRIMARY KEY ("day","status","sentiment","outcome")
);

-- CreateTable
CREATE TABLE "daily_source_stats" (
    "day" DATE NOT NULL,
    "provider" TEXT NOT NULL,
    "campaign" TEXT NOT NULL DEFAULT '',
    "calls" INTEGER NOT NULL DEFAULT 0,
    "talk_sec" BIGINT NOT NULL DEFAULT 0,
    "hot_calls" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "daily_source_stats_pkey" PRIMARY KEY ("day","provider","campaign")
);

INSERT INTO "daily_outcome_stats" ("day", "status", "sentiment", "outcome", "calls", "talk_sec", "hot_calls")
SELECT ("started_at" AT TIME ZONE 'UTC')::date, "status", COALESCE("sentiment", ''), COALESCE("outcome", ''),
       count(*), COALESCE(sum("duration_sec"), 0), count(*) FILTER (WHERE "is_hot")
FROM "calls" GROUP BY 1, 2, 3, 4;

INSERT INTO "daily_source_stats" ("day", "provider", "campaign", "calls", "talk_sec", "hot_calls")
SELECT ("started_at" AT TIME ZONE 'UTC')::date, "provider", COALESCE("campaign", ''),
       count(*), COALESCE(sum("duration_sec"), 0), count(*) FILTER (WHERE "is_hot")
FROM "calls" GROUP BY 1, 2, 3;

-- DropTable
DROP TABLE "daily_call_stats";
