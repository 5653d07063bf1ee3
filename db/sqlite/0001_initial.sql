-- 0001_initial: the counter's schema, as the EF model in src/CounterApp.Web/Data expects it.
-- Generated once with `CounterApp.Web schema-script`, then kept by hand: never edit an applied script; add 0002_… instead.

CREATE TABLE "asp_net_roles" (
    "id" TEXT NOT NULL CONSTRAINT "pk_asp_net_roles" PRIMARY KEY,
    "name" TEXT NULL,
    "normalized_name" TEXT NULL,
    "concurrency_stamp" TEXT NULL
);


CREATE TABLE "audit_entries" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_audit_entries" PRIMARY KEY AUTOINCREMENT,
    "at" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "counter" TEXT NULL,
    "resident_code" TEXT NULL,
    "action" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "details" TEXT NULL,
    "previous_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL
);


CREATE TABLE "extra_holidays" (
    "day" TEXT NOT NULL CONSTRAINT "pk_extra_holidays" PRIMARY KEY,
    "name" TEXT NOT NULL
);


CREATE TABLE "fees" (
    "item" TEXT NOT NULL CONSTRAINT "pk_fees" PRIMARY KEY,
    "amount" INTEGER NOT NULL
);


CREATE TABLE "holiday_opening_days" (
    "day" TEXT NOT NULL CONSTRAINT "pk_holiday_opening_days" PRIMARY KEY,
    "note" TEXT NULL
);


CREATE TABLE "identity_document_types" (
    "code" TEXT NOT NULL CONSTRAINT "pk_identity_document_types" PRIMARY KEY,
    "name_ja" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "issued_on_or_after" TEXT NULL,
    "accepted" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL
);


CREATE TABLE "offices" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_offices" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "municipality_code" TEXT NOT NULL,
    "municipality_name" TEXT NOT NULL,
    "prefecture_name" TEXT NOT NULL,
    "ward" TEXT NULL
);


CREATE TABLE "register_events" (
    "event_id" TEXT NOT NULL CONSTRAINT "pk_register_events" PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "resident_code" TEXT NOT NULL,
    "occurred_at" TEXT NOT NULL,
    "received_at" TEXT NOT NULL,
    "payload" TEXT NOT NULL
);


CREATE TABLE "residents" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_residents" PRIMARY KEY AUTOINCREMENT,
    "resident_code" TEXT NOT NULL,
    "municipality_code" TEXT NOT NULL,
    "register_status" TEXT NOT NULL,
    "family_name" TEXT NOT NULL,
    "given_name" TEXT NOT NULL,
    "family_name_kana" TEXT NOT NULL,
    "given_name_kana" TEXT NOT NULL,
    "search_key" TEXT NOT NULL,
    "birth_date" TEXT NOT NULL,
    "sex" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "ward" TEXT NULL,
    "is_adult_ward" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL
);


CREATE TABLE "settings" (
    "key" TEXT NOT NULL CONSTRAINT "pk_settings" PRIMARY KEY,
    "value" TEXT NOT NULL
);


CREATE TABLE "asp_net_role_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_asp_net_role_claims" PRIMARY KEY AUTOINCREMENT,
    "role_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_asp_net_role_claims_asp_net_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "asp_net_roles" ("id") ON DELETE CASCADE
);


CREATE TABLE "asp_net_users" (
    "id" TEXT NOT NULL CONSTRAINT "pk_asp_net_users" PRIMARY KEY,
    "display_name" TEXT NOT NULL,
    "office_id" INTEGER NULL,
    "user_name" TEXT NULL,
    "normalized_user_name" TEXT NULL,
    "email" TEXT NULL,
    "normalized_email" TEXT NULL,
    "email_confirmed" INTEGER NOT NULL,
    "password_hash" TEXT NULL,
    "security_stamp" TEXT NULL,
    "concurrency_stamp" TEXT NULL,
    "phone_number" TEXT NULL,
    "phone_number_confirmed" INTEGER NOT NULL,
    "two_factor_enabled" INTEGER NOT NULL,
    "lockout_end" TEXT NULL,
    "lockout_enabled" INTEGER NOT NULL,
    "access_failed_count" INTEGER NOT NULL,
    CONSTRAINT "fk_asp_net_users_offices_office_id" FOREIGN KEY ("office_id") REFERENCES "offices" ("id") ON DELETE RESTRICT
);


