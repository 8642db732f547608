import { describe, expect, it } from "vitest";
import {
  CHECKOUT_SESSION_MINUTES,
  PAYMENT_HOLD_MINUTES,
  checkTicketAvailability,
  hasEnded,
  holdExpiry,
  holdsSeat,
  initialRegistrationStatus,
  isHoldExpired,
  offeredPaymentMethods,
  refundDecision,
  seatsLeft,
  statusAfterApproval,
  type RegistrationStatus,
  type TicketTypeRules,
} from "./ticket-rules";

const now = new Date("2026-05-10T10:00:00Z");

function ticket(overrides: Partial<TicketTypeRules> = {}): TicketTypeRules {
  return {
    priceCents: 0,
    capacity: 100,
    taken: 0,
    salesStartAt: null,
    salesEndAt: null,
    perPersonLimit: 1,
    requiresApproval: false,
    hidden: false,
    accessCode: null,
    paymentMethods: [],
    refundUntilHours: null,
    ...overrides,
  };
}

const withStripe = { stripeConfigured: true };
const withoutStripe = { stripeConfigured: false };

describe("checkTicketAvailability", () => {
  it("lets an ordinary open ticket through", () => {
    expect(checkTicketAvailability(ticket(), { now, quantity: 1 })).toEqual({ ok: true });
  });

  it("refuses before the sales window opens and accepts from its first instant", () => {
    const opensLater = ticket({ salesStartAt: new Date(now.getTime() + 1) });
    expect(checkTicketAvailability(opensLater, { now, quantity: 1 })).toMatchObject({ ok: false, code: "SALES_NOT_OPEN" });
    expect(checkTicketAvailability(ticket({ salesStartAt: now }), { now, quantity: 1 })).toEqual({ ok: true });
  });

  it("refuses from the instant the sales window ends (end exclusive)", () => {
    expect(checkTicketAvailability(ticket({ salesEndAt: now }), { now, quantity: 1 })).toMatchObject({ ok: false, code: "SALES_CLOSED" });
    const endsLater = ticket({ salesEndAt: new Date(now.getTime() + 1) });
    expect(checkTicketAvailability(endsLater, { now, quantity: 1 })).toEqual({ ok: true });
  });

  it("asks for the code of a hidden ticket type and refuses a wrong one", () => {
    const hidden = ticket({ hidden: true, accessCode: "LIGHTHOUSE26" });
    expect(checkTicketAvailability(hidden, { now, quantity: 1 })).toMatchObject({ ok: false, code: "HIDDEN_NEEDS_CODE" });
    expect(checkTicketAvailability(hidden, { now, quantity: 1, accessCode: "   " })).toMatchObject({ ok: false, code: "HIDDEN_NEEDS_CODE" });
    expect(checkTicketAvailability(hidden, { now, quantity: 1, accessCode: "LIGHTHOUSE25" })).toMatchObject({ ok: false, code: "WRONG_ACCESS_CODE" });
    expect(checkTicketAvailability(hidden, { now, quantity: 1, accessCode: "LIGHTHOUSE2" })).toMatchObject({ ok: false, code: "WRONG_ACCESS_CODE" });
  });

  it("accepts the code whatever its case and surrounding spaces", () => {
    const hidden = ticket({ hidden: true, accessCode: "Lighthouse26" });
    expect(checkTicketAvailability(hidden, { now, quantity: 1, accessCode: "  lighthouse26 " })).toEqual({ ok: true });
  });

  it("keeps a hidden ticket type without a stored code unreachable", () => {
    const locked = ticket({ hidden: true, accessCode: null });
    expect(checkTicketAvailability(locked, { now, quantity: 1, accessCode: "anything" })).toMatchObject({ ok: false, code: "WRONG_ACCESS_CODE" });
  });

  it("ignores a stored code on a visible ticket type (hidden is the switch)", () => {
    expect(checkTicketAvailability(ticket({ accessCode: "X" }), { now, quantity: 1 })).toEqual({ ok: true });
  });

  it("checks the access code before the sales window, so a hidden ticket reveals nothing", () => {
    const hiddenAndClosed = ticket({ hidden: true, accessCode: "C", salesEndAt: new Date(now.getTime() - 1) });
    expect(checkTicketAvailability(hiddenAndClosed, { now, quantity: 1 })).toMatchObject({ code: "HIDDEN_NEEDS_CODE" });
    expect(checkTicketAvailability(hiddenAndClosed, { now, quantity: 1, accessCode: "c" })).toMatchObject({ code: "SALES_CLOSED" });
  });

  it("enforces the per-person limit, counting seats already held", () => {
    const three = ticket({ perPersonLimit: 3 });
    expect(checkTicketAvailability(three, { now, quantity: 3 })).toEqual({ ok: true });
    expect(checkTicketAvailability(three, { now, quantity: 4 })).toEqual({
      ok: false,
      code: "OVER_PER_PERSON_LIMIT",
      message: "You can have at most 3 tickets of this type.",
    });
    expect(checkTicketAvailability(three, { now, quantity: 2, alreadyHeld: 2 })).toMatchObject({ code: "OVER_PER_PERSON_LIMIT" });
    expect(checkTicketAvailability(ticket(), { now, quantity: 2 })).toMatchObject({ message: "You can have at most one ticket of this type." });
  });

  it("refuses nonsense quantities from tampered forms", () => {
    for (const quantity of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(checkTicketAvailability(ticket(), { now, quantity })).toMatchObject({ ok: false, code: "INVALID_QUANTITY" });
    }
    expect(checkTicketAvailability(ticket(), { now, quantity: 1, alreadyHeld: -1 })).toMatchObject({ code: "INVALID_QUANTITY" });
  });

  it("gives every refusal a human message", () => {
    const refusals = [
      checkTicketAvailability(ticket({ salesStartAt: new Date(now.getTime() + 1) }), { now, quantity: 1 }),
      checkTicketAvailability(ticket({ salesEndAt: now }), { now, quantity: 1 }),
      checkTicketAvailability(ticket({ hidden: true, accessCode: "A" }), { now, quantity: 1 }),
      checkTicketAvailability(ticket({ hidden: true, accessCode: "A" }), { now, quantity: 1, accessCode: "B" }),
      checkTicketAvailability(ticket(), { now, quantity: 0 }),
      checkTicketAvailability(ticket(), { now, quantity: 2 }),
    ];
    for (const refusal of refusals) {
      expect(refusal.ok).toBe(false);
      if (!refusal.ok) expect(refusal.message).toMatch(/^[A-Z].+\.$/);
    }
  });
});

