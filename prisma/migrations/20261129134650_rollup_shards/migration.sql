-- Rollup rows striped over shards (lib/rollups/shards.ts): concurrent saves of one busy key (today, one vendor)
-- write different rows instead of waiting for each other's commit. Existing rows are shard 0.
-- AlterTable
ALTER TABLE "daily_compare_stats" DROP CONSTRAINT "daily_compare_stats_pkey",
ADD COLUMN     "shard" SMALLINT NOT NULL DEFAULT 0,
ADD CONSTRAINT "daily_compare_stats_pkey" PRIMARY KEY ("dimension", "day", "value", "currency", "shard");

-- AlterTable
ALTER TABLE "daily_outcome_stats" DROP CONSTRAINT "daily_outcome_stats_pkey",
ADD COLUMN     "shard" SMALLINT NOT NULL DEFAULT 0,
ADD CONSTRAINT "daily_outcome_stats_pkey" PRIMARY KEY ("day", "status", "sentiment", "outcome", "shard");

-- AlterTable
ALTER TABLE "daily_source_stats" DROP CONSTRAINT "daily_source_stats_pkey",
ADD COLUMN     "shard" SMALLINT NOT NULL DEFAULT 0,
ADD CONSTRAINT "daily_source_stats_pkey" PRIMARY KEY ("day", "provider", "campaign", "shard");

-- AlterTable
ALTER TABLE "daily_tracker_stats" DROP CONSTRAINT "daily_tracker_stats_pkey",
ADD COLUMN     "shard" SMALLINT NOT NULL DEFAULT 0,
ADD CONSTRAINT "daily_tracker_stats_pkey" PRIMARY KEY ("tracker_id", "day", "shard");
