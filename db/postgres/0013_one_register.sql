-- 0013_one_register: one certificate register (issue 13, R-RV-03). A certificate's DER, validity and revocation live
-- only in the CA's store (ca_certificates, which answers OCSP and the CRL); the counter's certificates rows keep only
-- the counter's links (serial, resident, card, application, dates, lock) and read status from the CA's row by serial.
-- Before the duplicated columns go, what only the counter knew moves to the CA register:
--  1. a revocation the counter recorded for a certificate the CA still calls good is carried over (the counter's time
--     and reason; a missing reason is unspecified): OCSP and the next CRL then say what the counter's pages said;
--  2. a counter row with no CA row (the demo town's certificates, records from before the CA kept them) becomes the
--     CA's legacy record of that serial: validity from the counter's dates (00:00 JST to 23:59:59 JST), its status,
--     and its DER when the counter had one (else none: empty).
-- A revocation the CA holds and the counter did not know (the CA is the register) needs nothing. The counter's CA is
-- the one whose own certificate the store holds (one CA per prefecture); a database whose CA never opened uses the
-- default id, toyama. Never edit once applied: add the next script.

WITH authority AS (
    SELECT COALESCE((SELECT authority_id FROM ca_certificates WHERE kind = 'Authority' ORDER BY id LIMIT 1), 'toyama') AS id
)
UPDATE ca_certificates AS r
SET revoked_at = COALESCE(c.revoked_at, now()),
    revocation_reason = COALESCE(c.revocation_reason, 'Unspecified')
FROM certificates AS c, authority AS a
WHERE r.authority_id = a.id
  AND r.serial = c.serial
  AND r.kind = 'Subscriber'
  AND r.revoked_at IS NULL
  AND c.status = 'Revoked';

WITH authority AS (
    SELECT COALESCE((SELECT authority_id FROM ca_certificates WHERE kind = 'Authority' ORDER BY id LIMIT 1), 'toyama') AS id
)
INSERT INTO ca_certificates (authority_id, serial, kind, der, not_before, not_after, revoked_at, revocation_reason)
SELECT a.id,
       c.serial,
       'Subscriber',
       COALESCE(c.der, ''::bytea),
       c.issued_on::timestamp AT TIME ZONE 'Asia/Tokyo',
       (c.expires_on::timestamp + interval '23:59:59') AT TIME ZONE 'Asia/Tokyo',
       CASE WHEN c.status = 'Revoked' THEN COALESCE(c.revoked_at, now()) END,
       CASE WHEN c.status = 'Revoked' THEN COALESCE(c.revocation_reason, 'Unspecified') END
FROM certificates AS c, authority AS a
WHERE NOT EXISTS (SELECT 1 FROM ca_certificates AS x WHERE x.authority_id = a.id AND x.serial = c.serial);

ALTER TABLE certificates
    DROP COLUMN status,
    DROP COLUMN revoked_at,
    DROP COLUMN revocation_reason,
    DROP COLUMN der;
