-- AlterTable
ALTER TABLE "alert_rules" ADD COLUMN     "last_detail" TEXT,
ADD COLUMN     "last_error" TEXT;

-- AlterTable
ALTER TABLE "metric_alerts" ADD COLUMN     "cleared_mail_at" TIMESTAMPTZ(3),
ADD COLUMN     "email" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "mail_error" TEXT,
ADD COLUMN     "opened_mail_at" TIMESTAMPTZ(3);
