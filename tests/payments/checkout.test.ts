// Stripe Checkout and platform refunds against the local Stripe double, with the real SDK.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCheckout, sessionExpiryFor } from "~/domain/payments/checkout.server";
import { refundForOrganiser, refundRegistration } from "~/domain/payments/refunds.server";
import { db } from "~/platform/db.server";
import { startStripeDouble, type StripeDouble } from "../support/stripe-double";
import { makeUser } from "../support/factories";
import { PRICE_CENTS, configureStripe, makePaidEvent, makePendingPayment, paidRegistration as paidWithStripe } from "./fixtures";

let stripe: StripeDouble;

beforeAll(async () => {
  stripe = await startStripeDouble();
  configureStripe(stripe);
});

afterAll(async () => {
  await stripe?.close();
});

describe("startCheckout", () => {
  it("creates a Checkout Session priced from the database, tied to the registration and the hold", async () => {
    const { event, ticketType } = await makePaidEvent({ priceCents: 4_500 });
    const registration = await makePendingPayment(ticketType);
    const started = await startCheckout(registration.id, { userId: registration.userId });
    const hold = (await db().registration.findUniqueOrThrow({ where: { id: registration.id } })).holdExpiresAt!;

    expect(started.url).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    const call = stripe.requests.find(
      (r) => r.method === "POST" && r.path === "/v1/checkout/sessions" && (r.params.metadata as Record<string, string>)?.registrationId === registration.id,
    )!;
    expect(call.idempotencyKey).toBe(`checkout-${registration.id}-${hold.getTime()}`);
    expect(call.params).toMatchObject({
      mode: "payment",
      client_reference_id: registration.id,
      customer_email: registration.user.email,
      metadata: { registrationId: registration.id },
      payment_intent_data: { metadata: { registrationId: registration.id } },
      line_items: [{ quantity: "1", price_data: { currency: "eur", unit_amount: "4500", product_data: { name: `${event.title} — Study visit` } } }],
      success_url: "http://events.scale.test/checkout/success?session_id={CHECKOUT_SESSION_ID}",
      cancel_url: `http://events.scale.test/checkout/cancel?registration=${registration.id}`,
    });
    // The session closes five minutes before the seat hold lapses, and at least 30 minutes ahead.
    expect(Number(call.params.expires_at) * 1000).toBe(sessionExpiryFor(hold).getTime());
    expect(hold.getTime() - Number(call.params.expires_at) * 1000).toBeGreaterThanOrEqual(5 * 60_000);
    expect(Number(call.params.expires_at) * 1000 - Date.now()).toBeGreaterThanOrEqual(30 * 60_000);

    const payment = await db().payment.findUniqueOrThrow({ where: { id: started.paymentId } });
    expect(payment).toMatchObject({
      state: "PENDING",
      method: "STRIPE",
      amountCents: 4_500,
      currency: "EUR",
      stripeCheckoutSessionId: started.sessionId,
      registrationId: registration.id,
    });
  });

  it("gives the same session to concurrent and repeated requests: one Stripe session, one Payment row", async () => {
    const { ticketType } = await makePaidEvent();
    const registration = await makePendingPayment(ticketType);
    const results = await Promise.all(Array.from({ length: 6 }, () => startCheckout(registration.id)));
    expect(new Set(results.map((r) => r.sessionId)).size).toBe(1);
    expect(new Set(results.map((r) => r.url)).size).toBe(1);
    const again = await startCheckout(registration.id);
    expect(again.sessionId).toBe(results[0].sessionId);
    expect(await db().payment.count({ where: { registrationId: registration.id } })).toBe(1);
    const created = [...stripe.sessions.values()].filter((s) => s.metadata.registrationId === registration.id);
    expect(created).toHaveLength(1);
  });

  it("extends a hold too short for Stripe's 30-minute minimum once, then uses it", async () => {
    const { ticketType } = await makePaidEvent();
    // Registered 20 minutes ago: 15 minutes of hold left, less than a session needs.
    const registration = await makePendingPayment(ticketType, { now: new Date(Date.now() - 20 * 60_000) });
    const started = await startCheckout(registration.id);
    const hold = (await db().registration.findUniqueOrThrow({ where: { id: registration.id } })).holdExpiresAt!;
    expect(hold.getTime()).toBeGreaterThan(registration.holdExpiresAt!.getTime());
    expect(started.expiresAt.getTime()).toBe(sessionExpiryFor(hold).getTime());
    expect(started.expiresAt.getTime() - Date.now()).toBeGreaterThanOrEqual(30 * 60_000);
  });

  it("refuses what cannot be paid: someone else's registration, a confirmed one, a lapsed hold, a free ticket", async () => {
    const { ticketType } = await makePaidEvent();
    const mine = await makePendingPayment(ticketType);
    const stranger = await makeUser({ name: "Eve" });
    await expect(startCheckout(mine.id, { userId: stranger.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(startCheckout("00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });

    const confirmed = await makePendingPayment(ticketType);
    await db().registration.update({ where: { id: confirmed.id }, data: { status: "CONFIRMED", paymentStatus: "UNPAID_INVOICE", holdExpiresAt: null } });
    await expect(startCheckout(confirmed.id)).rejects.toMatchObject({ code: "NOT_PAYABLE" });

    const lapsed = await makePendingPayment(ticketType, { now: new Date(Date.now() - 60 * 60_000) });
    await expect(startCheckout(lapsed.id)).rejects.toMatchObject({ code: "NOT_PAYABLE" });

    const { ticketType: free } = await makePaidEvent({ priceCents: 0 });
    const gratis = await makePendingPayment(free);
    await expect(startCheckout(gratis.id)).rejects.toMatchObject({ code: "NOT_PAYABLE" });
    expect(await db().payment.count({ where: { registrationId: { in: [mine.id, confirmed.id, lapsed.id, gratis.id] } } })).toBe(0);
  });

  it("reports a completed session instead of sending the attendee to pay twice", async () => {
    const { ticketType } = await makePaidEvent();
    const registration = await makePendingPayment(ticketType);
    const started = await startCheckout(registration.id);
    stripe.pay(started.sessionId, "unpaid");
    await expect(startCheckout(registration.id)).rejects.toThrow(/payment has been received/);
  });
});

describe("refundRegistration", () => {
  const paidRegistration = () => paidWithStripe(stripe);

  it("asks Stripe with an idempotency key: a double click refunds once", async () => {
    const { registration, session, paymentId } = await paidRegistration();
    const [first, second] = await Promise.all([refundRegistration(registration.id, 2_500), refundRegistration(registration.id, 2_500)]);
    expect(first.refundId).toBe(second.refundId);
    expect(first.idempotencyKey).toBe(`refund-${paymentId}-2500-after-0`);
    expect(stripe.refunds.filter((r) => r.payment_intent === session.payment_intent)).toHaveLength(1);
    // The platform's state only moves with Stripe's charge.refunded webhook.
    expect((await db().payment.findUniqueOrThrow({ where: { id: paymentId } })).refundedCents).toBe(0);
  });

  it("a second partial refund of the same amount after the first was reported is a new refund", async () => {
    const { registration, session, paymentId } = await paidRegistration();
    await refundRegistration(registration.id, 1_000);
    await db().payment.update({ where: { id: paymentId }, data: { refundedCents: 1_000, state: "PARTIALLY_REFUNDED" } });
    const second = await refundRegistration(registration.id, 1_000);
    expect(second.idempotencyKey).toBe(`refund-${paymentId}-1000-after-1000`);
    expect(stripe.refunds.filter((r) => r.payment_intent === session.payment_intent)).toHaveLength(2);
  });

  it("lets an organiser refund part of a ticket of their own event only", async () => {
    const { registration, session } = await paidRegistration();
    const other = await makePaidEvent();
    await expect(refundForOrganiser(other.event.id, registration.id, 1_000)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(refundForOrganiser(registration.eventId, "not-a-uuid", 1_000)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const partial = await refundForOrganiser(registration.eventId, registration.id, 2_550);
    expect(partial).toMatchObject({ amountCents: 2_550, currency: expect.stringMatching(/^eur$/i) });
    expect(stripe.refunds.filter((r) => r.payment_intent === session.payment_intent).map((r) => r.amount)).toEqual([2_550]);
  });

  it("refunds the rest by default and refuses more than is left, or nothing to refund", async () => {
    const { registration, session } = await paidRegistration();
    await expect(refundRegistration(registration.id, PRICE_CENTS + 1)).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(refundRegistration(registration.id, 0)).rejects.toMatchObject({ code: "VALIDATION" });
    const all = await refundRegistration(registration.id);
    expect(all.amountCents).toBe(PRICE_CENTS);
    expect(stripe.refunds.filter((r) => r.payment_intent === session.payment_intent).map((r) => r.amount)).toEqual([PRICE_CENTS]);

    const { ticketType } = await makePaidEvent();
    const unpaid = await makePendingPayment(ticketType);
    await expect(refundRegistration(unpaid.id)).rejects.toMatchObject({ code: "NOTHING_TO_REFUND" });
  });
});
