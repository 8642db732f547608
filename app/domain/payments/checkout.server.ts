// Sends a registration whose seat is held (PENDING_PAYMENT) to Stripe Checkout.
//
// - The price comes from the ticket type in the database, never from the client.
// - The session's metadata carries the registration id (also on the payment intent, so a
//   refund's charge can be traced back even before we learnt the intent id).
// - expires_at follows the seat hold: the session ends 5 minutes (PAYMENT_HOLD − CHECKOUT_SESSION)
//   before the hold, so the seat outlives every moment at which the session can still be paid.
//   Stripe refuses an expires_at less than 30 minutes ahead, and a fresh 35-minute hold leaves
//   exactly 30 minutes, so in practice the hold is extended (once, under the registration's row
//   lock, with a few minutes' headroom) when the attendee is sent to Checkout.
// - Idempotency key `checkout-<registrationId>-<hold>`: every request for the same hold — double
//   clicks, two tabs, a retry after a timeout — gets the same Checkout Session from Stripe, and
//   the Payment row is keyed by the session id, so there is one session and one row.
// - Asking again while the session is open returns the same URL (retrieved from Stripe).
import { requireVerifiedEmail } from "~/domain/accounts/verification.server";
import { DomainError } from "~/domain/kernel/errors";
import { CHECKOUT_SESSION_MINUTES, PAYMENT_HOLD_MINUTES, offeredPaymentMethods } from "~/domain/registration/ticket-rules";
import { db } from "~/platform/db.server";
import { publicUrl, isStripeConfigured } from "~/platform/env.server";
import { lockRegistration } from "./fulfilment.server";
import { stripeClient } from "./stripe.server";

const MINUTE = 60_000;
/** How long before the hold lapses the Checkout Session closes. */
const SESSION_BEFORE_HOLD_MS = (PAYMENT_HOLD_MINUTES - CHECKOUT_SESSION_MINUTES) * MINUTE;
/** Stripe wants ≥ 30 minutes; keep a minute of slack for clock skew and the request itself. */
const MIN_SESSION_MS = (CHECKOUT_SESSION_MINUTES + 1) * MINUTE;
/**
 * When the hold is extended, by this much more than the minimum, so that requests arriving in
 * the next few minutes (double clicks, a second tab, retries) find it long enough and reuse the
 * same hold — hence the same idempotency key and the same session.
 */
const EXTENSION_HEADROOM_MS = 4 * MINUTE;

export interface CheckoutStarted {
  url: string;
  sessionId: string;
  paymentId: string;
  expiresAt: Date;
}

export function checkoutIdempotencyKey(registrationId: string, holdExpiresAt: Date): string {
  return `checkout-${registrationId}-${holdExpiresAt.getTime()}`;
}

/** The Checkout Session's end for a hold: a whole second, as Stripe takes Unix seconds. */
export function sessionExpiryFor(holdExpiresAt: Date): Date {
  return new Date(Math.floor((holdExpiresAt.getTime() - SESSION_BEFORE_HOLD_MS) / 1000) * 1000);
}

function notPayable(message: string): DomainError {
  return new DomainError("NOT_PAYABLE", message);
}

/**
 * Returns the Checkout URL for the registration. `scope.userId` restricts it to the attendee's
 * own registration (a route always passes it; an id in a URL must not reveal someone else's).
 */
