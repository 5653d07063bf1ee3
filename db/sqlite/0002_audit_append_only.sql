-- 0002_audit_append_only: R-X-01, the audit log is append-only. The database itself refuses to change or remove
-- a row, whoever asks; `CounterApp.Web verify-audit` detects what someone with file access did around this.

CREATE TRIGGER "audit_entries_no_update" BEFORE UPDATE ON "audit_entries"
BEGIN
    SELECT RAISE(ABORT, 'audit_entries is append-only: UPDATE is not allowed');
END;

CREATE TRIGGER "audit_entries_no_delete" BEFORE DELETE ON "audit_entries"
BEGIN
    SELECT RAISE(ABORT, 'audit_entries is append-only: DELETE is not allowed');
END;
