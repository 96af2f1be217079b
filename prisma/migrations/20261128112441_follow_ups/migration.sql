-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "assignee_id" UUID,
ADD COLUMN     "follow_up_note" TEXT,
ADD COLUMN     "follow_up_note_at" TIMESTAMPTZ(3),
ADD COLUMN     "follow_up_note_by" UUID,
ADD COLUMN     "snoozed_until" TIMESTAMPTZ(3);

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_follow_up_note_by_fkey" FOREIGN KEY ("follow_up_note_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A note is short: the queue shows it on each row.
ALTER TABLE "calls" ADD CONSTRAINT "calls_follow_up_note_length" CHECK (char_length("follow_up_note") <= 1000);

-- The follow-up queue pages by due time (snooze, else callback, else the call's
-- start) over the calls that need a human next step and are still open. The
-- predicate and the expression must stay word for word those of
-- lib/follow-ups/sql.ts, or the planner will not use this index.
CREATE INDEX "calls_follow_up_due_idx" ON "calls" ((COALESCE("snoozed_until", "callback_at", "started_at")), "id")
  WHERE NOT "is_test" AND "handled_at" IS NULL AND ("callback_at" IS NOT NULL OR "is_hot" OR "next_action" IS NOT NULL);

-- The "done" view pages by when each was done, newest first.
CREATE INDEX "calls_follow_up_done_idx" ON "calls" ("handled_at" DESC, "id" DESC)
  WHERE "handled_at" IS NOT NULL AND NOT "is_test";

-- "Assigned to me" and an assignee's deletion (ON DELETE SET NULL) look calls up by assignee.
CREATE INDEX "calls_assignee_id_idx" ON "calls" ("assignee_id") WHERE "assignee_id" IS NOT NULL;

-- Hot leads page through their unhandled list by score, then newest.
CREATE INDEX "calls_hot_leads_page_idx" ON "calls" ("lead_score" DESC, "started_at" DESC, "id" DESC)
  WHERE "is_hot" AND "handled_at" IS NULL AND NOT "is_test";
