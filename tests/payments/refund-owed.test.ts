// A refund the platform decided on survives a crash before Stripe was asked: the decision is
// stored with the cancellation, and the sweep asks Stripe (with the same idempotency key) until
// Stripe's charge.refunded webhook reports it — never refunding twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestOwedRefunds } from "~/domain/payments/refund-queue.server";
import { cancelRegistration } from "~/domain/payments/cancellation.server";
import { db } from "~/platform/db.server";
import { chargeRefundedEvent, startStripeDouble, type StripeDouble } from "../support/stripe-double";
import { PRICE_CENTS, configureStripe, deliverSigned, paidRegistration as paidWithStripe } from "./fixtures";

let stripe: StripeDouble;

beforeAll(async () => {
  stripe = await startStripeDouble();
  configureStripe(stripe);
});

afterAll(async () => {
  await stripe?.close();
});

const deliver = (event: object) => deliverSigned(stripe, event);
const paidRegistration = () => paidWithStripe(stripe);

describe("refunds owed", () => {
  it("are recorded with the cancellation and requested by the sweep when Stripe could not be asked", async () => {
    const { registration, session, paymentId } = await paidRegistration();
    // Stripe is down for the request made right after the cancellation commits.
    stripe.failNext(500, 10);
    await cancelRegistration({ kind: "attendee", userId: registration.userId }, registration.id);
    const refundsFor = () => stripe.refunds.filter((r) => r.payment_intent === session.payment_intent);
    expect(refundsFor()).toHaveLength(0);
    expect(await db().payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ refundOwedCents: PRICE_CENTS, refundedCents: 0 });

    stripe.failNext(500, 0);
    // Two sweeps (two nodes, or two minutes) before Stripe's webhook arrives: one refund.
    await requestOwedRefunds();
    await requestOwedRefunds();
    expect(refundsFor()).toHaveLength(1);
    expect(refundsFor()[0].amount).toBe(PRICE_CENTS);

    // Stripe reports it; nothing is owed any more and the sweep leaves it alone.
    const reported = await deliver(chargeRefundedEvent({ paymentIntent: String(session.payment_intent), amount: PRICE_CENTS, amountRefunded: PRICE_CENTS }));
    expect(reported.status).toBe(200);
    expect(await db().payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ refundedCents: PRICE_CENTS, state: "REFUNDED" });
    expect(await requestOwedRefunds()).toBe(0);
    expect(refundsFor()).toHaveLength(1);
  });

  it("are not created when the refund window has passed", async () => {
    const { registration, paymentId } = await paidRegistration();
    await db().event.update({
      where: { id: registration.eventId },
      data: { startsAt: new Date(Date.now() + 3_600_000), endsAt: new Date(Date.now() + 5 * 3_600_000) },
    });
    await cancelRegistration({ kind: "attendee", userId: registration.userId }, registration.id);
    expect((await db().payment.findUniqueOrThrow({ where: { id: paymentId } })).refundOwedCents).toBe(0);
  });
});