export async function startCheckout(registrationId: string, scope: { userId?: string; now?: Date } = {}): Promise<CheckoutStarted> {
  const now = scope.now ?? new Date();

  // 1. Under the registration's lock: check it, find an existing session, or fix the hold.
  const prepared = await db().$transaction(async (tx) => {
    if (!(await lockRegistration(tx, registrationId))) throw new DomainError("NOT_FOUND", "Registration not found.");
    const registration = await tx.registration.findUniqueOrThrow({
      where: { id: registrationId },
      select: {
        id: true,
        userId: true,
        status: true,
        paymentStatus: true,
        holdExpiresAt: true,
        eventId: true,
        user: { select: { email: true } },
        event: { select: { title: true } },
        ticketType: { select: { name: true, priceCents: true, currency: true } },
        payments: {
          where: { method: "STRIPE", stripeCheckoutSessionId: { not: null } },
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { id: true, state: true, stripeCheckoutSessionId: true },
        },
      },
    });
    if (scope.userId && registration.userId !== scope.userId) throw new DomainError("NOT_FOUND", "Registration not found.");
    if (registration.status === "CONFIRMED") throw notPayable("This registration is already confirmed — there is nothing left to pay.");
    if (registration.status !== "PENDING_PAYMENT" || registration.paymentStatus !== "PENDING") {
      throw notPayable("This registration is not waiting for a card payment.");
    }
    if (registration.ticketType.priceCents <= 0) throw notPayable("This ticket is free — there is nothing to pay.");
    await requireVerifiedEmail(tx, registration.userId, "pay for a ticket");
    const existing = registration.payments[0];
    if (existing && existing.state === "PENDING") return { kind: "existing" as const, registration, payment: existing };

    // No session yet: the hold must still run and leave room for a session Stripe accepts.
    if (!registration.holdExpiresAt) throw notPayable("A payment for this registration is already being processed.");
    if (registration.holdExpiresAt.getTime() <= now.getTime()) throw notPayable("The seat held for you has been released. Please register again.");
    let hold = registration.holdExpiresAt;
    if (sessionExpiryFor(hold).getTime() - now.getTime() < MIN_SESSION_MS) {
      hold = new Date(now.getTime() + MIN_SESSION_MS + EXTENSION_HEADROOM_MS + SESSION_BEFORE_HOLD_MS);
      await tx.registration.update({ where: { id: registration.id }, data: { holdExpiresAt: hold } });
    }
    return { kind: "new" as const, registration, hold };
  });

  const stripe = stripeClient();

  // 2a. A session exists: hand back its URL while it can still be paid.
  if (prepared.kind === "existing") {
    const session = await stripe.checkout.sessions.retrieve(prepared.payment.stripeCheckoutSessionId!);
    if (session.status === "open" && session.url) {
      return { url: session.url, sessionId: session.id, paymentId: prepared.payment.id, expiresAt: new Date(session.expires_at * 1000) };
    }
    if (session.status === "complete") throw notPayable("Your payment has been received — the confirmation follows by email.");
    throw notPayable("This payment session has ended. Please register again.");
  }

  // 2b. Create it (outside the transaction: no row lock is held across a network call).
  const { registration, hold } = prepared;
  const expiresAt = sessionExpiryFor(hold);
  const base = publicUrl();
  const session = await stripe.checkout.sessions.create(
    {
      mode: "payment",
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: registration.ticketType.currency.toLowerCase(),
            unit_amount: registration.ticketType.priceCents,
            product_data: { name: `${registration.event.title} — ${registration.ticketType.name}` },
          },
        },
      ],
      customer_email: registration.user.email,
      client_reference_id: registration.id,
      metadata: { registrationId: registration.id },
      payment_intent_data: { metadata: { registrationId: registration.id } },
      expires_at: Math.floor(expiresAt.getTime() / 1000),
      success_url: `${base}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${base}/checkout/cancel?registration=${registration.id}`,
    },
    { idempotencyKey: checkoutIdempotencyKey(registration.id, hold) },
  );
  if (!session.url) throw new Error(`Stripe returned Checkout Session ${session.id} without a URL`);

  // 3. Remember it. Concurrent callers got the same session; the unique session id keeps one row.
  await db().payment.createMany({
    data: [
      {
        eventId: registration.eventId,
        registrationId: registration.id,
        method: "STRIPE",
        state: "PENDING",
        amountCents: registration.ticketType.priceCents,
        currency: registration.ticketType.currency,
        stripeCheckoutSessionId: session.id,
      },
    ],
    skipDuplicates: true,
  });
  const payment = await db().payment.findUniqueOrThrow({ where: { stripeCheckoutSessionId: session.id }, select: { id: true } });
  return { url: session.url, sessionId: session.id, paymentId: payment.id, expiresAt };
}

// ───────────────────────────── what the checkout pages show ─────────────────────────────

export interface CheckoutView {
  registrationId: string;
  status: string;
  paymentStatus: string;
  event: { slug: string; title: string; timeZone: string; startsAt: Date };
  ticketTypeName: string;
  priceCents: number;
  currency: string;
  holdExpiresAt: Date | null;
  /** The attendee may (still) pay by card now. */
  canPayByCard: boolean;
  /** The attendee may switch to invoice / bank transfer now. */
  canSwitchToInvoice: boolean;
}

/** The attendee's own registration, as the checkout pages need it; null when not theirs. */
export async function loadCheckoutView(registrationId: string, userId: string, now: Date = new Date()): Promise<CheckoutView | null> {
  const registration = await db().registration.findFirst({
    where: { id: registrationId, userId },
    select: {
      id: true,
      status: true,
      paymentStatus: true,
      holdExpiresAt: true,
      event: { select: { slug: true, title: true, timeZone: true, startsAt: true } },
      ticketType: { select: { name: true, priceCents: true, currency: true, paymentMethods: true } },
    },
  });
  if (!registration) return null;
  const waiting = registration.status === "PENDING_PAYMENT" && registration.paymentStatus === "PENDING";
  const holdRunning = registration.holdExpiresAt !== null && registration.holdExpiresAt.getTime() > now.getTime();
  const offered = offeredPaymentMethods(registration.ticketType, { stripeConfigured: isStripeConfigured() });
  return {
    registrationId: registration.id,
    status: registration.status,
    paymentStatus: registration.paymentStatus,
    event: registration.event,
    ticketTypeName: registration.ticketType.name,
    priceCents: registration.ticketType.priceCents,
    currency: registration.ticketType.currency,
    holdExpiresAt: registration.holdExpiresAt,
    canPayByCard: waiting && holdRunning && offered.includes("STRIPE"),
    canSwitchToInvoice: waiting && holdRunning && offered.includes("INVOICE"),
  };
}

/** For the success page: which of the attendee's registrations a returning Checkout Session paid. */
export async function registrationForSession(sessionId: string, userId: string): Promise<string | null> {
  const payment = await db().payment.findFirst({
    where: { stripeCheckoutSessionId: sessionId, registration: { userId } },
    select: { registrationId: true },
  });
  return payment?.registrationId ?? null;
}
