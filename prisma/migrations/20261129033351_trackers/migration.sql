-- CreateTable
CREATE TABLE "trackers" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "phrases" JSONB NOT NULL DEFAULT '[]',
    "speaker" TEXT NOT NULL DEFAULT 'any',
    "points" INTEGER,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "trackers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "call_tracker_hits" (
    "call_id" UUID NOT NULL,
    "tracker_id" UUID NOT NULL,
    "hits" JSONB NOT NULL,
    "hit_count" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "call_tracker_hits_pkey" PRIMARY KEY ("call_id","tracker_id")
);

-- CreateTable
CREATE TABLE "daily_tracker_stats" (
    "day" DATE NOT NULL,
    "tracker_id" TEXT NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "connected" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "daily_tracker_stats_pkey" PRIMARY KEY ("tracker_id","day")
);

-- CreateIndex
CREATE UNIQUE INDEX "trackers_name_key" ON "trackers"("name");

-- CreateIndex
CREATE INDEX "call_tracker_hits_tracker_id_started_at_idx" ON "call_tracker_hits"("tracker_id", "started_at" DESC);

-- AddForeignKey
ALTER TABLE "call_tracker_hits" ADD CONSTRAINT "call_tracker_hits_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_tracker_hits" ADD CONSTRAINT "call_tracker_hits_tracker_id_fkey" FOREIGN KEY ("tracker_id") REFERENCES "trackers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A starter set a sales team would use, inserted once: admins edit or delete them, and a deleted one stays deleted
INSERT INTO "trackers" ("id", "name", "phrases", "speaker", "points", "updated_at") VALUES
('0197a000-0000-7000-8000-000000000001', 'Pricing', '[{"text": "price", "stem": true}, {"text": "pricing", "stem": true}, {"text": "cost", "stem": true}, {"text": "expensive", "stem": false}, {"text": "how much", "stem": false}, {"text": "цен", "stem": true}, {"text": "стоимость", "stem": true}, {"text": "сколько стоит", "stem": false}, {"text": "бағасы", "stem": true}, {"text": "қанша тұрады", "stem": false}]', 'any', NULL, now()),
('0197a000-0000-7000-8000-000000000002', 'Competitor', '[{"text": "competitor", "stem": true}, {"text": "other provider", "stem": false}, {"text": "another provider", "stem": false}, {"text": "already use", "stem": false}, {"text": "currently with", "stem": false}, {"text": "конкурент", "stem": true}, {"text": "другой провайдер", "stem": false}, {"text": "уже пользуемся", "stem": false}]', 'customer', NULL, now()),
('0197a000-0000-7000-8000-000000000003', 'Objection', '[{"text": "not interested", "stem": false}, {"text": "too expensive", "stem": false}, {"text": "no budget", "stem": false}, {"text": "not now", "stem": false}, {"text": "не интересно", "stem": false}, {"text": "дорого", "stem": false}, {"text": "нет бюджета", "stem": false}, {"text": "қызық емес", "stem": false}]', 'customer', NULL, now()),
('0197a000-0000-7000-8000-000000000004', 'Next steps', '[{"text": "send me", "stem": false}, {"text": "email me", "stem": false}, {"text": "follow up", "stem": false}, {"text": "follow-up", "stem": false}, {"text": "next week", "stem": false}, {"text": "demo", "stem": true}, {"text": "call me back", "stem": false}, {"text": "перезвоните", "stem": false}, {"text": "отправьте", "stem": false}, {"text": "на следующей неделе", "stem": false}, {"text": "хабарласыңыз", "stem": false}]', 'any', NULL, now()),
('0197a000-0000-7000-8000-000000000005', 'Do not call', '[{"text": "do not call", "stem": false}, {"text": "don''t call", "stem": false}, {"text": "stop calling", "stem": false}, {"text": "remove my number", "stem": false}, {"text": "не звоните", "stem": false}, {"text": "больше не звоните", "stem": false}, {"text": "удалите мой номер", "stem": false}]', 'customer', -30, now())
ON CONFLICT ("name") DO NOTHING;
