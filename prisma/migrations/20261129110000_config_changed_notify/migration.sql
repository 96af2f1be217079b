-- Each app process keeps copies of the sources (to authenticate webhooks) and
-- the destinations (to pick where a call goes) and drops them when these
-- notices say a change committed (lib/db/changes.ts). Only the columns those
-- copies hold: a delivery's rate-limit slot or failure count is no such change.
CREATE FUNCTION notify_config_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('config_changed', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

CREATE TRIGGER sources_changed
  AFTER INSERT OR DELETE OR UPDATE OF slug, provider, default_region, enabled, secret_hash, previous_secret_hash, previous_secret_expires_at
  ON sources FOR EACH STATEMENT EXECUTE FUNCTION notify_config_changed();
CREATE TRIGGER sources_truncated AFTER TRUNCATE ON sources FOR EACH STATEMENT EXECUTE FUNCTION notify_config_changed();

CREATE TRIGGER destinations_changed
  AFTER INSERT OR DELETE OR UPDATE OF kind, enabled, rules
  ON destinations FOR EACH STATEMENT EXECUTE FUNCTION notify_config_changed();
CREATE TRIGGER destinations_truncated AFTER TRUNCATE ON destinations FOR EACH STATEMENT EXECUTE FUNCTION notify_config_changed();
