-- CreateEnum
CREATE TYPE "TalkTiming" AS ENUM ('vendor', 'estimated');

-- CreateTable
CREATE TABLE "call_metrics" (
    "call_id" UUID NOT NULL,
    "agent_talk_ms" INTEGER NOT NULL,
    "customer_talk_ms" INTEGER NOT NULL,
    "longest_monologue_ms" INTEGER NOT NULL,
    "longest_customer_ms" INTEGER NOT NULL,
    "interruptions" INTEGER,
    "silence_ms" INTEGER,
    "agent_questions" INTEGER NOT NULL,
    "words" INTEGER NOT NULL,
    "words_per_minute" INTEGER,
    "timing" "TalkTiming" NOT NULL,
    "version" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "call_metrics_pkey" PRIMARY KEY ("call_id")
);

-- AddForeignKey
ALTER TABLE "call_metrics" ADD CONSTRAINT "call_metrics_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;
