-- DropIndex
DROP INDEX "raw_events_call_id_idx";

-- CreateIndex
CREATE INDEX "raw_events_call_id_received_at_idx" ON "raw_events"("call_id", "received_at" DESC);
