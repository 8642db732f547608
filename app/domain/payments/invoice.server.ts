// "Pay by invoice instead": an attendee who left Stripe Checkout (cancel page) switches a
// registration still waiting for its card payment to invoice / bank transfer, where the ticket
// type offers it. The registration becomes CONFIRMED with an unpaid invoice (the organiser
// marks it paid later) and keeps its seat.
//
// The abandoned Stripe payment is marked FAILED ("this card attempt did not pay"), which is the
// highest rank short of money in the payment machine: a late `expired` or
// `async_payment_failed` webhook for the old session then changes nothing, while a payment that
// still went through on the old page (another tab) marks the invoice paid instead of being lost.
// The Checkout Session is also expired at Stripe (best effort, after commit) so it cannot be paid.
import { DomainError } from "~/domain/kernel/errors";
import { enqueueConfirmationEmail } from "~/domain/registration/registration-emails.server";
import { offeredPaymentMethods } from "~/domain/registration/ticket-rules";
import { db } from "~/platform/db.server";
import { lockRegistration } from "./fulfilment.server";
import { paymentsLog } from "./log.server";
import { stripeClient } from "./stripe.server";
import { isStripeConfigured } from "~/platform/env.server";

export async function switchToInvoice(registrationId: string, userId: string): Promise<void> {
  const sessionIds = await db().$transaction(async (tx) => {
    if (!(await lockRegistration(tx, registrationId))) throw new DomainError("NOT_FOUND", "Registration not found.");
    const registration = await tx.registration.findFirst({
      where: { id: registrationId, userId },
      select: {
        id: true,
        status: true,
        paymentStatus: true,
        holdExpiresAt: true,
        ticketType: { select: { priceCents: true, paymentMethods: true } },
        payments: { where: { method: "STRIPE", state: "PENDING" }, select: { id: true, stripeCheckoutSessionId: true } },
      },
    });
    if (!registration) throw new DomainError("NOT_FOUND", "Registration not found.");
    if (registration.status !== "PENDING_PAYMENT" || registration.paymentStatus !== "PENDING") {
      throw new DomainError("NOT_PAYABLE", "This registration is not waiting for a payment any more.");
    }
    // No hold timer means Stripe told us an asynchronous payment (e.g. a SEPA debit) is under way.
    if (registration.holdExpiresAt === null) {
      throw new DomainError("NOT_PAYABLE", "Your payment is already being processed by your bank; please wait for it to settle.");
    }
    if (!offeredPaymentMethods(registration.ticketType, { stripeConfigured: isStripeConfigured() }).includes("INVOICE")) {
      throw new DomainError("PAYMENT_METHOD_NOT_OFFERED", "This ticket can only be paid by card.");
    }
    await tx.payment.updateMany({ where: { id: { in: registration.payments.map((p) => p.id) } }, data: { state: "FAILED" } });
    await tx.registration.update({
      where: { id: registration.id },
      data: { status: "CONFIRMED", paymentStatus: "UNPAID_INVOICE", paymentMethod: "INVOICE", holdExpiresAt: null, sequence: { increment: 1 } },
    });
    await enqueueConfirmationEmail(tx, registration.id);
    return registration.payments.map((p) => p.stripeCheckoutSessionId).filter((id): id is string => Boolean(id));
  });

  for (const sessionId of sessionIds) {
    try {
      await stripeClient().checkout.sessions.expire(sessionId);
    } catch (error) {
      // Already expired or completed: the FAILED state above makes either harmless.
      paymentsLog.warn({ sessionId, err: String(error) }, "could not expire an abandoned Checkout Session");
    }
  }
}
