-- The page cache's freshness across instances (docs/postgres.md, "change notification"):
-- a statement that changes what a reader page can show sends a notification on the
-- channel every instance LISTENs on (bin/server/pg-changes.mjs). PostgreSQL delivers it
-- when the transaction commits, once per transaction however many statements sent it, and
-- not at all when it rolls back. Written by hand: drizzle-kit knows no triggers.
--
-- Left out on purpose, as SQLite's page cache leaves them out through its own connection:
-- tables no page shows (audit_log, outbox, rate_limits, analytics_daily, instances,
-- user_tokens, api_keys, integrations, webhooks, email_suppressions, import_jobs,
-- import_items, revisions, media), so their constant writes do not empty every cache.
CREATE FUNCTION quire_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('quire_changed', '');
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER quire_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "posts" FOR EACH STATEMENT EXECUTE FUNCTION quire_notify_change();
--> statement-breakpoint
CREATE TRIGGER quire_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "post_tags" FOR EACH STATEMENT EXECUTE FUNCTION quire_notify_change();
--> statement-breakpoint
CREATE TRIGGER quire_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "tags" FOR EACH STATEMENT EXECUTE FUNCTION quire_notify_change();
--> statement-breakpoint
CREATE TRIGGER quire_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION quire_notify_change();
--> statement-breakpoint
CREATE TRIGGER quire_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "settings" FOR EACH STATEMENT EXECUTE FUNCTION quire_notify_change();
--> statement-breakpoint
CREATE TRIGGER quire_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "redirects" FOR EACH STATEMENT EXECUTE FUNCTION quire_notify_change();
--> statement-breakpoint
-- Comments: only a change a reader can see. A comment held for moderation, or marked as
-- spam, shows on no page, so its insert leaves every cache full; approving it (or editing,
-- hiding or deleting an approved one) empties them. Row triggers, to see the status.
CREATE TRIGGER quire_changed_insert AFTER INSERT ON "comments" FOR EACH ROW WHEN (NEW.status = 'approved') EXECUTE FUNCTION quire_notify_change();
--> statement-breakpoint
CREATE TRIGGER quire_changed_update AFTER UPDATE ON "comments" FOR EACH ROW WHEN (OLD.status = 'approved' OR NEW.status = 'approved') EXECUTE FUNCTION quire_notify_change();
--> statement-breakpoint
CREATE TRIGGER quire_changed_delete AFTER DELETE ON "comments" FOR EACH ROW WHEN (OLD.status = 'approved') EXECUTE FUNCTION quire_notify_change();
--> statement-breakpoint
CREATE TRIGGER quire_changed_truncate AFTER TRUNCATE ON "comments" FOR EACH STATEMENT EXECUTE FUNCTION quire_notify_change();
