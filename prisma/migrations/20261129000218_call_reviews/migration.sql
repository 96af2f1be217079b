-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "agent_talk_ms" INTEGER,
ADD COLUMN     "ai_outcome" TEXT,
ADD COLUMN     "ai_sentiment" TEXT,
ADD COLUMN     "customer_talk_ms" INTEGER,
ADD COLUMN     "hot_override" BOOLEAN,
ADD COLUMN     "outcome_override" TEXT,
ADD COLUMN     "review_note" TEXT,
ADD COLUMN     "review_note_at" TIMESTAMPTZ(3),
ADD COLUMN     "review_note_by" UUID,
ADD COLUMN     "reviewed_at" TIMESTAMPTZ(3),
ADD COLUMN     "reviewed_by" UUID,
ADD COLUMN     "sentiment_override" TEXT;

-- CreateIndex
CREATE INDEX "calls_reviewed_at_idx" ON "calls"("reviewed_at" DESC);

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_reviewed_by_fkey" FOREIGN KEY ("reviewed_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_review_note_by_fkey" FOREIGN KEY ("review_note_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Until a reviewer corrects a call, the values in use are the AI's.
UPDATE "calls" SET "ai_outcome" = "outcome", "ai_sentiment" = "sentiment"
WHERE "ai_outcome" IS DISTINCT FROM "outcome" OR "ai_sentiment" IS DISTINCT FROM "sentiment";