describe("seatsLeft", () => {
  it("is advisory: remaining seats, never negative, null when unlimited", () => {
    expect(seatsLeft({ capacity: 10, taken: 3 })).toBe(7);
    expect(seatsLeft({ capacity: 10, taken: 12 })).toBe(0);
    expect(seatsLeft({ capacity: null, taken: 500 })).toBeNull();
  });
});

describe("offeredPaymentMethods", () => {
  it("offers nothing for free tickets", () => {
    expect(offeredPaymentMethods(ticket({ paymentMethods: ["STRIPE"] }), withStripe)).toEqual([]);
  });

  it("offers both methods when the ticket type does not restrict them, Stripe only if configured", () => {
    expect(offeredPaymentMethods(ticket({ priceCents: 5000 }), withStripe)).toEqual(["STRIPE", "INVOICE"]);
    expect(offeredPaymentMethods(ticket({ priceCents: 5000 }), withoutStripe)).toEqual(["INVOICE"]);
  });

  it("follows the ticket type's choice, falling back to invoice when Stripe is not configured", () => {
    expect(offeredPaymentMethods(ticket({ priceCents: 5000, paymentMethods: ["STRIPE"] }), withStripe)).toEqual(["STRIPE"]);
    expect(offeredPaymentMethods(ticket({ priceCents: 5000, paymentMethods: ["STRIPE"] }), withoutStripe)).toEqual(["INVOICE"]);
    expect(offeredPaymentMethods(ticket({ priceCents: 5000, paymentMethods: ["INVOICE"] }), withStripe)).toEqual(["INVOICE"]);
  });
});

