-- CreateEnum
CREATE TYPE "recording_archive_status" AS ENUM ('pending', 'stored', 'failed', 'deleted');

-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "transcript_deleted_after_days" INTEGER,
ADD COLUMN     "transcript_deleted_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "sources" ADD COLUMN     "recording_retention_days" INTEGER,
ADD COLUMN     "transcript_retention_days" INTEGER;

-- CreateTable
CREATE TABLE "recording_archives" (
    "call_id" UUID NOT NULL,
    "status" "recording_archive_status" NOT NULL DEFAULT 'pending',
    "storage_key" TEXT,
    "sha256" TEXT,
    "content_type" TEXT,
    "bytes" INTEGER,
    "duration_ms" INTEGER,
    "levels" JSONB NOT NULL DEFAULT '[]',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "archived_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),
    "deleted_after_days" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recording_archives_pkey" PRIMARY KEY ("call_id")
);

-- CreateIndex
CREATE INDEX "recording_archives_status_idx" ON "recording_archives"("status");

-- CreateIndex
CREATE INDEX "recording_archives_storage_key_idx" ON "recording_archives"("storage_key");

-- AddForeignKey
ALTER TABLE "recording_archives" ADD CONSTRAINT "recording_archives_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;
