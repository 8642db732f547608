// Receives one Stripe webhook delivery: verify the signature over the raw bytes, parse the
// event, find the payment it is about, and apply it exactly once.
//
// Exactly once: the event id is inserted into ProcessedStripeEvent in the same transaction as
// its effects (ON CONFLICT DO NOTHING). A duplicate delivery — even one racing the first — waits
// on that row and then finds it present, so it changes nothing. If the effects fail, the whole
// transaction (event id included) rolls back and Stripe's retry gets a clean second chance.
//
// Answers: 400 with a reason for anything not provably from Stripe (missing, forged or stale
// signature, malformed body); 200 for everything verified — handled, duplicate, of a type we do
// not handle, or about a registration we do not know (logged) — so Stripe does not retry what
// can never succeed. Only a genuine failure on our side is a 5xx, which Stripe retries.
import Stripe from "stripe";
import { z } from "zod";
import { isUuid } from "~/domain/kernel/ids";
import type { Tx } from "~/platform/db.server";
import { db } from "~/platform/db.server";
import { lockRegistration, applyPaymentEvent } from "./fulfilment.server";
import { type RefundToIssue } from "./refund-queue.server";
import { stripeClient, webhookSecret } from "./stripe.server";
import { toStripePaymentEvent, type StripePaymentEvent } from "./stripe-transitions";

/** Stripe's default: a signature older than five minutes is a replay. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

export type WebhookResult =
  | { status: 400 | 404 | 413; outcome: "rejected"; reason: string }
  | {
      status: 200;
      outcome: "processed" | "unchanged" | "duplicate" | "ignored" | "unknown-payment";
      eventId: string;
      eventType: string;
      registrationId?: string;
      refundsAfterCommit?: RefundToIssue[];
    };

export interface WebhookLogger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

const silentLogger: WebhookLogger = { info() {}, warn() {} };

const eventSchema = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

const metadataSchema = z.record(z.string(), z.unknown()).nullish();

function stringField(object: Record<string, unknown>, key: string): string | null {
  const value = object[key];
  if (typeof value === "string" && value.length > 0) return value;
  // Expanded objects ({ id: "pi_…" }) appear when an integration asks for expansion.
  if (value && typeof value === "object" && typeof (value as { id?: unknown }).id === "string") return (value as { id: string }).id;
  return null;
}

function registrationIdFrom(object: Record<string, unknown>): string | null {
  const metadata = metadataSchema.safeParse(object.metadata);
  const candidate = metadata.success ? metadata.data?.registrationId : undefined;
  return isUuid(candidate) ? candidate : null;
}

/** What an event says about which payment it concerns. */
interface PaymentReference {
  checkoutSessionId: string | null;
  paymentIntentId: string | null;
  registrationId: string | null;
  amountTotal: number | null;
  currency: string | null;
}

function referenceOf(eventType: string, object: Record<string, unknown>): PaymentReference {
  const isSession = eventType.startsWith("checkout.session.");
  return {
    checkoutSessionId: isSession ? stringField(object, "id") : null,
    paymentIntentId: stringField(object, "payment_intent"),
    registrationId: registrationIdFrom(object),
    amountTotal: isSession && typeof object.amount_total === "number" ? object.amount_total : null,
    currency: isSession && typeof object.currency === "string" ? object.currency : null,
  };
}

/**
 * Finds the Stripe Payment row an event is about: by Checkout Session, by payment intent (refunds
 * made in the dashboard carry only that), then by the registration id we put in the metadata.
 * A session event for a registration whose Payment row was never written (a crash between
 * Stripe's answer and our insert) recreates it from the session.
 */
async function findPayment(tx: Tx, reference: PaymentReference): Promise<{ id: string; registrationId: string } | null> {
  const select = { id: true, registrationId: true } as const;
  if (reference.checkoutSessionId) {
    const bySession = await tx.payment.findUnique({ where: { stripeCheckoutSessionId: reference.checkoutSessionId }, select });
    if (bySession) return bySession;
  }
  if (reference.paymentIntentId) {
    const byIntent = await tx.payment.findUnique({ where: { stripePaymentIntentId: reference.paymentIntentId }, select });
    if (byIntent) return byIntent;
  }
  if (!reference.registrationId) return null;
  const registration = await tx.registration.findUnique({
    where: { id: reference.registrationId },
    select: { id: true, eventId: true, ticketType: { select: { currency: true } } },
  });
  if (!registration) return null;
  if (!reference.checkoutSessionId) {
    // A charge event: the registration's Stripe payment whose intent we have not learnt yet — or
    // have learnt a moment ago, from a completion that committed after the lookup above.
    return tx.payment.findFirst({
      where: {
        registrationId: registration.id,
        method: "STRIPE",
        OR: [{ stripePaymentIntentId: null }, ...(reference.paymentIntentId ? [{ stripePaymentIntentId: reference.paymentIntentId }] : [])],
      },
      orderBy: { createdAt: "desc" },
      select,
    });
  }
  if (reference.amountTotal === null) return null;
  await tx.payment.createMany({
    data: [
      {
        eventId: registration.eventId,
        registrationId: registration.id,
        method: "STRIPE",
        amountCents: reference.amountTotal,
        currency: (reference.currency ?? registration.ticketType.currency).toUpperCase(),
        stripeCheckoutSessionId: reference.checkoutSessionId,
      },
    ],
    skipDuplicates: true,
  });
  return tx.payment.findUnique({ where: { stripeCheckoutSessionId: reference.checkoutSessionId }, select });
}

