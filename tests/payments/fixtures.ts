// Rows for payment tests: an event with a priced, capacity-limited ticket type, and attendees
// whose registrations hold a seat while they pay (PENDING_PAYMENT, seat taken, hold running) —
// the state the registration flow leaves behind before it sends someone to Stripe Checkout.
import { randomBytes } from "node:crypto";
import { takeSeat } from "~/domain/registration/store.server";
import { holdExpiry } from "~/domain/registration/ticket-rules";
import { db } from "~/platform/db.server";
import { resetEnvForTests } from "~/platform/env.server";
import { startCheckout } from "~/domain/payments/checkout.server";
import { receiveStripeWebhook } from "~/domain/payments/webhook.server";
import { checkoutSessionEvent, signPayload, type StripeDouble } from "../support/stripe-double";

export const PRICE_CENTS = 12_000;

export function configureStripe(double: StripeDouble): void {
  process.env.STRIPE_SECRET_KEY = double.secretKey;
  process.env.STRIPE_WEBHOOK_SECRET = double.webhookSecret;
  process.env.STRIPE_API_BASE = double.baseUrl;
  process.env.PUBLIC_URL = "http://events.scale.test";
  resetEnvForTests();
}

export async function createPaidEvent(options: { capacity?: number | null; priceCents?: number } = {}) {
  const suffix = randomBytes(4).toString("hex");
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  const event = await db().event.create({
    data: {
      slug: `paid-workshop-${suffix}`,
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
      publishedAt: new Date(),
    },
  });
  const ticketType = await db().ticketType.create({
    data: {
      eventId: event.id,
      name: "Study visit",
      priceCents: options.priceCents ?? PRICE_CENTS,
      capacity: options.capacity === undefined ? 10 : options.capacity,
      paymentMethods: ["STRIPE", "INVOICE"],
      refundUntilHours: 72,
    },
  });
  return { event, ticketType };
}

export async function createAttendee(name = "Ana Silva") {
  const suffix = randomBytes(4).toString("hex");
  return db().user.create({ data: { email: `attendee-${suffix}@maia.example`, name, passwordHash: "x" } });
}

/** A registration waiting for its card payment, holding one seat. */
export async function createPendingPayment(ticketType: { id: string; eventId: string }, options: { now?: Date; holdMinutes?: number } = {}) {
  const user = await createAttendee();
  const now = options.now ?? new Date();
  return db().$transaction(async (tx) => {
    if (!(await takeSeat(tx, ticketType.id))) throw new Error("fixture: ticket type is full");
    return tx.registration.create({
      data: {
        eventId: ticketType.eventId,
        userId: user.id,
        ticketTypeId: ticketType.id,
        status: "PENDING_PAYMENT",
        paymentStatus: "PENDING",
        ticketCode: randomBytes(10).toString("hex").toUpperCase(),
        holdExpiresAt: holdExpiry(now, options.holdMinutes),
      },
      include: { user: true },
    });
  });
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
    payments: payments.map((p) => ({ state: p.state, amountCents: p.amountCents, refundedCents: p.refundedCents, paid: p.paidAt !== null, knowsIntent: p.stripePaymentIntentId !== null })),
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
  const { ticketType } = await createPaidEvent();
  const registration = await createPendingPayment(ticketType);
  const started = await startCheckout(registration.id);
  const session = double.pay(started.sessionId);
  const fulfilled = await deliverSigned(double, checkoutSessionEvent("checkout.session.completed", session));
  if (fulfilled.status !== 200) throw new Error(`checkout.session.completed answered ${fulfilled.status}`);
  return { registration, session, paymentId: started.paymentId };
}
