-- 0004_pki: the prefectural CA's memory (CounterApp.Pki's ICertificateStore, src/CounterApp.Web/Data/Pki): every
-- certificate the CA signed, with its revocation, and the last CRL number per CA. Serials are unique per CA.
-- Generated with `CounterApp.Web schema-script` (these tables only); never edit once applied: add the next script.

CREATE TABLE "ca_certificates" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_ca_certificates" PRIMARY KEY AUTOINCREMENT,
    "authority_id" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "der" BLOB NOT NULL,
    "not_before" TEXT NOT NULL,
    "not_after" TEXT NOT NULL,
    "revoked_at" TEXT NULL,
    "revocation_reason" TEXT NULL
);

CREATE TABLE "ca_crl_numbers" (
    "authority_id" TEXT NOT NULL CONSTRAINT "pk_ca_crl_numbers" PRIMARY KEY,
    "last_number" INTEGER NOT NULL
);

CREATE INDEX "ix_ca_certificates_authority_id_kind_not_before" ON "ca_certificates" ("authority_id", "kind", "not_before");

CREATE INDEX "ix_ca_certificates_authority_id_revoked_at" ON "ca_certificates" ("authority_id", "revoked_at");

CREATE UNIQUE INDEX "ix_ca_certificates_authority_id_serial" ON "ca_certificates" ("authority_id", "serial");
