// The Stripe webhook over real HTTP (Express + Remix build), with signatures made by the SDK's
// generateTestHeaderString and API calls answered by the local Stripe double. Proves: bad input
// is refused with a reason and never a 500; each event is applied once; and the same events in
// any order, duplicated or racing, leave the same final state.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCheckout } from "~/domain/payments/checkout.server";
import { takeSeat } from "~/domain/registration/store.server";
import { db } from "~/platform/db.server";
import { startTestServer } from "../support/app-server";
import {
  chargeRefundedEvent,
  checkoutSessionEvent,
  signPayload,
  startStripeDouble,
  stripeEvent,
  type StripeDouble,
  type StripeEventBody,
} from "../support/stripe-double";
import { makeAgendaSession, makePick, makeRegistration, makeUser } from "../support/factories";
import { PRICE_CENTS, configureStripe, makePaidEvent, makePendingPayment, paymentOutcome, takenSeats } from "./fixtures";

let server: Awaited<ReturnType<typeof startTestServer>>;
let stripe: StripeDouble;

beforeAll(async () => {
  stripe = await startStripeDouble();
  configureStripe(stripe);
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
  await stripe?.close();
});

async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.baseUrl}/webhooks/stripe`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text);
  } catch {
    json = { raw: text };
  }
  return { status: response.status, json };
}

async function deliver(event: StripeEventBody) {
  const payload = JSON.stringify(event);
  return post(payload, { "Stripe-Signature": signPayload(payload, stripe.webhookSecret) });
}

/** A registration sent to Checkout and paid on Stripe's page (payment intent known). */
async function paidCheckout(ticketType: { id: string; eventId: string }, paymentStatus: "paid" | "unpaid" = "paid") {
  const registration = await makePendingPayment(ticketType);
  const checkout = await startCheckout(registration.id);
  const session = stripe.pay(checkout.sessionId, paymentStatus);
  return { registration, session };
}

describe("bad input is refused with a reason, never a 500", () => {
  const sample = () => JSON.stringify(stripeEvent("checkout.session.completed", { id: "cs_test_x", payment_status: "paid", metadata: {} }));

  it("refuses a delivery without a signature", async () => {
    const response = await post(sample());
    expect(response.status).toBe(400);
    expect(response.json.message).toMatch(/Missing Stripe-Signature/);
  });

  it("refuses a forged signature (wrong secret) and a tampered body", async () => {
    const forged = await post(sample(), { "Stripe-Signature": signPayload(sample(), "whsec_not_the_real_secret") });
    expect(forged.status).toBe(400);
    expect(forged.json.message).toMatch(/does not match/);

    const original = sample();
    const header = signPayload(original, stripe.webhookSecret);
    const tampered = await post(original.replace('"paid"', '"unpaid"'), { "Stripe-Signature": header });
    expect(tampered.status).toBe(400);
  });

  it("refuses a stale signature (replayed after the tolerance window)", async () => {
    const payload = sample();
    const anHourAgo = Math.floor(Date.now() / 1000) - 3600;
    const response = await post(payload, { "Stripe-Signature": signPayload(payload, stripe.webhookSecret, anHourAgo) });
    expect(response.status).toBe(400);
    expect(response.json.message).toMatch(/Stale/);
  });

  it("refuses a garbled signature header", async () => {
    const response = await post(sample(), { "Stripe-Signature": "nonsense" });
    expect(response.status).toBe(400);
  });

  it("refuses malformed JSON and JSON that is not an event, even when signed", async () => {
    const broken = '{"id": "evt_1", "type": ';
    const malformed = await post(broken, { "Stripe-Signature": signPayload(broken, stripe.webhookSecret) });
    expect(malformed.status).toBe(400);
    expect(malformed.json.message).toMatch(/Malformed JSON/);

    const notEvent = JSON.stringify({ hello: "world" });
    const shapeless = await post(notEvent, { "Stripe-Signature": signPayload(notEvent, stripe.webhookSecret) });
    expect(shapeless.status).toBe(400);
  });

  it("accepts and ignores event types it does not handle", async () => {
    const response = await deliver(stripeEvent("customer.created", { id: "cus_test_1", object: "customer" }));
    expect(response.status).toBe(200);
    expect(response.json.outcome).toBe("ignored");
  });

  it("logs and ignores an event about an unknown registration, recording nothing", async () => {
    const event = checkoutSessionEvent("checkout.session.completed", {
      id: "cs_test_unknown",
      metadata: { registrationId: "00000000-0000-4000-8000-000000000000" },
      amount_total: PRICE_CENTS,
      currency: "eur",
      payment_intent: "pi_test_unknown",
    });
    const response = await deliver(event);
    expect(response.status).toBe(200);
    expect(response.json.outcome).toBe("unknown-payment");
    expect(await db().processedStripeEvent.count({ where: { id: event.id } })).toBe(0);
    expect(await db().payment.count({ where: { stripeCheckoutSessionId: "cs_test_unknown" } })).toBe(0);

    const noMetadata = await deliver(chargeRefundedEvent({ paymentIntent: "pi_test_nobody", amount: 100, amountRefunded: 100 }));
    expect(noMetadata.status).toBe(200);
    expect(noMetadata.json.outcome).toBe("unknown-payment");
  });

  it("accepts and ignores a handled type whose fields are not what Stripe sends", async () => {
    const response = await deliver(stripeEvent("charge.refunded", { id: "ch_x", payment_intent: "pi_x", amount: "12000", amount_refunded: 5 }));
    expect(response).toMatchObject({ status: 200, json: { outcome: "ignored" } });
  });

  it("refuses an oversized body, also when sent chunked without Content-Length", async () => {
    const big = "x".repeat(1024 * 1024 + 10);
    const declared = await post(big, { "Stripe-Signature": "t=1,v1=00" });
    expect(declared.status).toBe(413);
    const chunked = await fetch(`${server.baseUrl}/webhooks/stripe`, {
      method: "POST",
      headers: { "Stripe-Signature": "t=1,v1=00" },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode("y".repeat(64 * 1024)));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it("answers GET with 405", async () => {
    const response = await fetch(`${server.baseUrl}/webhooks/stripe`);
    expect(response.status).toBe(405);
  });
});

describe("fulfilment from the webhook", () => {
  it("confirms on checkout.session.completed(paid): registration, payment, seat kept, one confirmation email", async () => {
    const { ticketType } = await makePaidEvent();
    const { registration, session } = await paidCheckout(ticketType);
    const response = await deliver(checkoutSessionEvent("checkout.session.completed", session));
    expect(response).toMatchObject({ status: 200, json: { outcome: "processed" } });
    const outcome = await paymentOutcome(registration.id);
    expect(outcome).toMatchObject({
      status: "CONFIRMED",
      paymentStatus: "PAID",
      holdCleared: true,
      payments: [{ state: "PAID", amountCents: PRICE_CENTS, refundedCents: 0, paid: true, knowsIntent: true }],
      emails: ["registration-confirmed"],
    });
    expect(await takenSeats(ticketType.id)).toBe(1);
  });

  it("recovers a payment whose row was never written (crash between Stripe's answer and our insert) from the session's metadata", async () => {
    const { ticketType } = await makePaidEvent();
    const registration = await makePendingPayment(ticketType);
    const sessionId = `cs_test_orphan_${registration.id.slice(0, 8)}`;
    const event = checkoutSessionEvent("checkout.session.completed", {
      id: sessionId,
      metadata: { registrationId: registration.id },
      amount_total: PRICE_CENTS,
      currency: "eur",
      payment_intent: `pi_test_orphan_${registration.id.slice(0, 8)}`,
    });
    expect((await deliver(event)).json.outcome).toBe("processed");
    expect(await paymentOutcome(registration.id)).toMatchObject({
      status: "CONFIRMED",
      payments: [{ state: "PAID", amountCents: PRICE_CENTS, knowsIntent: true }],
    });
    expect(await db().payment.count({ where: { stripeCheckoutSessionId: sessionId } })).toBe(1);
  });

  it("applies a burst of 10 concurrent deliveries of the same event exactly once", async () => {
    const { ticketType } = await makePaidEvent();
    const { registration, session } = await paidCheckout(ticketType);
    const event = checkoutSessionEvent("checkout.session.completed", session);
    const responses = await Promise.all(Array.from({ length: 10 }, () => deliver(event)));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(responses.filter((r) => r.json.outcome === "processed")).toHaveLength(1);
    expect(responses.filter((r) => r.json.outcome === "duplicate")).toHaveLength(9);
    expect((await paymentOutcome(registration.id)).emails).toEqual(["registration-confirmed"]);
    expect(await db().processedStripeEvent.count({ where: { id: event.id } })).toBe(1);
  });

  it("completed(unpaid) keeps the seat and stops the hold timer; async failure releases it and emails", async () => {
    const { ticketType } = await makePaidEvent();
    const { registration, session } = await paidCheckout(ticketType, "unpaid");
    await deliver(checkoutSessionEvent("checkout.session.completed", session, { payment_status: "unpaid" }));
    expect(await paymentOutcome(registration.id)).toMatchObject({ status: "PENDING_PAYMENT", holdCleared: true });
    expect(await takenSeats(ticketType.id)).toBe(1);
    await deliver(checkoutSessionEvent("checkout.session.async_payment_failed", session));
    expect(await paymentOutcome(registration.id)).toMatchObject({
      status: "EXPIRED",
      paymentStatus: "FAILED",
      payments: [{ state: "FAILED" }],
      emails: ["payment-failed"],
    });
    expect(await takenSeats(ticketType.id)).toBe(0);
  });

  it("checkout.session.expired releases the seat and offers it to the waiting list", async () => {
    const { ticketType } = await makePaidEvent({ capacity: 1 });
    const registration = await makePendingPayment(ticketType);
    const checkout = await startCheckout(registration.id);
    const waiting = await makeRegistration(await makeUser({ name: "Wait" }), ticketType, { status: "WAITLISTED" });
    const session = stripe.sessions.get(checkout.sessionId)!;
    await deliver(checkoutSessionEvent("checkout.session.expired", session));
    expect(await paymentOutcome(registration.id)).toMatchObject({ status: "EXPIRED", paymentStatus: "FAILED", payments: [{ state: "EXPIRED" }] });
    expect((await db().registration.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("OFFERED");
    expect(await takenSeats(ticketType.id)).toBe(1);
  });

  it("a refund made in the Stripe dashboard (found by payment intent) is applied: partial keeps the ticket, full cancels", async () => {
    const { ticketType } = await makePaidEvent();
    const { registration, session } = await paidCheckout(ticketType);
    await deliver(checkoutSessionEvent("checkout.session.completed", session));
    // No metadata: the dashboard's refund carries only the payment intent.
    // The attendee holds a seat in a limited session of the event.
    const workshop = await makeAgendaSession(ticketType.eventId, {
      title: "Limited workshop",
      status: "PUBLISHED",
      startsAt: new Date(Date.now() + 86_400_000),
      endsAt: new Date(Date.now() + 90_000_000),
      capacity: 10,
      taken: 1,
    });
    await makePick(registration.userId, workshop);
    await deliver(chargeRefundedEvent({ paymentIntent: session.payment_intent!, amount: PRICE_CENTS, amountRefunded: 2_000 }));
    expect(await paymentOutcome(registration.id)).toMatchObject({ status: "CONFIRMED", payments: [{ state: "PARTIALLY_REFUNDED", refundedCents: 2_000 }] });
    expect(await takenSeats(ticketType.id)).toBe(1);
    expect(await db().agendaPick.count({ where: { sessionId: workshop.id } })).toBe(1);
    await deliver(chargeRefundedEvent({ paymentIntent: session.payment_intent!, amount: PRICE_CENTS, amountRefunded: PRICE_CENTS }));
    expect(await paymentOutcome(registration.id)).toMatchObject({
      status: "CANCELLED",
      paymentStatus: "REFUNDED",
      payments: [{ state: "REFUNDED", refundedCents: PRICE_CENTS }],
      emails: ["refund:12000", "refund:2000", "registration-confirmed"],
    });
    expect(await takenSeats(ticketType.id)).toBe(0);
    // Ending the registration ends what came with it: the pick goes and its seat is freed.
    expect(await db().agendaPick.count({ where: { sessionId: workshop.id } })).toBe(0);
    expect((await db().agendaSession.findUniqueOrThrow({ where: { id: workshop.id } })).taken).toBe(0);
  });

  it("money arriving for a registration the attendee cancelled is refunded through Stripe, with an idempotency key", async () => {
    const { ticketType } = await makePaidEvent();
    const { registration, session } = await paidCheckout(ticketType);
    // The attendee cancelled while Stripe was still processing.
    await db().$transaction(async (tx) => {
      await tx.registration.update({ where: { id: registration.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
      await tx.$executeRaw`UPDATE "TicketType" SET "taken" = "taken" - 1 WHERE "id" = ${ticketType.id}::uuid`;
    });
    const response = await deliver(checkoutSessionEvent("checkout.session.completed", session));
    expect(response.status).toBe(200);
    const refund = stripe.refunds.find((r) => r.payment_intent === session.payment_intent);
    expect(refund?.amount).toBe(PRICE_CENTS);
    const call = stripe.requests.find((r) => r.path === "/v1/refunds" && r.params.payment_intent === session.payment_intent);
    expect(call?.idempotencyKey).toMatch(/^refund-[0-9a-f-]{36}-12000-after-0$/);
    expect(await paymentOutcome(registration.id)).toMatchObject({ status: "CANCELLED", payments: [{ state: "PAID" }] });
    // Stripe then reports the refund; the payment ends REFUNDED, the registration stays cancelled.
    await deliver(chargeRefundedEvent({ paymentIntent: session.payment_intent!, amount: PRICE_CENTS, amountRefunded: PRICE_CENTS }));
    expect(await paymentOutcome(registration.id)).toMatchObject({ status: "CANCELLED", paymentStatus: "REFUNDED", payments: [{ state: "REFUNDED" }] });
    expect(await takenSeats(ticketType.id)).toBe(0);
  });

  it("a payment after expiry takes the seat back when one is free, and refunds when the seat has gone", async () => {
    const { ticketType } = await makePaidEvent({ capacity: 1 });
    const { registration, session } = await paidCheckout(ticketType);
    await deliver(checkoutSessionEvent("checkout.session.expired", session));
    expect(await takenSeats(ticketType.id)).toBe(0);
    // Someone else takes the only seat meanwhile.
    await db().$transaction(async (tx) => expect(await takeSeat(tx, ticketType.id)).toBe(true));
    await deliver(checkoutSessionEvent("checkout.session.completed", session));
    expect(await paymentOutcome(registration.id)).toMatchObject({ status: "CANCELLED", paymentStatus: "PAID" });
    expect(await takenSeats(ticketType.id)).toBe(1);
    expect(stripe.refunds.filter((r) => r.payment_intent === session.payment_intent)).toHaveLength(1);

    const { ticketType: roomy } = await makePaidEvent({ capacity: 5 });
    const second = await paidCheckout(roomy);
    await deliver(checkoutSessionEvent("checkout.session.expired", second.session));
    await deliver(checkoutSessionEvent("checkout.session.completed", second.session));
    expect(await paymentOutcome(second.registration.id)).toMatchObject({ status: "CONFIRMED", paymentStatus: "PAID" });
    expect(await takenSeats(roomy.id)).toBe(1);
  });
});

// ───────────────────── any order, duplicates, races: the same final state ─────────────────────

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

type Step = (session: ReturnType<StripeDouble["pay"]>, registrationId: string) => StripeEventBody;

const completedPaid: Step = (s) => checkoutSessionEvent("checkout.session.completed", s);
const completedUnpaid: Step = (s) => checkoutSessionEvent("checkout.session.completed", s, { payment_status: "unpaid" });
const asyncSucceeded: Step = (s) => checkoutSessionEvent("checkout.session.async_payment_succeeded", s);
const asyncFailed: Step = (s) => checkoutSessionEvent("checkout.session.async_payment_failed", s);
const expired: Step = (s) => checkoutSessionEvent("checkout.session.expired", s);
// A refund's charge carries the registration id when Stripe copied the payment intent's metadata;
// without it (e.g. a refund from the dashboard that overtakes the completion), the webhook asks
// Stripe which Checkout Session the intent belongs to. Both are exercised.
const refunded =
  (amountRefunded: number, withMetadata = true): Step =>
  (s, registrationId) =>
    chargeRefundedEvent({ paymentIntent: s.payment_intent!, amount: PRICE_CENTS, amountRefunded, metadata: withMetadata ? { registrationId } : {} });

async function runScenario(steps: Step[], delivery: "sequential-duplicated" | "concurrent-duplicated") {
  const { ticketType } = await makePaidEvent({ capacity: 5 });
  const { registration, session } = await paidCheckout(ticketType, "paid");
  const events = steps.map((step) => step(session, registration.id));
  if (delivery === "sequential-duplicated") {
    for (const event of events) {
      expect((await deliver(event)).status).toBe(200);
      expect((await deliver(event)).json.outcome).toBe("duplicate");
    }
  } else {
    const responses = await Promise.all([...events, ...events].map((event) => deliver(event)));
    expect(responses.map((r) => r.status).every((s) => s === 200)).toBe(true);
  }
  return { ...(await paymentOutcome(registration.id)), taken: await takenSeats(ticketType.id) };
}

describe("replays, duplicates and any order of arrival give the same final state (over HTTP)", () => {
  const scenarios: { name: string; steps: Step[]; expected: Record<string, unknown> }[] = [
    {
      name: "paid, then partly refunded",
      steps: [completedPaid, refunded(3_000)],
      expected: { status: "CONFIRMED", paymentStatus: "PAID", taken: 1, emails: ["refund:3000", "registration-confirmed"] },
    },
    {
      name: "paid, then refunded in the dashboard (no metadata on the charge)",
      steps: [completedPaid, refunded(5_000, false)],
      expected: { status: "CONFIRMED", paymentStatus: "PAID", taken: 1, emails: ["refund:5000", "registration-confirmed"] },
    },
    {
      name: "paid, fully refunded, with a stray expiry",
      steps: [completedPaid, refunded(PRICE_CENTS), expired],
      expected: { status: "CANCELLED", paymentStatus: "REFUNDED", taken: 0 },
    },
    {
      name: "asynchronous payment that succeeds, with a stray expiry",
      steps: [completedUnpaid, asyncSucceeded, expired],
      expected: { status: "CONFIRMED", paymentStatus: "PAID", taken: 1 },
    },
    {
      name: "asynchronous payment that fails",
      steps: [completedUnpaid, asyncFailed],
      expected: { status: "EXPIRED", paymentStatus: "FAILED", taken: 0, emails: ["payment-failed"] },
    },
  ];

  for (const scenario of scenarios) {
    it(`${scenario.name}: every ordering, each event delivered twice`, async () => {
      const outcomes: Awaited<ReturnType<typeof runScenario>>[] = [];
      for (const ordering of permutations(scenario.steps)) outcomes.push(await runScenario(ordering, "sequential-duplicated"));
      // The stored state is identical for every ordering. Which emails went out may depend on
      // the order (a refund reported before the payment never announces a confirmation), so
      // emails are compared only where the scenario pins them.
      const state = ({ emails: _emails, ...rest }: (typeof outcomes)[number]) => rest;
      for (const outcome of outcomes) expect(state(outcome)).toEqual(state(outcomes[0]));
      for (const outcome of outcomes) expect(outcome).toMatchObject(scenario.expected);
    });
  }

  it("all events of a history fired at once, twice each, end like the sequential delivery", async () => {
    const sequential = await runScenario([completedPaid, refunded(3_000), expired], "sequential-duplicated");
    for (let round = 0; round < 4; round++) {
      expect(await runScenario([completedPaid, refunded(3_000), expired], "concurrent-duplicated")).toEqual(sequential);
      // The dashboard's refund (no metadata) racing the completion: traced through Stripe or by intent.
      expect(await runScenario([completedPaid, refunded(3_000, false), expired], "concurrent-duplicated")).toEqual(sequential);
    }
  });
});
