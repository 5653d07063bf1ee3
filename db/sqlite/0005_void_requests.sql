-- 0005_void_requests: R-FE-03, a clerk's request to void or refund the fee of a failed issuance, pending until a
-- supervisor other than the requester approves or rejects it (approval writes the receipt_voids row).
-- Generated with `CounterApp.Web schema-script` (this table only); never edit once applied: add the next script.

CREATE TABLE "void_requests" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_void_requests" PRIMARY KEY AUTOINCREMENT,
    "receipt_id" INTEGER NOT NULL,
    "application_id" TEXT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "requested_by" TEXT NOT NULL,
    "requested_at" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "decided_by" TEXT NULL,
    "decided_at" TEXT NULL,
    "decision_reason" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_void_requests_applications_application_id" FOREIGN KEY ("application_id") REFERENCES "applications" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_void_requests_receipts_receipt_id" FOREIGN KEY ("receipt_id") REFERENCES "receipts" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_void_requests_application_id" ON "void_requests" ("application_id");
CREATE INDEX "ix_void_requests_receipt_id" ON "void_requests" ("receipt_id");
CREATE INDEX "ix_void_requests_state" ON "void_requests" ("state");