describe("initialRegistrationStatus", () => {
  it("confirms a free ticket at once, whatever payment choice was sent", () => {
    for (const choice of [null, "STRIPE", "INVOICE"] as const) {
      expect(initialRegistrationStatus(ticket(), choice, withStripe)).toEqual({
        ok: true,
        status: "CONFIRMED",
        paymentStatus: "NONE",
        paymentMethod: null,
        needsHoldExpiry: false,
      });
    }
  });

  it("holds the seat pending payment for Stripe", () => {
    expect(initialRegistrationStatus(ticket({ priceCents: 9900 }), "STRIPE", withStripe)).toEqual({
      ok: true,
      status: "PENDING_PAYMENT",
      paymentStatus: "PENDING",
      paymentMethod: "STRIPE",
      needsHoldExpiry: true,
    });
  });

  it("confirms unpaid for invoice / bank transfer", () => {
    expect(initialRegistrationStatus(ticket({ priceCents: 9900 }), "INVOICE", withoutStripe)).toEqual({
      ok: true,
      status: "CONFIRMED",
      paymentStatus: "UNPAID_INVOICE",
      paymentMethod: "INVOICE",
      needsHoldExpiry: false,
    });
  });

  it("waits for the organiser first when approval is required, priced or free", () => {
    expect(initialRegistrationStatus(ticket({ requiresApproval: true }), null, withStripe)).toMatchObject({
      ok: true,
      status: "PENDING_APPROVAL",
      paymentStatus: "NONE",
      needsHoldExpiry: false,
    });
    expect(initialRegistrationStatus(ticket({ requiresApproval: true, priceCents: 100 }), "STRIPE", withStripe)).toEqual({
      ok: true,
      status: "PENDING_APPROVAL",
      paymentStatus: "NONE",
      paymentMethod: "STRIPE",
      needsHoldExpiry: false,
    });
  });

  it("refuses a priced ticket without a payment choice, or with one that is not offered", () => {
    const priced = ticket({ priceCents: 100, paymentMethods: ["INVOICE"] });
    expect(initialRegistrationStatus(priced, null, withStripe)).toMatchObject({ ok: false, code: "PAYMENT_METHOD_REQUIRED" });
    expect(initialRegistrationStatus(priced, "STRIPE", withStripe)).toMatchObject({ ok: false, code: "PAYMENT_METHOD_NOT_OFFERED" });
    expect(initialRegistrationStatus(ticket({ priceCents: 100 }), "STRIPE", withoutStripe)).toMatchObject({
      ok: false,
      code: "PAYMENT_METHOD_NOT_OFFERED",
    });
    // Validated even when approval comes first, so the attendee hears it now.
    expect(initialRegistrationStatus({ ...priced, requiresApproval: true }, "STRIPE", withStripe)).toMatchObject({ ok: false });
  });

  it("moves an approved registration on as if no approval had been needed", () => {
    const priced = ticket({ requiresApproval: true, priceCents: 100 });
    expect(statusAfterApproval(priced, "STRIPE", withStripe)).toMatchObject({ status: "PENDING_PAYMENT", paymentStatus: "PENDING" });
    expect(statusAfterApproval(priced, "INVOICE", withStripe)).toMatchObject({ status: "CONFIRMED", paymentStatus: "UNPAID_INVOICE" });
    expect(statusAfterApproval(ticket({ requiresApproval: true }), null, withStripe)).toMatchObject({ status: "CONFIRMED", paymentStatus: "NONE" });
  });
});

