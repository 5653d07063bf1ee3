-- 0014_issuance_intent: R-CE-09, intent before signature. An application records the request it is about to have the
-- CA sign (request id, the card, the public key's SHA-256) before the CA is asked; the CA keeps the request id with
-- the certificate and signs each request once (unique per CA), so after a crash the CA can be asked what it signed.
-- Written like `CounterApp.Web schema-script` output (these columns only); never edit once applied: add the next script.

ALTER TABLE ca_certificates ADD request_id uuid;

CREATE UNIQUE INDEX ix_ca_certificates_authority_id_request_id ON ca_certificates (authority_id, request_id);

ALTER TABLE applications ADD issuance_request_id uuid;

ALTER TABLE applications ADD issuance_card_number character varying(32);

ALTER TABLE applications ADD issuance_key_sha256 character varying(64);
