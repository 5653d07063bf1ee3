-- 0009_override_requests: R-HR-03 / R-ID-02, a request that a supervisor set aside a refused step of one application
-- (counter hours, or an identity document whose address is not updated), pending until a supervisor other than the
-- requester approves or rejects it with a reason. An approved one is passed to the Domain when the step re-runs.
-- Written like `CounterApp.Web schema-script` output (this table only); never edit once applied: add the next script.

CREATE TABLE "override_requests" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_override_requests" PRIMARY KEY AUTOINCREMENT,
    "application_id" TEXT NOT NULL,
    "rule_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "requested_by" TEXT NOT NULL,
    "requested_at" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "decided_by" TEXT NULL,
    "decided_at" TEXT NULL,
    "decision_reason" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_override_requests_applications_application_id" FOREIGN KEY ("application_id") REFERENCES "applications" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_override_requests_application_id" ON "override_requests" ("application_id");
CREATE INDEX "ix_override_requests_state" ON "override_requests" ("state");
