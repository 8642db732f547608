// Cancelling a registration — by the attendee (My registrations) or an organiser — with what it
// means for the money. The registration capability cancels (seat, participation, email, the
// refund rule) in this transaction; a card refund it decides is recorded on the payment in the
// same transaction (refundOwedCents) and asked of Stripe after the commit, never holding row
// locks across a network call (the registration turns REFUNDED when Stripe's charge.refunded
// webhook arrives; the job queue retries when Stripe is down). Invoice payments are refunded by
// bank transfer, by hand.
import { requireUuid } from "~/domain/kernel/ids";
import { cancelInTransaction, type CancelledBy, type CancelOutcome } from "~/domain/registration/cancel.server";
import { TX_OPTIONS } from "~/domain/registration/store.server";
import { db } from "~/platform/db.server";
import { issueRefundsAfterCommit, recordRefundOwed } from "./refund-queue.server";

export async function cancelRegistration(by: CancelledBy, registrationId: string, now: Date = new Date()): Promise<CancelOutcome> {
  requireUuid(registrationId, "This registration does not exist.");
  // The outcome callers see is the decision without the payment row (recorded below, in the transaction).
  const { refundOwed: _recorded, ...outcome } = await db().$transaction(async (tx) => {
    const decision = await cancelInTransaction(tx, by, registrationId, now);
    if (decision.refundOwed) await recordRefundOwed(tx, decision.refundOwed.paymentId, decision.refundOwed.amountCents);
    return decision;
  }, TX_OPTIONS);
  if (outcome.refund.due && outcome.refund.method === "STRIPE") {
    await issueRefundsAfterCommit([{ registrationId: outcome.registrationId, amountCents: outcome.refund.amountCents }]);
  }
  return outcome;
}
