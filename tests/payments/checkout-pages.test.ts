// The checkout pages over HTTP, as a browser without JavaScript uses them: pay by card (a
// redirect to Stripe's page), come back to success (which fulfils nothing) or cancel (which
// offers to retry or to pay by invoice), and switch to invoice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { DEMO_PASSWORD, seedDemoData } from "../../prisma/seed";
import { startTestServer } from "../support/app-server";
import { TestClient } from "../support/http-client";
import { startStripeDouble, type StripeDouble } from "../support/stripe-double";
import { configureStripe, makePaidEvent, makePendingPayment } from "./fixtures";

let server: Awaited<ReturnType<typeof startTestServer>>;
let stripe: StripeDouble;
let browser: TestClient;
let attendee: { id: string; email: string };

async function heldRegistration(options: { paymentMethods?: ("STRIPE" | "INVOICE")[] } = {}) {
  const { ticketType } = await makePaidEvent();
  if (options.paymentMethods) await db().ticketType.update({ where: { id: ticketType.id }, data: { paymentMethods: options.paymentMethods } });
  return makePendingPayment(ticketType, { user: attendee, paymentMethod: "STRIPE" });
}

beforeAll(async () => {
  stripe = await startStripeDouble();
  configureStripe(stripe);
  await seedDemoData();
  server = await startTestServer();
  browser = new TestClient(server.baseUrl);
  expect((await browser.submitForm("/signin", { email: "attendee@scale-events.demo", password: DEMO_PASSWORD })).status).toBe(302);
  attendee = await db().user.findUniqueOrThrow({ where: { email: "attendee@scale-events.demo" } });
});

afterAll(async () => {
  await server?.close();
  await stripe?.close();
});

describe("checkout pages", () => {
  it("shows the price from the database and sends the attendee to Stripe Checkout", async () => {
    const registration = await heldRegistration();
    const page = await (await browser.get(`/checkout/${registration.id}`)).text();
    expect(page).toContain("Pay €120.00 by card");
    expect(page).toContain("Pay by invoice / bank transfer instead");
    // A tampered price field is simply not read: the amount comes from the ticket type.
    const response = await browser.submitForm(`/checkout/${registration.id}`, { intent: "card", priceCents: "1" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/);
    const session = [...stripe.sessions.values()].find((s) => s.metadata.registrationId === registration.id)!;
    expect(session.amount_total).toBe(12_000);
  });

  it("the success page says payment received and that the confirmation follows, without fulfilling", async () => {
    const registration = await heldRegistration();
    await browser.submitForm(`/checkout/${registration.id}`, { intent: "card" });
    const session = [...stripe.sessions.values()].find((s) => s.metadata.registrationId === registration.id)!;
    stripe.pay(session.id);
    const html = await (await browser.get(`/checkout/success?session_id=${session.id}`)).text();
    expect(html).toContain("Payment received");
    expect(html).toContain("confirmation follows by email");
    expect((await db().registration.findUniqueOrThrow({ where: { id: registration.id } })).status).toBe("PENDING_PAYMENT");
    expect(await db().outboxEmail.count({ where: { dedupeKey: `registration-confirmed:${registration.id}` } })).toBe(0);
    // Garbage or someone else's session id shows the generic message, not an error.
    expect((await browser.get("/checkout/success?session_id=%3Cscript%3E")).status).toBe(200);
  });

  it("the cancel page offers to try the card again (same session) or to choose invoice", async () => {
    const registration = await heldRegistration();
    const first = await browser.submitForm(`/checkout/${registration.id}`, { intent: "card" });
    const html = await (await browser.get(`/checkout/cancel?registration=${registration.id}`)).text();
    expect(html).toContain("Payment not completed");
    expect(html).toContain("Try the card payment again");
    expect(html).toContain("Pay by invoice / bank transfer instead");
    const retry = await browser.submitForm(`/checkout/${registration.id}`, { intent: "card" });
    expect(retry.headers.get("location")).toBe(first.headers.get("location"));
  });

  it("switching to invoice confirms the place with an unpaid invoice and expires the Stripe session", async () => {
    const registration = await heldRegistration();
    await browser.submitForm(`/checkout/${registration.id}`, { intent: "card" });
    const session = [...stripe.sessions.values()].find((s) => s.metadata.registrationId === registration.id)!;
    const response = await browser.submitForm(`/checkout/${registration.id}`, { intent: "invoice" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/checkout/${registration.id}?invoice=1`);
    expect(await db().registration.findUniqueOrThrow({ where: { id: registration.id } })).toMatchObject({
      status: "CONFIRMED",
      paymentStatus: "UNPAID_INVOICE",
      paymentMethod: "INVOICE",
      holdExpiresAt: null,
    });
    expect(await db().payment.findFirstOrThrow({ where: { registrationId: registration.id } })).toMatchObject({ state: "FAILED" });
    expect(stripe.sessions.get(session.id)!.status).toBe("expired");
    expect(await db().outboxEmail.count({ where: { dedupeKey: `registration-confirmed:${registration.id}` } })).toBe(1);
    const page = await (await browser.get(`/checkout/${registration.id}?invoice=1`)).text();
    expect(page).toContain("The organisers will send you an invoice");
  });

  it("refuses invoice where the ticket type is card-only, and other people's registrations", async () => {
    const cardOnly = await heldRegistration({ paymentMethods: ["STRIPE"] });
    expect(await (await browser.get(`/checkout/${cardOnly.id}`)).text()).not.toContain("Pay by invoice");
    const refused = await browser.submitForm(`/checkout/${cardOnly.id}`, { intent: "invoice" });
    expect(refused.status).toBe(422);
    expect(await db().registration.findUniqueOrThrow({ where: { id: cardOnly.id } })).toMatchObject({ status: "PENDING_PAYMENT" });

    const other = new TestClient(server.baseUrl);
    await other.submitForm("/signin", { email: "investor@scale-events.demo", password: DEMO_PASSWORD });
    expect((await other.get(`/checkout/${cardOnly.id}`)).status).toBe(404);
    const stolen = await other.submitForm(`/checkout/${cardOnly.id}`, { intent: "card" });
    expect(stolen.status).toBe(404);
    expect((await other.get("/checkout/not-a-uuid")).status).toBe(404);
    const bad = await browser.submitForm(`/checkout/${cardOnly.id}`, { intent: "bitcoin" });
    expect(bad.status).toBe(400);
  });
});
