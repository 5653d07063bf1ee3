-- 0011_card_chip_serial: R-CA-04, the register carries each resident card's chip serial (16 upper-case hex characters,
-- the card's EF 0006), so every card operation can refuse a card that is not the resident's card in force. Nullable:
-- rows written before this script have none until the register sends it (a card operation refuses them meanwhile).
-- One chip, one card: unique where set. Never edit once applied: add the next script.

ALTER TABLE "resident_cards" ADD COLUMN "chip_serial" TEXT NULL;

CREATE UNIQUE INDEX "ix_resident_cards_chip_serial" ON "resident_cards" ("chip_serial");
