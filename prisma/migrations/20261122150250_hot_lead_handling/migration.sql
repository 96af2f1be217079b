-- DropIndex
DROP INDEX "calls_is_hot_lead_score_idx";

-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "handled_at" TIMESTAMPTZ(3),
ADD COLUMN     "handled_by" UUID;

-- CreateIndex
CREATE INDEX "calls_is_hot_handled_at_lead_score_idx" ON "calls"("is_hot", "handled_at", "lead_score" DESC);
