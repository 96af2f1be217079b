-- CreateTable
CREATE TABLE "source_event_hours" (
    "source_id" UUID NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "status" "raw_event_status" NOT NULL,
    "events" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "source_event_hours_pkey" PRIMARY KEY ("source_id","hour","status")
);

-- AddForeignKey
ALTER TABLE "source_event_hours" ADD CONSTRAINT "source_event_hours_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Kept in step by every insert, status change and delete of a raw event,
-- whichever path makes it (webhooks, the spool's drain, the poller, replays,
-- retention). A test event is never counted, and its flag never changes.
CREATE FUNCTION count_source_event_hours() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND NOT OLD.is_test THEN
    UPDATE source_event_hours SET events = events - 1
    WHERE source_id = OLD.source_id AND hour = date_trunc('hour', OLD.received_at, 'UTC') AND status = OLD.status;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NOT NEW.is_test THEN
    INSERT INTO source_event_hours (source_id, hour, status, events)
    VALUES (NEW.source_id, date_trunc('hour', NEW.received_at, 'UTC'), NEW.status, 1)
    ON CONFLICT (source_id, hour, status) DO UPDATE SET events = source_event_hours.events + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER raw_events_counted AFTER INSERT OR DELETE ON raw_events
  FOR EACH ROW EXECUTE FUNCTION count_source_event_hours();
CREATE TRIGGER raw_events_recounted AFTER UPDATE OF status ON raw_events
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION count_source_event_hours();

INSERT INTO source_event_hours (source_id, hour, status, events)
SELECT source_id, date_trunc('hour', received_at, 'UTC'), status, count(*)
FROM raw_events WHERE NOT is_test GROUP BY 1, 2, 3;
