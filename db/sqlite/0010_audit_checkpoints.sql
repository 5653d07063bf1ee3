-- 0010_audit_checkpoints: R-X-01, keyed checkpoints of the audit log's head. Each records the newest entry's id and
-- hash and the number of entries, under an HMAC-SHA256 whose key is a file outside the database, so a cut end of the
-- log or a chain rewritten with recomputed hashes no longer verifies. Ids are consecutive, chosen by the writer under
-- the chain lock; append-only like the log. Written like `CounterApp.Web schema-script` output (this table only);
-- never edit once applied: add the next script.

CREATE TABLE "audit_checkpoints" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_audit_checkpoints" PRIMARY KEY,
    "at" TEXT NOT NULL,
    "head_id" INTEGER NOT NULL,
    "head_hash" TEXT NOT NULL,
    "entry_count" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "key_id" TEXT NOT NULL,
    "mac" TEXT NOT NULL
);

CREATE TRIGGER "audit_checkpoints_no_update" BEFORE UPDATE ON "audit_checkpoints"
BEGIN
    SELECT RAISE(ABORT, 'audit_checkpoints is append-only: UPDATE is not allowed');
END;

CREATE TRIGGER "audit_checkpoints_no_delete" BEFORE DELETE ON "audit_checkpoints"
BEGIN
    SELECT RAISE(ABORT, 'audit_checkpoints is append-only: DELETE is not allowed');
END;
