-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "agent_name_raw" TEXT,
ADD COLUMN     "line" TEXT;

-- Calls saved before aliases existed carry the vendor's name in agent_name.
UPDATE "calls" SET "agent_name_raw" = "agent_name" WHERE "agent_name" IS NOT NULL;
