-- Each app process keeps a copy of the organisation's time zone, which every
-- list, chart and export reads, and drops it when these notices say a change
-- to the settings committed (lib/db/changes.ts, lib/settings/time-zone.ts).
CREATE TRIGGER settings_changed
  AFTER INSERT OR DELETE OR UPDATE ON settings FOR EACH STATEMENT EXECUTE FUNCTION notify_config_changed();
CREATE TRIGGER settings_truncated AFTER TRUNCATE ON settings FOR EACH STATEMENT EXECUTE FUNCTION notify_config_changed();
