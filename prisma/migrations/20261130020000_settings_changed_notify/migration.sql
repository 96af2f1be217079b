-- Each app process keeps a copy of the organisation's time zone, which every
-- list, chart and export reads, and drops it when these notices say a change
-- to it committed (lib/db/changes.ts, lib/settings/time-zone.ts). Only that
-- row: other keys hold the progress of background work, written every step.
CREATE TRIGGER settings_time_zone_saved
  AFTER INSERT OR UPDATE ON settings FOR EACH ROW WHEN (NEW.key = 'timeZone') EXECUTE FUNCTION notify_config_changed();
CREATE TRIGGER settings_time_zone_deleted
  AFTER DELETE ON settings FOR EACH ROW WHEN (OLD.key = 'timeZone') EXECUTE FUNCTION notify_config_changed();
CREATE TRIGGER settings_truncated AFTER TRUNCATE ON settings FOR EACH STATEMENT EXECUTE FUNCTION notify_config_changed();
