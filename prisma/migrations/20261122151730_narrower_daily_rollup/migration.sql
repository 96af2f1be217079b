-- The rollup loses the agent dimension (no chart groups by it) and its shards:
-- both multiplied its rows until it was nearly as large as calls. Existing
-- buckets would collide under the new key, so the rollup is rebuilt from calls.
DELETE FROM "daily_call_stats";

-- AlterTable
ALTER TABLE "daily_call_stats" DROP CONSTRAINT "daily_call_stats_pkey",
DROP COLUMN "agent",
DROP COLUMN "shard",
ADD CONSTRAINT "daily_call_stats_pkey" PRIMARY KEY ("day", "provider", "campaign", "status", "sentiment", "outcome");

INSERT INTO "daily_call_stats" ("day", "provider", "campaign", "status", "sentiment", "outcome", "calls", "talk_sec", "hot_calls")
SELECT ("started_at" AT TIME ZONE 'UTC')::date, "provider", COALESCE("campaign", ''), "status", COALESCE("sentiment", ''),
       COALESCE("outcome", ''), count(*), COALESCE(sum("duration_sec"), 0), count(*) FILTER (WHERE "is_hot")
FROM "calls" GROUP BY 1, 2, 3, 4, 5, 6;
