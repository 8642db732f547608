// Refunds issued from the platform (an organiser's refund, a cancellation within the refund
// window, money that arrived for a registration a person had already ended).
//
// This only *asks* Stripe; the platform's state changes when Stripe's `charge.refunded` webhook
// arrives, exactly as for a refund made in the Stripe dashboard — one path for both.
//
// Idempotency key: `refund-<paymentId>-<amount>-after-<refundedSoFar>`. A double click, a retried
// job or a replayed webhook effect reuses the key and Stripe returns the same refund instead of
// paying twice. The amount already refunded is part of the key so that a deliberate second
// partial refund of the same amount (after the first one's webhook) is a new refund, not a
// silent replay of the first.
import { DomainError } from "~/domain/kernel/errors";
import { requireUuid } from "~/domain/kernel/ids";
import { db } from "~/platform/db.server";
import { stripeClient } from "./stripe.server";

export interface RefundRequested {
  refundId: string;
  paymentId: string;
  amountCents: number;
  currency: string;
  idempotencyKey: string;
}

export function refundIdempotencyKey(paymentId: string, amountCents: number, refundedSoFarCents: number): string {
  return `refund-${paymentId}-${amountCents}-after-${refundedSoFarCents}`;
}

/** Refunds `amountCents` (default: everything not yet refunded) of the registration's Stripe payment. */
export async function refundRegistration(registrationId: string, amountCents?: number): Promise<RefundRequested> {
  const payment = await db().payment.findFirst({
    where: { registrationId, method: "STRIPE", state: { in: ["PAID", "PARTIALLY_REFUNDED"] } },
    orderBy: { createdAt: "desc" },
    select: { id: true, amountCents: true, refundedCents: true, stripePaymentIntentId: true, currency: true },
  });
  if (!payment || !payment.stripePaymentIntentId) {
    throw new DomainError("NOTHING_TO_REFUND", "There is no card payment to refund for this registration.");
  }
  const refundable = payment.amountCents - payment.refundedCents;
  const amount = amountCents ?? refundable;
  if (!Number.isInteger(amount) || amount <= 0)
    throw new DomainError("VALIDATION", "The refund must be a positive amount.", { fieldErrors: { amount: "Enter a positive amount." } });
  if (amount > refundable) {
    throw new DomainError("VALIDATION", "The refund is larger than what is left to refund.", {
      fieldErrors: { amount: "At most the amount not yet refunded." },
    });
  }
  const idempotencyKey = refundIdempotencyKey(payment.id, amount, payment.refundedCents);
  const refund = await stripeClient().refunds.create(
    { payment_intent: payment.stripePaymentIntentId, amount, metadata: { registrationId, paymentId: payment.id } },
    { idempotencyKey },
  );
  return { refundId: refund.id, paymentId: payment.id, amountCents: amount, currency: payment.currency, idempotencyKey };
}

/**
 * An organiser's refund (goodwill, partial, or a cancelled paid ticket): only for a registration
 * of the event they manage; the amount is in the payment's currency (default: all that is left).
 */
export async function refundForOrganiser(eventId: string, registrationId: string, amountCents?: number): Promise<RefundRequested> {
  requireUuid(registrationId, "This registration does not exist.");
  const registration = await db().registration.findFirst({ where: { id: registrationId, eventId }, select: { id: true } });
  if (!registration) throw new DomainError("NOT_FOUND", "This registration does not exist.");
  return refundRegistration(registration.id, amountCents);
}