CREATE TABLE "counters" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_counters" PRIMARY KEY AUTOINCREMENT,
    "office_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "fk_counters_offices_office_id" FOREIGN KEY ("office_id") REFERENCES "offices" ("id") ON DELETE RESTRICT
);


CREATE TABLE "ledger_days" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_ledger_days" PRIMARY KEY AUTOINCREMENT,
    "office_id" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "cash_counted" INTEGER NULL,
    "expected_total" INTEGER NULL,
    "closed_by" TEXT NULL,
    "closed_at" TEXT NULL,
    "ledger_pdf_sha256" TEXT NULL,
    "ledger_pdf" BLOB NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_ledger_days_offices_office_id" FOREIGN KEY ("office_id") REFERENCES "offices" ("id") ON DELETE RESTRICT
);


CREATE TABLE "office_sessions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_office_sessions" PRIMARY KEY AUTOINCREMENT,
    "office_id" INTEGER NOT NULL,
    "start" TEXT NOT NULL,
    "end" TEXT NOT NULL,
    CONSTRAINT "fk_office_sessions_offices_office_id" FOREIGN KEY ("office_id") REFERENCES "offices" ("id") ON DELETE CASCADE
);


CREATE TABLE "receipt_sequences" (
    "office_id" INTEGER NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "last_number" INTEGER NOT NULL,
    CONSTRAINT "pk_receipt_sequences" PRIMARY KEY ("office_id", "fiscal_year"),
    CONSTRAINT "fk_receipt_sequences_offices_office_id" FOREIGN KEY ("office_id") REFERENCES "offices" ("id") ON DELETE RESTRICT
);


CREATE TABLE "resident_cards" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_resident_cards" PRIMARY KEY AUTOINCREMENT,
    "card_number" TEXT NOT NULL,
    "resident_id" INTEGER NOT NULL,
    "issuing_municipality_code" TEXT NOT NULL,
    "has_photo" INTEGER NOT NULL,
    "expiry_date" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_resident_cards_residents_resident_id" FOREIGN KEY ("resident_id") REFERENCES "residents" ("id") ON DELETE RESTRICT
);


CREATE TABLE "asp_net_user_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_asp_net_user_claims" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_asp_net_user_claims_asp_net_users_user_id" FOREIGN KEY ("user_id") REFERENCES "asp_net_users" ("id") ON DELETE CASCADE
);


CREATE TABLE "asp_net_user_logins" (
    "login_provider" TEXT NOT NULL,
    "provider_key" TEXT NOT NULL,
    "provider_display_name" TEXT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "pk_asp_net_user_logins" PRIMARY KEY ("login_provider", "provider_key"),
    CONSTRAINT "fk_asp_net_user_logins_asp_net_users_user_id" FOREIGN KEY ("user_id") REFERENCES "asp_net_users" ("id") ON DELETE CASCADE
);


CREATE TABLE "asp_net_user_roles" (
    "user_id" TEXT NOT NULL,
    "role_id" TEXT NOT NULL,
    CONSTRAINT "pk_asp_net_user_roles" PRIMARY KEY ("user_id", "role_id"),
    CONSTRAINT "fk_asp_net_user_roles_asp_net_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "asp_net_roles" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_asp_net_user_roles_asp_net_users_user_id" FOREIGN KEY ("user_id") REFERENCES "asp_net_users" ("id") ON DELETE CASCADE
);


CREATE TABLE "asp_net_user_tokens" (
    "user_id" TEXT NOT NULL,
    "login_provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NULL,
    CONSTRAINT "pk_asp_net_user_tokens" PRIMARY KEY ("user_id", "login_provider", "name"),
    CONSTRAINT "fk_asp_net_user_tokens_asp_net_users_user_id" FOREIGN KEY ("user_id") REFERENCES "asp_net_users" ("id") ON DELETE CASCADE
);


