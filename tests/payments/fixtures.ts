// The payment tests' scene: an event with a priced, capacity-limited ticket type, and attendees
// whose registrations hold a seat while they pay (PENDING_PAYMENT, seat taken, hold running) —
// the state the registration flow leaves behind before it sends someone to Stripe Checkout.
// Rows come from the shared factories (../support/factories).
import { takeSeat } from "~/domain/registration/store.server";
import { holdExpiry } from "~/domain/registration/ticket-rules";
import type { PaymentMethod } from "~/generated/prisma/enums";
import { db } from "~/platform/db.server";
import { resetEnvForTests } from "~/platform/env.server";
import { startCheckout } from "~/domain/payments/checkout.server";
import { receiveStripeWebhook } from "~/domain/payments/webhook.server";
import { checkoutSessionEvent, signPayload, type StripeDouble } from "../support/stripe-double";
import { makeEvent, makeRegistration, makeTicketType, makeUser, unique } from "../support/factories";

export const PRICE_CENTS = 12_000;

export function configureStripe(double: StripeDouble): void {
  process.env.STRIPE_SECRET_KEY = double.secretKey;
  process.env.STRIPE_WEBHOOK_SECRET = double.webhookSecret;
  process.env.STRIPE_API_BASE = double.baseUrl;
  process.env.PUBLIC_URL = "http://events.scale.test";
  resetEnvForTests();
}

/** A study visit in Vienna a month ahead with one priced ticket type (10 seats, card or invoice). */
export async function makePaidEvent(options: { capacity?: number | null; priceCents?: number } = {}) {
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  const event = await makeEvent({
    slug: `paid-workshop-${unique()}`,
    title: "Smart Lighting Study Visit",
    summary: "A paid study visit",
    description: "Paid study visit to a lighthouse district.",
    kind: "WORKSHOP",
    status: "PUBLISHED",
    timeZone: "Europe/Vienna",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 4 * 3_600_000),
    venueName: "Aspern Seestadt",
    city: "Vienna",
    country: "AT",
  });
  const ticketType = await makeTicketType(event, {
    name: "Study visit",
    priceCents: options.priceCents ?? PRICE_CENTS,
    capacity: options.capacity === undefined ? 10 : options.capacity,
    paymentMethods: ["STRIPE", "INVOICE"],
    refundUntilHours: 72,
  });
  return { event, ticketType };
}

/** A registration waiting for its payment, holding one seat; by a new attendee unless `user`. */
export async function makePendingPayment(
  ticketType: { id: string; eventId: string },
  options: { user?: { id: string; email: string }; now?: Date; holdMinutes?: number; paymentMethod?: PaymentMethod } = {},
) {
  const user = options.user ?? (await makeUser({ name: "Ana Silva" }));
  const now = options.now ?? new Date();
  const registration = await db().$transaction(async (tx) => {
    if (!(await takeSeat(tx, ticketType.id))) throw new Error("fixture: ticket type is full");
    return makeRegistration(
      user,
      ticketType,
      { status: "PENDING_PAYMENT", paymentStatus: "PENDING", paymentMethod: options.paymentMethod, holdExpiresAt: holdExpiry(now, options.holdMinutes) },
      tx,
    );
  });
  return { ...registration, user };
}

export async function takenSeats(ticketTypeId: string): Promise<number> {
  return (await db().ticketType.findUniqueOrThrow({ where: { id: ticketTypeId }, select: { taken: true } })).taken;
}

/** The state a test compares across orderings: rows, seat count and the emails queued. */
export async function paymentOutcome(registrationId: string) {
  const registration = await db().registration.findUniqueOrThrow({
    where: { id: registrationId },
    select: { status: true, paymentStatus: true, holdExpiresAt: true, ticketTypeId: true, user: { select: { email: true } } },
  });
  const payments = await db().payment.findMany({
    where: { registrationId },
    select: { state: true, amountCents: true, refundedCents: true, paidAt: true, stripePaymentIntentId: true },
  });
  const emails = await db().outboxEmail.findMany({ where: { toAddress: registration.user.email }, select: { dedupeKey: true } });
  return {
    status: registration.status,
    paymentStatus: registration.paymentStatus,
    holdCleared: registration.holdExpiresAt === null,
    payments: payments.map((p) => ({
      state: p.state,
      amountCents: p.amountCents,
      refundedCents: p.refundedCents,
      paid: p.paidAt !== null,
      knowsIntent: p.stripePaymentIntentId !== null,
    })),
    emails: emails.map((e) => (e.dedupeKey ?? "").replace(/:[0-9a-f-]{36}/, "")).sort(),
  };
}

/** Hands a Stripe event to the webhook handler exactly as the route does, signed by the double. */
export async function deliverSigned(double: StripeDouble, event: object) {
  const payload = JSON.stringify(event);
  return receiveStripeWebhook(Buffer.from(payload), signPayload(payload, double.webhookSecret));
}

/** A registration sent to Checkout, paid on Stripe's page and fulfilled by the webhook. */
export async function paidRegistration(double: StripeDouble) {
  const { ticketType } = await makePaidEvent();
  const registration = await makePendingPayment(ticketType);
  const started = await startCheckout(registration.id);
  const session = double.pay(started.sessionId);
  const fulfilled = await deliverSigned(double, checkoutSessionEvent("checkout.session.completed", session));
  if (fulfilled.status !== 200) throw new Error(`checkout.session.completed answered ${fulfilled.status}`);
  return { registration, session, paymentId: started.paymentId };
}
