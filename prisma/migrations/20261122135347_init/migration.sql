-- CreateEnum
CREATE TYPE "raw_event_status" AS ENUM ('received', 'stored', 'duplicate', 'rejected', 'failed');

-- CreateEnum
CREATE TYPE "role" AS ENUM ('admin', 'manager');

-- CreateTable
CREATE TABLE "sources" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "default_region" TEXT NOT NULL DEFAULT 'US',
    "settings" JSONB NOT NULL DEFAULT '{}',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "raw_events" (
    "id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "method" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "query" JSONB NOT NULL,
    "body" BYTEA NOT NULL,
    "status" "raw_event_status" NOT NULL DEFAULT 'received',
    "error" TEXT,
    "external_id" TEXT,
    "call_id" UUID,
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "raw_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calls" (
    "id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "group_key" TEXT,
    "attempt" INTEGER,
    "direction" TEXT,
    "status" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "duration_sec" INTEGER,
    "billed_sec" INTEGER,
    "contact_id" UUID,
    "customer_phone" TEXT,
    "customer_name" TEXT,
    "customer_email" TEXT,
    "customer_company" TEXT,
    "agent_name" TEXT,
    "agent_id" TEXT,
    "campaign" TEXT,
    "recording_url" TEXT,
    "recording_key" TEXT,
    "transcript_url" TEXT,
    "summary" TEXT,
    "sentiment" TEXT,
    "outcome" TEXT,
    "outcome_raw" TEXT,
    "interest_level" TEXT,
    "score" DOUBLE PRECISION,
    "labels" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "next_action" TEXT,
    "callback_at" TIMESTAMPTZ(3),
    "variables" JSONB NOT NULL DEFAULT '{}',
    "cost_amount" DECIMAL(12,4),
    "cost_currency" TEXT,
    "lead_score" INTEGER NOT NULL DEFAULT 0,
    "lead_signals" JSONB NOT NULL DEFAULT '[]',
    "is_hot" BOOLEAN NOT NULL DEFAULT false,
    "event_at" TIMESTAMPTZ(3) NOT NULL,
    "content_hash" TEXT NOT NULL,
    "search" tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce("customer_name", '') || ' ' || coalesce("summary", ''))) STORED,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "calls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transcripts" (
    "call_id" UUID NOT NULL,
    "turns" JSONB NOT NULL,
    -- Only the turns' text, capped below tsvector's 1 MB limit.
    "search" tsvector GENERATED ALWAYS AS (to_tsvector('simple', left(jsonb_path_query_array("turns", '$[*].text')::text, 500000))) STORED,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "transcripts_pkey" PRIMARY KEY ("call_id")
);

-- CreateTable
CREATE TABLE "contacts" (
    "id" UUID NOT NULL,
    "phone" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "company" TEXT,
    "first_call_at" TIMESTAMPTZ(3) NOT NULL,
    "last_call_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "contacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "password_hash" TEXT NOT NULL,
    "role" "role" NOT NULL DEFAULT 'manager',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "daily_call_stats" (
    "day" DATE NOT NULL,
    "provider" TEXT NOT NULL,
    "campaign" TEXT NOT NULL DEFAULT '',
    "agent" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL,
    "sentiment" TEXT NOT NULL DEFAULT '',
    "outcome" TEXT NOT NULL DEFAULT '',
    "shard" SMALLINT NOT NULL DEFAULT 0,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "talk_sec" BIGINT NOT NULL DEFAULT 0,
    "hot_calls" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "daily_call_stats_pkey" PRIMARY KEY ("day","provider","campaign","agent","status","sentiment","outcome","shard")
);

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "sources_slug_key" ON "sources"("slug");

-- CreateIndex
CREATE INDEX "raw_events_source_id_received_at_idx" ON "raw_events"("source_id", "received_at" DESC);

-- CreateIndex
CREATE INDEX "raw_events_status_received_at_idx" ON "raw_events"("status", "received_at" DESC);

-- CreateIndex
CREATE INDEX "raw_events_call_id_idx" ON "raw_events"("call_id");

-- CreateIndex
CREATE INDEX "calls_started_at_id_idx" ON "calls"("started_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "calls_provider_started_at_idx" ON "calls"("provider", "started_at" DESC);

-- CreateIndex
CREATE INDEX "calls_status_started_at_idx" ON "calls"("status", "started_at" DESC);

-- CreateIndex
CREATE INDEX "calls_sentiment_started_at_idx" ON "calls"("sentiment", "started_at" DESC);

-- CreateIndex
CREATE INDEX "calls_outcome_started_at_idx" ON "calls"("outcome", "started_at" DESC);

-- CreateIndex
CREATE INDEX "calls_campaign_started_at_idx" ON "calls"("campaign", "started_at" DESC);

-- CreateIndex
CREATE INDEX "calls_agent_name_started_at_idx" ON "calls"("agent_name", "started_at" DESC);

-- CreateIndex
CREATE INDEX "calls_is_hot_lead_score_idx" ON "calls"("is_hot", "lead_score" DESC);

-- CreateIndex
CREATE INDEX "calls_contact_id_started_at_idx" ON "calls"("contact_id", "started_at" DESC);

-- CreateIndex
CREATE INDEX "calls_group_key_idx" ON "calls"("group_key");

-- CreateIndex
CREATE INDEX "calls_search_idx" ON "calls" USING GIN ("search");

-- CreateIndex
CREATE UNIQUE INDEX "calls_source_id_external_id_key" ON "calls"("source_id", "external_id");

-- CreateIndex
CREATE INDEX "transcripts_search_idx" ON "transcripts" USING GIN ("search");

-- CreateIndex
CREATE UNIQUE INDEX "contacts_phone_key" ON "contacts"("phone");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- AddForeignKey
ALTER TABLE "raw_events" ADD CONSTRAINT "raw_events_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "raw_events" ADD CONSTRAINT "raw_events_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transcripts" ADD CONSTRAINT "transcripts_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
