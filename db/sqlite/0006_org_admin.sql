-- 0006_org_admin: issue 8's administrator settings.
-- counters.active: a counter with history (applications, receipts, reader agents) is never deleted; an administrator
-- deactivates it, and a clerk can no longer choose it.
-- identity_document_types.address_check (R-ID-02): whether the address on this kind of document is compared with the
-- register; an administrator turns it off for documents without an address.
-- Written like `CounterApp.Web schema-script` output (these columns only); never edit once applied: add the next script.

ALTER TABLE "counters" ADD "active" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "identity_document_types" ADD "address_check" INTEGER NOT NULL DEFAULT 1;
