-- AlterTable
ALTER TABLE "deliveries" ADD COLUMN     "metric_alert_id" UUID;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "time_zone" TEXT;

-- CreateTable
CREATE TABLE "saved_views" (
    "id" UUID NOT NULL,
    "owner_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "page" TEXT NOT NULL DEFAULT 'calls',
    "query" TEXT NOT NULL DEFAULT '',
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "saved_views_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "digest_subscriptions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "frequency" TEXT NOT NULL DEFAULT 'daily',
    "weekday" INTEGER NOT NULL DEFAULT 1,
    "send_at" TEXT NOT NULL DEFAULT '08:00',
    "view_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "email" BOOLEAN NOT NULL DEFAULT true,
    "slack_destination_id" UUID,
    "slack_webhook_url" TEXT,
    "unsubscribe_token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "digest_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "digest_sends" (
    "id" UUID NOT NULL,
    "subscription_id" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'sending',
    "email_sent_at" TIMESTAMPTZ(3),
    "slack_sent_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "digest_sends_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_rules" (
    "id" UUID NOT NULL,
    "owner_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "view_id" UUID,
    "metric" TEXT NOT NULL,
    "tracker_id" UUID,
    "source_id" UUID,
    "window_minutes" INTEGER NOT NULL,
    "comparison" TEXT NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "min_count" INTEGER NOT NULL DEFAULT 10,
    "cooldown_minutes" INTEGER NOT NULL DEFAULT 60,
    "email" BOOLEAN NOT NULL DEFAULT true,
    "destination_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "last_evaluated_at" TIMESTAMPTZ(3),
    "last_value" DOUBLE PRECISION,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metric_alerts" (
    "id" UUID NOT NULL,
    "rule_id" UUID NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "value" DOUBLE PRECISION NOT NULL,
    "previous" DOUBLE PRECISION,
    "cleared_value" DOUBLE PRECISION,
    "detail" TEXT NOT NULL,

    CONSTRAINT "metric_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "saved_views_shared_idx" ON "saved_views"("shared");

-- CreateIndex
CREATE UNIQUE INDEX "saved_views_owner_id_name_key" ON "saved_views"("owner_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "digest_subscriptions_user_id_key" ON "digest_subscriptions"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "digest_subscriptions_unsubscribe_token_key" ON "digest_subscriptions"("unsubscribe_token");

-- CreateIndex
CREATE UNIQUE INDEX "digest_sends_subscription_id_period_key" ON "digest_sends"("subscription_id", "period");

-- CreateIndex
CREATE INDEX "alert_rules_enabled_idx" ON "alert_rules"("enabled");

-- CreateIndex
CREATE INDEX "metric_alerts_rule_id_opened_at_idx" ON "metric_alerts"("rule_id", "opened_at" DESC);

-- CreateIndex
CREATE INDEX "metric_alerts_resolved_at_opened_at_idx" ON "metric_alerts"("resolved_at", "opened_at" DESC);

-- AddForeignKey
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "digest_subscriptions" ADD CONSTRAINT "digest_subscriptions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "digest_sends" ADD CONSTRAINT "digest_sends_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "digest_subscriptions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_view_id_fkey" FOREIGN KEY ("view_id") REFERENCES "saved_views"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metric_alerts" ADD CONSTRAINT "metric_alerts_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- At most one open alert per rule, whichever worker evaluates it (lib/alerts).
CREATE UNIQUE INDEX "metric_alerts_one_open_per_rule" ON "metric_alerts"("rule_id") WHERE "resolved_at" IS NULL;

-- Deliveries of a metric alert are found by it (its history shows where it went).
CREATE INDEX "deliveries_metric_alert_id_idx" ON "deliveries"("metric_alert_id") WHERE "metric_alert_id" IS NOT NULL;
