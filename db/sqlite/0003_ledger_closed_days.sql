-- 0003_ledger_closed_days: R-FE-04, a closed fee day never changes. Once an office's ledger day is closed, the
-- database itself refuses to add, change or remove that day's receipts, their lines, the voids and refunds recorded
-- on that day, and the closed ledger_days row (with its stored PDF and SHA-256), whoever asks. Corrections are
-- voids/refunds recorded on a later, open day that reference the original receipt.
-- Every message starts with "ledger day closed" so the app can recognise the refusal.

CREATE TRIGGER "receipts_closed_day_insert" BEFORE INSERT ON "receipts"
WHEN EXISTS (SELECT 1 FROM "ledger_days" d WHERE d."status" = 'Closed' AND d."office_id" = NEW."office_id" AND d."day" = NEW."ledger_day")
BEGIN
    SELECT RAISE(ABORT, 'ledger day closed: a receipt cannot be added to a closed day');
END;

CREATE TRIGGER "receipts_closed_day_update" BEFORE UPDATE ON "receipts"
WHEN EXISTS (SELECT 1 FROM "ledger_days" d WHERE d."status" = 'Closed'
    AND ((d."office_id" = OLD."office_id" AND d."day" = OLD."ledger_day") OR (d."office_id" = NEW."office_id" AND d."day" = NEW."ledger_day")))
BEGIN
    SELECT RAISE(ABORT, 'ledger day closed: a receipt of a closed day cannot be changed');
END;

CREATE TRIGGER "receipts_closed_day_delete" BEFORE DELETE ON "receipts"
WHEN EXISTS (SELECT 1 FROM "ledger_days" d WHERE d."status" = 'Closed' AND d."office_id" = OLD."office_id" AND d."day" = OLD."ledger_day")
BEGIN
    SELECT RAISE(ABORT, 'ledger day closed: a receipt of a closed day cannot be removed');
END;

CREATE TRIGGER "receipt_lines_closed_day_insert" BEFORE INSERT ON "receipt_lines"
WHEN EXISTS (SELECT 1 FROM "receipts" r JOIN "ledger_days" d ON d."office_id" = r."office_id" AND d."day" = r."ledger_day"
    WHERE r."id" = NEW."receipt_id" AND d."status" = 'Closed')
BEGIN
    SELECT RAISE(ABORT, 'ledger day closed: a receipt line cannot be added to a closed day');
END;

CREATE TRIGGER "receipt_lines_closed_day_update" BEFORE UPDATE ON "receipt_lines"
WHEN EXISTS (SELECT 1 FROM "receipts" r JOIN "ledger_days" d ON d."office_id" = r."office_id" AND d."day" = r."ledger_day"
    WHERE r."id" IN (OLD."receipt_id", NEW."receipt_id") AND d."status" = 'Closed')
BEGIN
    SELECT RAISE(ABORT, 'ledger day closed: a receipt line of a closed day cannot be changed');
END;

CREATE TRIGGER "receipt_lines_closed_day_delete" BEFORE DELETE ON "receipt_lines"
WHEN EXISTS (SELECT 1 FROM "receipts" r JOIN "ledger_days" d ON d."office_id" = r."office_id" AND d."day" = r."ledger_day"
    WHERE r."id" = OLD."receipt_id" AND d."status" = 'Closed')
BEGIN
    SELECT RAISE(ABORT, 'ledger day closed: a receipt line of a closed day cannot be removed');
END;

-- A void or refund belongs to the day it is recorded on (its own ledger_day), not to its receipt's day.
CREATE TRIGGER "receipt_voids_closed_day_insert" BEFORE INSERT ON "receipt_voids"
WHEN EXISTS (SELECT 1 FROM "receipts" r JOIN "ledger_days" d ON d."office_id" = r."office_id"
    WHERE r."id" = NEW."receipt_id" AND d."day" = NEW."ledger_day" AND d."status" = 'Closed')
BEGIN
    SELECT RAISE(ABORT, 'ledger day closed: a void or refund cannot be recorded on a closed day');
END;

CREATE TRIGGER "receipt_voids_closed_day_update" BEFORE UPDATE ON "receipt_voids"
WHEN EXISTS (SELECT 1 FROM "receipts" r JOIN "ledger_days" d ON d."office_id" = r."office_id"
    WHERE d."status" = 'Closed'
      AND ((r."id" = OLD."receipt_id" AND d."day" = OLD."ledger_day") OR (r."id" = NEW."receipt_id" AND d."day" = NEW."ledger_day")))
BEGIN
    SELECT RAISE(ABORT, 'ledger day closed: a void or refund of a closed day cannot be changed');
END;

CREATE TRIGGER "receipt_voids_closed_day_delete" BEFORE DELETE ON "receipt_voids"
WHEN EXISTS (SELECT 1 FROM "receipts" r JOIN "ledger_days" d ON d."office_id" = r."office_id"
    WHERE r."id" = OLD."receipt_id" AND d."day" = OLD."ledger_day" AND d."status" = 'Closed')
BEGIN
    SELECT RAISE(ABORT, 'ledger day closed: a void or refund of a closed day cannot be removed');
END;

CREATE TRIGGER "ledger_days_closed_update" BEFORE UPDATE ON "ledger_days"
WHEN OLD."status" = 'Closed'
BEGIN
    SELECT RAISE(ABORT, 'ledger day closed: a closed ledger day cannot be changed');
END;

CREATE TRIGGER "ledger_days_closed_delete" BEFORE DELETE ON "ledger_days"
WHEN OLD."status" = 'Closed'
BEGIN
    SELECT RAISE(ABORT, 'ledger day closed: a closed ledger day cannot be removed');
END;

CREATE TRIGGER "ledger_days_closed_insert" BEFORE INSERT ON "ledger_days"
WHEN EXISTS (SELECT 1 FROM "ledger_days" d WHERE d."status" = 'Closed' AND d."office_id" = NEW."office_id" AND d."day" = NEW."day")
BEGIN
    SELECT RAISE(ABORT, 'ledger day closed: the day is already closed');
END;

-- Closing is complete or not at all: who, when, the cash count, the expected total, and the PDF with its hash.
CREATE TRIGGER "ledger_days_close_complete_update" BEFORE UPDATE ON "ledger_days"
WHEN OLD."status" <> 'Closed' AND NEW."status" = 'Closed' AND (NEW."closed_by" IS NULL OR NEW."closed_at" IS NULL OR NEW."cash_counted" IS NULL
    OR NEW."expected_total" IS NULL OR NEW."ledger_pdf" IS NULL OR NEW."ledger_pdf_sha256" IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'ledger day closing incomplete: closed_by, closed_at, cash_counted, expected_total, ledger_pdf and ledger_pdf_sha256 are required');
END;

CREATE TRIGGER "ledger_days_close_complete_insert" BEFORE INSERT ON "ledger_days"
WHEN NEW."status" = 'Closed' AND (NEW."closed_by" IS NULL OR NEW."closed_at" IS NULL OR NEW."cash_counted" IS NULL
    OR NEW."expected_total" IS NULL OR NEW."ledger_pdf" IS NULL OR NEW."ledger_pdf_sha256" IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'ledger day closing incomplete: closed_by, closed_at, cash_counted, expected_total, ledger_pdf and ledger_pdf_sha256 are required');
END;
