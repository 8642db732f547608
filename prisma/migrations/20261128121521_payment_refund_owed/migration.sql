-- A refund the platform decided to give (after a cancellation, or for money that arrived for an
-- ended registration) is recorded in the same transaction as that decision, so a crash before
-- Stripe is asked cannot lose it: the minutely sweep asks again until Stripe reports it.
ALTER TABLE "Payment" ADD COLUMN "refundOwedCents" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_refund_owed_within_amount" CHECK ("refundOwedCents" >= 0 AND "refundOwedCents" <= "amountCents");
CREATE INDEX "Payment_refund_owed_idx" ON "Payment" ("id") WHERE "refundOwedCents" > "refundedCents";
