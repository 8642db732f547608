-- The payment method an attendee chose, so approvals and claimed waiting-list offers continue with it.
ALTER TABLE "Registration" ADD COLUMN "paymentMethod" "PaymentMethod";