describe("refundDecision", () => {
  const event = { startsAt: new Date("2026-06-10T08:00:00Z") };
  const refundable = ticket({ priceCents: 5000, refundUntilHours: 48 });

  it("refunds up to and including the deadline, and not a millisecond after", () => {
    const deadline = new Date("2026-06-08T08:00:00Z");
    expect(refundDecision(refundable, event, new Date("2026-06-01T00:00:00Z"))).toEqual({
      refund: true,
      reason: "WITHIN_REFUND_WINDOW",
      refundDeadline: deadline,
    });
    expect(refundDecision(refundable, event, deadline)).toMatchObject({ refund: true });
    expect(refundDecision(refundable, event, new Date(deadline.getTime() + 1))).toEqual({
      refund: false,
      reason: "REFUND_WINDOW_PASSED",
      refundDeadline: deadline,
    });
  });

  it("with refundUntilHours 0, refunds until the event starts", () => {
    const untilStart = ticket({ priceCents: 5000, refundUntilHours: 0 });
    expect(refundDecision(untilStart, event, event.startsAt)).toMatchObject({ refund: true });
    expect(refundDecision(untilStart, event, new Date(event.startsAt.getTime() + 1))).toMatchObject({ refund: false });
  });

  it("never refunds a non-refundable ticket type, unless the organiser cancelled the event", () => {
    const nonRefundable = ticket({ priceCents: 5000, refundUntilHours: null });
    expect(refundDecision(nonRefundable, event, new Date("2026-01-01T00:00:00Z"))).toEqual({
      refund: false,
      reason: "NO_REFUNDS",
      refundDeadline: null,
    });
    expect(refundDecision(nonRefundable, { ...event, status: "CANCELLED" }, new Date("2026-06-10T09:00:00Z"))).toEqual({
      refund: true,
      reason: "EVENT_CANCELLED",
      refundDeadline: null,
    });
  });

  it("has nothing to refund for a free ticket", () => {
    expect(refundDecision(ticket({ refundUntilHours: 24 }), event, now)).toEqual({ refund: false, reason: "FREE_TICKET", refundDeadline: null });
  });
});

describe("holds", () => {
  it("computes the expiry of a hold", () => {
    expect(holdExpiry(now, 15).toISOString()).toBe("2026-05-10T10:15:00.000Z");
    expect(holdExpiry(now).getTime() - now.getTime()).toBe(PAYMENT_HOLD_MINUTES * 60_000);
  });

  it("outlives the Stripe Checkout Session by default", () => {
    expect(PAYMENT_HOLD_MINUTES).toBeGreaterThan(CHECKOUT_SESSION_MINUTES);
  });

  it("refuses holds that would not hold anything", () => {
    for (const minutes of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => holdExpiry(now, minutes)).toThrow(RangeError);
  });

  it("says when a hold has lapsed (at the expiry instant)", () => {
    const expiresAt = holdExpiry(now, 10);
    expect(isHoldExpired(expiresAt, new Date(expiresAt.getTime() - 1))).toBe(false);
    expect(isHoldExpired(expiresAt, expiresAt)).toBe(true);
    expect(isHoldExpired(null, now)).toBe(false);
  });
});

describe("seat-holding statuses", () => {
  it("counts held and confirmed seats, not ended or waiting ones", () => {
    const all: RegistrationStatus[] = ["PENDING_APPROVAL", "PENDING_PAYMENT", "CONFIRMED", "WAITLISTED", "OFFERED", "CANCELLED", "REJECTED", "EXPIRED"];
    expect(all.filter(holdsSeat)).toEqual(["PENDING_APPROVAL", "PENDING_PAYMENT", "CONFIRMED", "OFFERED"]);
    expect(all.filter(hasEnded)).toEqual(["CANCELLED", "REJECTED", "EXPIRED"]);
  });
});