class UnknownPayment extends Error {}

/**
 * A charge event carries the payment intent (and our metadata only if Stripe copied it from the
 * intent). When we have not yet learnt that intent — the refund's webhook overtook the
 * completion's — Stripe itself says which Checkout Session, hence which registration, it paid.
 */
async function registrationFromStripe(paymentIntentId: string): Promise<string | null> {
  const sessions = await stripeClient().checkout.sessions.list({ payment_intent: paymentIntentId, limit: 1 });
  return registrationIdFrom((sessions.data[0] ?? {}) as unknown as Record<string, unknown>);
}

/** Verifies and applies one delivery. `rawBody` must be the exact bytes Stripe sent. */
export async function receiveStripeWebhook(
  rawBody: Buffer,
  signatureHeader: string | null,
  options: { logger?: WebhookLogger; now?: Date } = {},
): Promise<WebhookResult> {
  const logger = options.logger ?? silentLogger;
  const secret = webhookSecret();
  if (!secret) return { status: 404, outcome: "rejected", reason: "Stripe webhooks are not configured on this installation." };
  if (rawBody.length > MAX_WEBHOOK_BYTES) return { status: 413, outcome: "rejected", reason: "Webhook body too large." };
  if (!signatureHeader) return { status: 400, outcome: "rejected", reason: "Missing Stripe-Signature header." };

  let parsed: unknown;
  try {
    // Verifies the HMAC over the raw bytes and the timestamp (replay window), then parses JSON.
    parsed = Stripe.webhooks.constructEvent(rawBody, signatureHeader, secret, SIGNATURE_TOLERANCE_SECONDS);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
      const message = error.message ?? "";
      const reason = /tolerance/i.test(message)
        ? "Stale signature: the timestamp is outside the tolerance window."
        : /extract timestamp|no signatures found with expected scheme/i.test(message)
          ? "Malformed Stripe-Signature header."
          : "Signature does not match the payload.";
      logger.warn({ reason }, "stripe webhook rejected");
      return { status: 400, outcome: "rejected", reason };
    }
    // The signature was valid but the body is not JSON: only a sender with our secret can do this.
    logger.warn({ err: String(error) }, "stripe webhook body is not JSON");
    return { status: 400, outcome: "rejected", reason: "Malformed JSON body." };
  }

  const shape = eventSchema.safeParse(parsed);
  if (!shape.success) return { status: 400, outcome: "rejected", reason: "Not a Stripe event: id, type and data.object are required." };
  const event = shape.data;
  const base = { eventId: event.id, eventType: event.type };

  const paymentEvent: StripePaymentEvent | null = toStripePaymentEvent(event);
  if (!paymentEvent) {
    logger.info(base, "stripe webhook ignored (type or shape not handled)");
    return { status: 200, outcome: "ignored", ...base };
  }
  const reference = referenceOf(event.type, event.data.object);
  const now = options.now ?? new Date();
  if (!reference.checkoutSessionId && !reference.registrationId && reference.paymentIntentId) {
    const known = await db().payment.findUnique({ where: { stripePaymentIntentId: reference.paymentIntentId }, select: { id: true } });
    // Outside the transaction: no lock is held across the call. If Stripe cannot be reached the
    // delivery fails (5xx) and Stripe retries it later.
    if (!known) reference.registrationId = await registrationFromStripe(reference.paymentIntentId);
  }

  try {
    return await db().$transaction(
      async (tx) => {
        const payment = await findPayment(tx, reference);
        if (!payment || !(await lockRegistration(tx, payment.registrationId))) throw new UnknownPayment();
        const inserted = await tx.$executeRaw`
          INSERT INTO "ProcessedStripeEvent" ("id", "type") VALUES (${event.id}, ${event.type}) ON CONFLICT ("id") DO NOTHING`;
        if (inserted === 0) return { status: 200 as const, outcome: "duplicate" as const, ...base, registrationId: payment.registrationId };
        const result = await applyPaymentEvent(tx, { registrationId: payment.registrationId, paymentId: payment.id }, paymentEvent, now, {
          paymentIntentId: reference.paymentIntentId,
        });
        logger.info(
          {
            ...base,
            registrationId: payment.registrationId,
            from: result.before.registrationStatus,
            to: result.after.registrationStatus,
            effects: result.effects.map((e) => e.type),
          },
          "stripe webhook applied",
        );
        return {
          status: 200 as const,
          outcome: result.changed ? ("processed" as const) : ("unchanged" as const),
          ...base,
          registrationId: payment.registrationId,
          refundsAfterCommit: result.refundsAfterCommit,
        };
      },
      { timeout: 15_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof UnknownPayment) {
      // Nothing recorded: should the payment appear later, a redelivery can still be applied.
      logger.warn({ ...base, reference }, "stripe webhook for an unknown payment or registration");
      return { status: 200, outcome: "unknown-payment", ...base };
    }
    throw error;
  }
}
