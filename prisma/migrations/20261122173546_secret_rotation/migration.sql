-- AlterTable
ALTER TABLE "sources" ADD COLUMN     "previous_secret_expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "previous_secret_hash" TEXT;