CREATE TABLE "applications" (
    "id" TEXT NOT NULL CONSTRAINT "pk_applications" PRIMARY KEY,
    "office_id" INTEGER NOT NULL,
    "counter_id" INTEGER NULL,
    "resident_id" INTEGER NOT NULL,
    "procedure" TEXT NOT NULL,
    "applicant" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "received_at" TEXT NOT NULL,
    "received_by" TEXT NOT NULL,
    "issued_serial" TEXT NULL,
    "refused_for" TEXT NULL,
    "outstanding" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "fk_applications_counters_counter_id" FOREIGN KEY ("counter_id") REFERENCES "counters" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_applications_offices_office_id" FOREIGN KEY ("office_id") REFERENCES "offices" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_applications_residents_resident_id" FOREIGN KEY ("resident_id") REFERENCES "residents" ("id") ON DELETE RESTRICT
);


CREATE TABLE "reader_agents" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_reader_agents" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "counter_id" INTEGER NULL,
    "enrolment_code_hash" TEXT NULL,
    "enrolment_expires_at" TEXT NULL,
    "public_key" BLOB NULL,
    "created_at" TEXT NOT NULL,
    "last_seen_at" TEXT NULL,
    "revoked_at" TEXT NULL,
    CONSTRAINT "fk_reader_agents_counters_counter_id" FOREIGN KEY ("counter_id") REFERENCES "counters" ("id") ON DELETE RESTRICT
);


CREATE TABLE "application_state_changes" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_application_state_changes" PRIMARY KEY AUTOINCREMENT,
    "application_id" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "from_state" TEXT NOT NULL,
    "to_state" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "note" TEXT NULL,
    CONSTRAINT "fk_application_state_changes_applications_application_id" FOREIGN KEY ("application_id") REFERENCES "applications" ("id") ON DELETE RESTRICT
);


CREATE TABLE "certificates" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_certificates" PRIMARY KEY AUTOINCREMENT,
    "serial" TEXT NOT NULL,
    "resident_id" INTEGER NOT NULL,
    "card_id" INTEGER NOT NULL,
    "application_id" TEXT NULL,
    "issued_on" TEXT NOT NULL,
    "expires_on" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "is_locked" INTEGER NOT NULL,
    "revoked_at" TEXT NULL,
    "revocation_reason" TEXT NULL,
    "der" BLOB NULL,
    CONSTRAINT "fk_certificates_applications_application_id" FOREIGN KEY ("application_id") REFERENCES "applications" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_certificates_resident_cards_card_id" FOREIGN KEY ("card_id") REFERENCES "resident_cards" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_certificates_residents_resident_id" FOREIGN KEY ("resident_id") REFERENCES "residents" ("id") ON DELETE RESTRICT
);


CREATE TABLE "inquiry_letters" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_inquiry_letters" PRIMARY KEY AUTOINCREMENT,
    "reference" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "resident_id" INTEGER NOT NULL,
    "addressee_name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "prepared_on" TEXT NOT NULL,
    "mailed_on" TEXT NULL,
    "valid_days" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "superseded_by_id" INTEGER NULL,
    CONSTRAINT "fk_inquiry_letters_applications_application_id" FOREIGN KEY ("application_id") REFERENCES "applications" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_inquiry_letters_inquiry_letters_superseded_by_id" FOREIGN KEY ("superseded_by_id") REFERENCES "inquiry_letters" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_inquiry_letters_residents_resident_id" FOREIGN KEY ("resident_id") REFERENCES "residents" ("id") ON DELETE RESTRICT
);


CREATE TABLE "presented_documents" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_presented_documents" PRIMARY KEY AUTOINCREMENT,
    "application_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "type_code" TEXT NULL,
    "holder" TEXT NOT NULL,
    "issued_on" TEXT NULL,
    "expires_on" TEXT NULL,
    "address_matches_register" INTEGER NOT NULL,
    "recorded_at" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    CONSTRAINT "fk_presented_documents_applications_application_id" FOREIGN KEY ("application_id") REFERENCES "applications" ("id") ON DELETE RESTRICT
);


