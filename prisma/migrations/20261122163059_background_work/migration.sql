-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "transcript_error" TEXT;

-- CreateTable
CREATE TABLE "source_polls" (
    "source_id" UUID NOT NULL,
    "cursor" JSONB NOT NULL DEFAULT '{}',
    "not_before" TIMESTAMPTZ(3),
    "last_run_at" TIMESTAMPTZ(3),
    "last_success_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "imported_total" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "source_polls_pkey" PRIMARY KEY ("source_id")
);

-- CreateTable
CREATE TABLE "source_alerts" (
    "id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "source_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "source_alerts_resolved_at_opened_at_idx" ON "source_alerts"("resolved_at", "opened_at" DESC);

-- CreateIndex
CREATE INDEX "source_alerts_source_id_kind_resolved_at_idx" ON "source_alerts"("source_id", "kind", "resolved_at");

-- AddForeignKey
ALTER TABLE "source_polls" ADD CONSTRAINT "source_polls_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_alerts" ADD CONSTRAINT "source_alerts_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;
