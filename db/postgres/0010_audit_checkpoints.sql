-- 0010_audit_checkpoints: R-X-01, keyed checkpoints of the audit log's head. Each records the newest entry's id and
-- hash and the number of entries, under an HMAC-SHA256 whose key is a file outside the database, so a cut end of the
-- log or a chain rewritten with recomputed hashes no longer verifies. Ids are consecutive, chosen by the writer under
-- the chain lock; append-only like the log (UPDATE, DELETE, TRUNCATE raise). Written like `CounterApp.Web
-- schema-script` output (this table only); never edit once applied: add the next script.

CREATE TABLE audit_checkpoints (
    id bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    head_id bigint NOT NULL,
    head_hash character varying(64) NOT NULL,
    entry_count bigint NOT NULL,
    reason character varying(32) NOT NULL,
    key_id character varying(16) NOT NULL,
    mac character varying(64) NOT NULL,
    CONSTRAINT pk_audit_checkpoints PRIMARY KEY (id)
);

CREATE FUNCTION audit_checkpoints_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_checkpoints is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER audit_checkpoints_no_update_delete BEFORE UPDATE OR DELETE ON audit_checkpoints
    FOR EACH ROW EXECUTE FUNCTION audit_checkpoints_append_only();

CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoints_append_only();