CREATE TABLE "receipts" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_receipts" PRIMARY KEY AUTOINCREMENT,
    "office_id" INTEGER NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "application_id" TEXT NULL,
    "counter_id" INTEGER NULL,
    "clerk" TEXT NOT NULL,
    "paid_at" TEXT NOT NULL,
    "ledger_day" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    CONSTRAINT "fk_receipts_applications_application_id" FOREIGN KEY ("application_id") REFERENCES "applications" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_receipts_counters_counter_id" FOREIGN KEY ("counter_id") REFERENCES "counters" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_receipts_offices_office_id" FOREIGN KEY ("office_id") REFERENCES "offices" ("id") ON DELETE RESTRICT
);


CREATE TABLE "revocation_requests" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_revocation_requests" PRIMARY KEY AUTOINCREMENT,
    "certificate_id" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "effective_at" TEXT NOT NULL,
    "rule_id" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "requested_at" TEXT NOT NULL,
    "processed_at" TEXT NULL,
    CONSTRAINT "fk_revocation_requests_certificates_certificate_id" FOREIGN KEY ("certificate_id") REFERENCES "certificates" ("id") ON DELETE RESTRICT
);


CREATE TABLE "document_copies" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_document_copies" PRIMARY KEY AUTOINCREMENT,
    "presented_document_id" INTEGER NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "stored_at" TEXT NOT NULL,
    "retain_until" TEXT NOT NULL,
    "purged_at" TEXT NULL,
    CONSTRAINT "fk_document_copies_presented_documents_presented_document_id" FOREIGN KEY ("presented_document_id") REFERENCES "presented_documents" ("id") ON DELETE RESTRICT
);


CREATE TABLE "receipt_lines" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_receipt_lines" PRIMARY KEY AUTOINCREMENT,
    "receipt_id" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    CONSTRAINT "fk_receipt_lines_receipts_receipt_id" FOREIGN KEY ("receipt_id") REFERENCES "receipts" ("id") ON DELETE RESTRICT
);


CREATE TABLE "receipt_voids" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_receipt_voids" PRIMARY KEY AUTOINCREMENT,
    "receipt_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "requested_by" TEXT NOT NULL,
    "approved_by" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "ledger_day" TEXT NOT NULL,
    CONSTRAINT "fk_receipt_voids_receipts_receipt_id" FOREIGN KEY ("receipt_id") REFERENCES "receipts" ("id") ON DELETE RESTRICT
);


CREATE TABLE "document_copy_accesses" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_document_copy_accesses" PRIMARY KEY AUTOINCREMENT,
    "document_copy_id" INTEGER NOT NULL,
    "at" TEXT NOT NULL,
    "staff_id" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    CONSTRAINT "fk_document_copy_accesses_document_copies_document_copy_id" FOREIGN KEY ("document_copy_id") REFERENCES "document_copies" ("id") ON DELETE RESTRICT
);


CREATE TABLE "document_copy_contents" (
    "document_copy_id" INTEGER NOT NULL CONSTRAINT "pk_document_copy_contents" PRIMARY KEY,
    "key_id" TEXT NOT NULL,
    "nonce" BLOB NOT NULL,
    "ciphertext" BLOB NOT NULL,
    "tag" BLOB NOT NULL,
    CONSTRAINT "fk_document_copy_contents_document_copies_document_copy_id" FOREIGN KEY ("document_copy_id") REFERENCES "document_copies" ("id") ON DELETE CASCADE
);


CREATE UNIQUE INDEX "ix_application_state_changes_application_id_sequence" ON "application_state_changes" ("application_id", "sequence");


CREATE INDEX "ix_applications_counter_id" ON "applications" ("counter_id");


CREATE INDEX "ix_applications_office_id_state" ON "applications" ("office_id", "state");


CREATE INDEX "ix_applications_resident_id" ON "applications" ("resident_id");


CREATE INDEX "ix_asp_net_role_claims_role_id" ON "asp_net_role_claims" ("role_id");


CREATE UNIQUE INDEX "role_name_index" ON "asp_net_roles" ("normalized_name");


CREATE INDEX "ix_asp_net_user_claims_user_id" ON "asp_net_user_claims" ("user_id");


CREATE INDEX "ix_asp_net_user_logins_user_id" ON "asp_net_user_logins" ("user_id");


CREATE INDEX "ix_asp_net_user_roles_role_id" ON "asp_net_user_roles" ("role_id");


