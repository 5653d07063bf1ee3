-- 0002_audit_append_only: R-X-01, the audit log is append-only. The database itself refuses to change or remove
-- a row (UPDATE, DELETE, TRUNCATE), whoever asks; `CounterApp.Web verify-audit` detects what a superuser did
-- around this (disabled triggers, session_replication_role = replica).

CREATE FUNCTION audit_entries_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entries is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER audit_entries_no_update_delete BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();

CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
