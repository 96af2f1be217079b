-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "is_test" BOOLEAN NOT NULL DEFAULT false;