CREATE INDEX "email_index" ON "asp_net_users" ("normalized_email");


CREATE INDEX "ix_asp_net_users_office_id" ON "asp_net_users" ("office_id");


CREATE UNIQUE INDEX "user_name_index" ON "asp_net_users" ("normalized_user_name");


CREATE INDEX "ix_audit_entries_actor" ON "audit_entries" ("actor");


CREATE INDEX "ix_audit_entries_at" ON "audit_entries" ("at");


CREATE INDEX "ix_audit_entries_resident_code" ON "audit_entries" ("resident_code");


CREATE INDEX "ix_certificates_application_id" ON "certificates" ("application_id");


CREATE INDEX "ix_certificates_card_id" ON "certificates" ("card_id");


CREATE INDEX "ix_certificates_resident_id" ON "certificates" ("resident_id");


CREATE UNIQUE INDEX "ix_certificates_serial" ON "certificates" ("serial");


CREATE UNIQUE INDEX "ix_counters_office_id_number" ON "counters" ("office_id", "number");


CREATE UNIQUE INDEX "ix_document_copies_presented_document_id" ON "document_copies" ("presented_document_id");


CREATE INDEX "ix_document_copies_retain_until" ON "document_copies" ("retain_until");


CREATE INDEX "ix_document_copy_accesses_document_copy_id" ON "document_copy_accesses" ("document_copy_id");


CREATE INDEX "ix_inquiry_letters_application_id" ON "inquiry_letters" ("application_id");


CREATE UNIQUE INDEX "ix_inquiry_letters_reference" ON "inquiry_letters" ("reference");


CREATE INDEX "ix_inquiry_letters_resident_id" ON "inquiry_letters" ("resident_id");


CREATE INDEX "ix_inquiry_letters_status_mailed_on" ON "inquiry_letters" ("status", "mailed_on");


CREATE INDEX "ix_inquiry_letters_superseded_by_id" ON "inquiry_letters" ("superseded_by_id");


CREATE UNIQUE INDEX "ix_ledger_days_office_id_day" ON "ledger_days" ("office_id", "day");


CREATE UNIQUE INDEX "ix_office_sessions_office_id_start" ON "office_sessions" ("office_id", "start");


CREATE UNIQUE INDEX "ix_offices_code" ON "offices" ("code");


CREATE INDEX "ix_presented_documents_application_id" ON "presented_documents" ("application_id");


CREATE INDEX "ix_reader_agents_counter_id" ON "reader_agents" ("counter_id");


CREATE UNIQUE INDEX "ix_reader_agents_name" ON "reader_agents" ("name");


CREATE INDEX "ix_receipt_lines_receipt_id" ON "receipt_lines" ("receipt_id");


CREATE UNIQUE INDEX "ix_receipt_voids_receipt_id" ON "receipt_voids" ("receipt_id");


CREATE INDEX "ix_receipts_application_id" ON "receipts" ("application_id");


CREATE INDEX "ix_receipts_counter_id" ON "receipts" ("counter_id");


CREATE UNIQUE INDEX "ix_receipts_number" ON "receipts" ("number");


CREATE UNIQUE INDEX "ix_receipts_office_id_fiscal_year_sequence" ON "receipts" ("office_id", "fiscal_year", "sequence");


CREATE INDEX "ix_receipts_office_id_ledger_day" ON "receipts" ("office_id", "ledger_day");


CREATE INDEX "ix_register_events_resident_code" ON "register_events" ("resident_code");


CREATE UNIQUE INDEX "ix_resident_cards_card_number" ON "resident_cards" ("card_number");


CREATE INDEX "ix_resident_cards_resident_id" ON "resident_cards" ("resident_id");


CREATE INDEX "ix_residents_birth_date" ON "residents" ("birth_date");


CREATE UNIQUE INDEX "ix_residents_resident_code" ON "residents" ("resident_code");


CREATE INDEX "ix_residents_search_key" ON "residents" ("search_key");


CREATE INDEX "ix_revocation_requests_certificate_id" ON "revocation_requests" ("certificate_id");


CREATE INDEX "ix_revocation_requests_processed_at" ON "revocation_requests" ("processed_at");



