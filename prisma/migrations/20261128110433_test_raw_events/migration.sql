-- AlterTable
ALTER TABLE "raw_events" ADD COLUMN     "is_test" BOOLEAN NOT NULL DEFAULT false;
