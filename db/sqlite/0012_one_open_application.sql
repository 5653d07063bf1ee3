-- 0012_one_open_application: R-CE-08, at most one open application per resident and procedure. The database keeps it
-- with a partial unique index on applications (resident_id, procedure) over every state that is not a closed one
-- (Completed, Refused, Cancelled, Failed), so a state added later counts as open without touching the index.
--
-- Data written before this rule may already hold several open applications of one procedure for one resident (ten
-- parallel starts made ten). They are closed here, never deleted, before the index is built, so the script applies:
--  * The one kept open is the furthest along (WrittenToCard > CertificateIssued > KeyGenerated > FeePaid >
--    IdentityVerified > AnswerReturned > InquiryLetterMailed > Received), then the earliest received: the one the
--    resident's money, card or letter is most likely tied to.
--  * A duplicate before payment is Cancelled, as Application.Cancel would: its prepared or mailed inquiry letters are
--    voided (Cancelled, like CancelApplication), so the second visit refuses them.
--  * A duplicate after payment is Failed, with what Application.Fail leaves owed: a standing fee is owed a void or
--    refund (R-FE-03) unless the certificate is already on the card; a certificate issued but not written is owed its
--    revocation. The supervisor's pages list these obligations.
--  * Each closed duplicate gets a history row (by "schema 0012", naming the application kept open) and a new version.
--    No audit entry is written: the audit chain is hashed by the application and a script cannot extend it honestly;
--    the history row is the record of the change.
-- Never edit once applied: add the next script.

CREATE TABLE "applications_0012_duplicates" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "from_state" TEXT NOT NULL,
    "to_state" TEXT NOT NULL,
    "keeper_id" TEXT NOT NULL,
    "outstanding" TEXT NULL
);

INSERT INTO "applications_0012_duplicates" ("id", "from_state", "to_state", "keeper_id", "outstanding")
SELECT
    ranked."id",
    ranked."state",
    CASE WHEN ranked."state" IN ('Received', 'InquiryLetterMailed', 'AnswerReturned', 'IdentityVerified') THEN 'Cancelled' ELSE 'Failed' END,
    ranked."keeper_id",
    CASE
        WHEN ranked."state" = 'CertificateIssued' AND ranked."fee_stands" = 1 THEN 'VoidOrRefundFee,RevokeUnwrittenCertificate'
        WHEN ranked."state" = 'CertificateIssued' THEN 'RevokeUnwrittenCertificate'
        WHEN ranked."state" IN ('FeePaid', 'KeyGenerated') AND ranked."fee_stands" = 1 THEN 'VoidOrRefundFee'
        ELSE ranked."outstanding"
    END
FROM (
    SELECT
        a."id",
        a."state",
        a."outstanding",
        FIRST_VALUE(a."id") OVER progress AS "keeper_id",
        ROW_NUMBER() OVER progress AS "place",
        CASE WHEN EXISTS (
            SELECT 1 FROM "receipts" r
            WHERE r."application_id" = a."id"
              AND r."id" = (SELECT MAX(r2."id") FROM "receipts" r2 WHERE r2."application_id" = a."id")
              AND NOT EXISTS (SELECT 1 FROM "receipt_voids" v WHERE v."receipt_id" = r."id")) THEN 1 ELSE 0 END AS "fee_stands"
    FROM "applications" a
    WHERE a."state" NOT IN ('Completed', 'Refused', 'Cancelled', 'Failed')
    WINDOW progress AS (
        PARTITION BY a."resident_id", a."procedure"
        ORDER BY CASE a."state"
            WHEN 'WrittenToCard' THEN 7 WHEN 'CertificateIssued' THEN 6 WHEN 'KeyGenerated' THEN 5 WHEN 'FeePaid' THEN 4
            WHEN 'IdentityVerified' THEN 3 WHEN 'AnswerReturned' THEN 2 WHEN 'InquiryLetterMailed' THEN 1 ELSE 0 END DESC,
            a."received_at", a."id")
) ranked
WHERE ranked."place" > 1;

INSERT INTO "application_state_changes" ("application_id", "sequence", "from_state", "to_state", "at", "by", "note")
SELECT
    d."id",
    COALESCE((SELECT MAX(h."sequence") FROM "application_state_changes" h WHERE h."application_id" = d."id"), 0) + 1,
    d."from_state",
    d."to_state",
    strftime('%Y-%m-%d %H:%M:%f', 'now'),
    'schema 0012',
    'R-CE-08: closed as a duplicate; application ' || d."keeper_id" || ' stays open (schema script 0012)'
FROM "applications_0012_duplicates" d;

UPDATE "inquiry_letters"
SET "status" = 'Cancelled'
WHERE "status" IN ('Prepared', 'Mailed')
  AND "application_id" IN (SELECT d."id" FROM "applications_0012_duplicates" d WHERE d."to_state" = 'Cancelled');

UPDATE "applications"
SET "state" = (SELECT d."to_state" FROM "applications_0012_duplicates" d WHERE d."id" = "applications"."id"),
    "outstanding" = (SELECT d."outstanding" FROM "applications_0012_duplicates" d WHERE d."id" = "applications"."id"),
    "version" = "version" + 1
WHERE "id" IN (SELECT d."id" FROM "applications_0012_duplicates" d);

DROP TABLE "applications_0012_duplicates";

CREATE UNIQUE INDEX "ux_applications_one_open" ON "applications" ("resident_id", "procedure")
WHERE state NOT IN ('Completed', 'Refused', 'Cancelled', 'Failed');
