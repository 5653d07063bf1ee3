-- 0003_ledger_closed_days: R-FE-04, a closed fee day never changes. Once an office's ledger day is closed, the
-- database itself refuses to add, change or remove that day's receipts, their lines, the voids and refunds recorded
-- on that day, and the closed ledger_days row (with its stored PDF and SHA-256), whoever asks; TRUNCATE too.
-- Corrections are voids/refunds recorded on a later, open day that reference the original receipt.
-- Every message starts with "ledger day closed" so the app can recognise the refusal. The day close itself runs
-- under SHARE locks on the receipt tables, so no payment can slip in between the count and the close.

CREATE FUNCTION ledger_day_is_closed(p_office_id integer, p_day date) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM ledger_days WHERE office_id = p_office_id AND day = p_day AND status = 'Closed');
$$;

CREATE FUNCTION receipts_closed_day_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND ledger_day_is_closed(OLD.office_id, OLD.ledger_day) THEN
        RAISE EXCEPTION 'ledger day closed: receipt % of % is on a closed day (% refused)', OLD.number, OLD.ledger_day, TG_OP;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND ledger_day_is_closed(NEW.office_id, NEW.ledger_day) THEN
        RAISE EXCEPTION 'ledger day closed: % is closed, receipt % cannot be added (% refused)', NEW.ledger_day, NEW.number, TG_OP;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER receipts_closed_day BEFORE INSERT OR UPDATE OR DELETE ON receipts
    FOR EACH ROW EXECUTE FUNCTION receipts_closed_day_guard();

CREATE FUNCTION receipt_lines_closed_day_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM receipts r
        WHERE r.id IN (CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.receipt_id END, CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.receipt_id END)
          AND ledger_day_is_closed(r.office_id, r.ledger_day)) THEN
        RAISE EXCEPTION 'ledger day closed: a line of a receipt on a closed day cannot be changed (% refused)', TG_OP;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER receipt_lines_closed_day BEFORE INSERT OR UPDATE OR DELETE ON receipt_lines
    FOR EACH ROW EXECUTE FUNCTION receipt_lines_closed_day_guard();

-- A void or refund belongs to the day it is recorded on (its own ledger_day), not to its receipt's day.
CREATE FUNCTION receipt_voids_closed_day_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND EXISTS (
        SELECT 1 FROM receipts r WHERE r.id = OLD.receipt_id AND ledger_day_is_closed(r.office_id, OLD.ledger_day)) THEN
        RAISE EXCEPTION 'ledger day closed: the void or refund recorded on % is on a closed day (% refused)', OLD.ledger_day, TG_OP;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (
        SELECT 1 FROM receipts r WHERE r.id = NEW.receipt_id AND ledger_day_is_closed(r.office_id, NEW.ledger_day)) THEN
        RAISE EXCEPTION 'ledger day closed: % is closed, record the void or refund on an open day (% refused)', NEW.ledger_day, TG_OP;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER receipt_voids_closed_day BEFORE INSERT OR UPDATE OR DELETE ON receipt_voids
    FOR EACH ROW EXECUTE FUNCTION receipt_voids_closed_day_guard();

CREATE FUNCTION ledger_days_closed_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'Closed' THEN
        RAISE EXCEPTION 'ledger day closed: the closed ledger day % of office % cannot be changed (% refused)', OLD.day, OLD.office_id, TG_OP;
    END IF;
    IF TG_OP = 'INSERT' AND ledger_day_is_closed(NEW.office_id, NEW.day) THEN
        RAISE EXCEPTION 'ledger day closed: % of office % is already closed', NEW.day, NEW.office_id;
    END IF;
    -- Closing is complete or not at all: who, when, the cash count, the expected total, and the PDF with its hash.
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'Closed' AND (NEW.closed_by IS NULL OR NEW.closed_at IS NULL
        OR NEW.cash_counted IS NULL OR NEW.expected_total IS NULL OR NEW.ledger_pdf IS NULL OR NEW.ledger_pdf_sha256 IS NULL) THEN
        RAISE EXCEPTION 'ledger day closing incomplete: closed_by, closed_at, cash_counted, expected_total, ledger_pdf and ledger_pdf_sha256 are required';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER ledger_days_closed BEFORE INSERT OR UPDATE OR DELETE ON ledger_days
    FOR EACH ROW EXECUTE FUNCTION ledger_days_closed_guard();

CREATE FUNCTION ledger_closed_days_no_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM ledger_days WHERE status = 'Closed') THEN
        RAISE EXCEPTION 'ledger day closed: % cannot be truncated while closed days exist', TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER receipts_no_truncate BEFORE TRUNCATE ON receipts FOR EACH STATEMENT EXECUTE FUNCTION ledger_closed_days_no_truncate();
CREATE TRIGGER receipt_lines_no_truncate BEFORE TRUNCATE ON receipt_lines FOR EACH STATEMENT EXECUTE FUNCTION ledger_closed_days_no_truncate();
CREATE TRIGGER receipt_voids_no_truncate BEFORE TRUNCATE ON receipt_voids FOR EACH STATEMENT EXECUTE FUNCTION ledger_closed_days_no_truncate();
CREATE TRIGGER ledger_days_no_truncate BEFORE TRUNCATE ON ledger_days FOR EACH STATEMENT EXECUTE FUNCTION ledger_closed_days_no_truncate();
