import { describe, expect, it } from "vitest";
import { holdsSeat } from "../registration/ticket-rules";
import {
  applyStripeEvent,
  pendingCheckout,
  replayStripeEvents,
  toStripePaymentEvent,
  whenSeatCannotBeReclaimed,
  type PaymentEffect,
  type PaymentEffectType,
  type PaymentSnapshot,
  type StripePaymentEvent,
} from "./stripe-transitions";

const PRICE = 12_000;

const completedPaid: StripePaymentEvent = { type: "checkout.session.completed", payment_status: "paid" };
const completedUnpaid: StripePaymentEvent = { type: "checkout.session.completed", payment_status: "unpaid" };
const completedFree: StripePaymentEvent = { type: "checkout.session.completed", payment_status: "no_payment_required" };
const asyncSucceeded: StripePaymentEvent = { type: "checkout.session.async_payment_succeeded" };
const asyncFailed: StripePaymentEvent = { type: "checkout.session.async_payment_failed" };
const expired: StripePaymentEvent = { type: "checkout.session.expired" };
const holdExpired: StripePaymentEvent = { type: "hold.expired" };
const refunded = (amountRefunded: number): StripePaymentEvent => ({ type: "charge.refunded", amount_refunded: amountRefunded, amount: PRICE });
const fullRefund = refunded(PRICE);

const start = pendingCheckout(PRICE);

// ───────────────────────────── helpers ─────────────────────────────

/** Every ordering of `items` (by position, so repeated items give repeated orderings). */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  const result: T[][] = [];
  items.forEach((item, index) => {
    const rest = [...items.slice(0, index), ...items.slice(index + 1)];
    for (const tail of permutations(rest)) result.push([item, ...tail]);
  });
  return result;
}

function count(effects: readonly PaymentEffect[], type: PaymentEffectType): number {
  return effects.filter((effect) => effect.type === type).length;
}

/**
 * Walks a sequence and checks the seat ledger at every step: a seat is released only while
 * held, reclaimed only while not held, and what is held at the end matches the final status.
 */
function replayCheckingSeat(initial: PaymentSnapshot, events: readonly StripePaymentEvent[]) {
  let state = initial;
  let seatHeld = holdsSeat(initial.registrationStatus);
  const effects: PaymentEffect[] = [];
  for (const event of events) {
    const transition = applyStripeEvent(state, event);
    for (const effect of transition.effects) {
      if (effect.type === "RELEASE_SEAT") {
        expect(seatHeld, `released a seat not held, in ${describeSequence(events)}`).toBe(true);
        seatHeld = false;
      }
      if (effect.type === "RECLAIM_SEAT") {
        expect(seatHeld, `reclaimed a seat already held, in ${describeSequence(events)}`).toBe(false);
        seatHeld = true;
      }
    }
    effects.push(...transition.effects);
    state = transition.next;
  }
  expect(seatHeld, `seat ledger disagrees with final status ${state.registrationStatus}`).toBe(holdsSeat(state.registrationStatus));
  return { final: state, effects };
}

function describeSequence(events: readonly StripePaymentEvent[]): string {
  return events
    .map((event) =>
      event.type === "checkout.session.completed"
        ? `completed(${event.payment_status})`
        : event.type === "charge.refunded"
          ? `refunded(${event.amount_refunded})`
          : event.type.replace("checkout.session.", ""),
    )
    .join(", ");
}

/** All orderings end in `expected`; returns every ordering's effects for further checks. */
function expectSameFinalInEveryOrder(initial: PaymentSnapshot, events: readonly StripePaymentEvent[], expected: PaymentSnapshot) {
  const runs = permutations(events).map((ordering) => ({ ordering, ...replayCheckingSeat(initial, ordering) }));
  for (const run of runs) expect(run.final, describeSequence(run.ordering)).toEqual(expected);
  return runs;
}

/** Small deterministic PRNG so the fuzz below is reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const confirmedPaid: PaymentSnapshot = { registrationStatus: "CONFIRMED", paymentStatus: "PAID", paymentState: "PAID", amountCents: PRICE, refundedCents: 0 };

// ───────────────────────────── single steps ─────────────────────────────

describe("single events from a pending checkout", () => {
  it("completed(paid) confirms, records the payment time and sends the confirmation", () => {
    expect(applyStripeEvent(start, completedPaid)).toEqual({
      next: confirmedPaid,
      effects: [{ type: "SET_PAID_AT" }, { type: "SEND_CONFIRMATION_EMAIL" }],
      changed: true,
    });
  });

  it("completed(no_payment_required) (e.g. a 100% coupon) confirms like a payment", () => {
    expect(applyStripeEvent(start, completedFree).next).toMatchObject({ registrationStatus: "CONFIRMED", paymentState: "PAID" });
  });

  it("completed(unpaid) keeps the seat held and stops the hold timer while the async payment settles", () => {
    expect(applyStripeEvent(start, completedUnpaid)).toEqual({ next: start, effects: [{ type: "CLEAR_HOLD_EXPIRY" }], changed: false });
  });

  it("async_payment_succeeded confirms", () => {
    const { final, effects } = replayStripeEvents(start, [completedUnpaid, asyncSucceeded]);
    expect(final).toEqual(confirmedPaid);
    expect(count(effects, "SEND_CONFIRMATION_EMAIL")).toBe(1);
  });

  it("async_payment_failed ends the registration, releases the seat and tells the attendee", () => {
    expect(applyStripeEvent(start, asyncFailed)).toEqual({
      next: { ...start, registrationStatus: "EXPIRED", paymentStatus: "FAILED", paymentState: "FAILED" },
      effects: [{ type: "RELEASE_SEAT" }, { type: "SEND_PAYMENT_FAILED_EMAIL" }],
      changed: true,
    });
  });

  it("expired (Stripe's or our hold timer's) ends the registration and releases the seat quietly", () => {
    for (const event of [expired, holdExpired]) {
      expect(applyStripeEvent(start, event)).toEqual({
        next: { ...start, registrationStatus: "EXPIRED", paymentStatus: "FAILED", paymentState: "EXPIRED" },
        effects: [{ type: "RELEASE_SEAT" }],
        changed: true,
      });
    }
  });

  it("a partial refund keeps the seat and the confirmation", () => {
    expect(applyStripeEvent(confirmedPaid, refunded(2_000))).toEqual({
      next: { ...confirmedPaid, paymentState: "PARTIALLY_REFUNDED", refundedCents: 2_000 },
      effects: [{ type: "SEND_REFUND_EMAIL", refundedCents: 2_000, totalRefundedCents: 2_000, fullyRefunded: false, registrationCancelled: false }],
      changed: true,
    });
  });

  it("a full refund cancels the registration and releases the seat (policy)", () => {
    expect(applyStripeEvent(confirmedPaid, fullRefund)).toEqual({
      next: { ...confirmedPaid, registrationStatus: "CANCELLED", paymentStatus: "REFUNDED", paymentState: "REFUNDED", refundedCents: PRICE },
      effects: [
        { type: "RELEASE_SEAT" },
        { type: "SEND_REFUND_EMAIL", refundedCents: PRICE, totalRefundedCents: PRICE, fullyRefunded: true, registrationCancelled: true },
      ],
      changed: true,
    });
  });

  it("reads refunds as cumulative: a later, smaller amount_refunded changes nothing", () => {
    const partly = applyStripeEvent(confirmedPaid, refunded(5_000)).next;
    expect(applyStripeEvent(partly, refunded(2_000))).toEqual({ next: partly, effects: [], changed: false });
  });

  it("trusts charge.amount for 'fully refunded' even if our amount differs", () => {
    const event: StripePaymentEvent = { type: "charge.refunded", amount_refunded: 9_000, amount: 9_000 };
    expect(applyStripeEvent(confirmedPaid, event).next.paymentState).toBe("REFUNDED");
  });

  it("ignores exact replays: the second application changes and does nothing", () => {
    for (const event of [completedPaid, completedFree, asyncSucceeded, asyncFailed, expired, holdExpired, refunded(1), fullRefund]) {
      const once = applyStripeEvent(start, event).next;
      const twice = applyStripeEvent(once, event);
      expect(twice.next).toEqual(once);
      expect(twice.changed).toBe(false);
      expect(twice.effects.filter((effect) => effect.type !== "CLEAR_HOLD_EXPIRY")).toEqual([]);
    }
  });

  it("refuses impossible amounts instead of storing them", () => {
    expect(() => applyStripeEvent(confirmedPaid, { type: "charge.refunded", amount_refunded: -1, amount: PRICE })).toThrow(RangeError);
    expect(() => applyStripeEvent(confirmedPaid, { type: "charge.refunded", amount_refunded: 1.5, amount: PRICE })).toThrow(RangeError);
    expect(() => pendingCheckout(-5)).toThrow(RangeError);
  });
});

// ───────────────────────────── any order, any duplicates ─────────────────────────────

describe("the same final state in every order", () => {
  it("[completed(unpaid), async_succeeded, expired] → confirmed and paid, seat released at most once", () => {
    const runs = expectSameFinalInEveryOrder(start, [completedUnpaid, asyncSucceeded, expired], confirmedPaid);
    for (const run of runs) {
      expect(count(run.effects, "RELEASE_SEAT")).toBeLessThanOrEqual(1);
      expect(count(run.effects, "SEND_CONFIRMATION_EMAIL")).toBe(1);
    }
    // Only the orderings where `expired` overtakes the success ever let go of the seat.
    const releasing = runs.filter((run) => count(run.effects, "RELEASE_SEAT") === 1).map((run) => describeSequence(run.ordering));
    expect(releasing.sort()).toEqual(
      [
        "expired, completed(unpaid), async_payment_succeeded",
        "completed(unpaid), expired, async_payment_succeeded",
        "expired, async_payment_succeeded, completed(unpaid)",
      ].sort(),
    );
  });

  it("…and with every event delivered twice (720 orderings)", () => {
    const runs = expectSameFinalInEveryOrder(start, [completedUnpaid, completedUnpaid, asyncSucceeded, asyncSucceeded, expired, expired], confirmedPaid);
    expect(runs).toHaveLength(720);
    for (const run of runs) {
      expect(count(run.effects, "RELEASE_SEAT")).toBeLessThanOrEqual(1);
      expect(count(run.effects, "SEND_CONFIRMATION_EMAIL")).toBe(1);
    }
  });

  it("expired after completed(paid) never releases the seat", () => {
    const { effects, final } = replayStripeEvents(start, [completedPaid, expired, expired]);
    expect(final).toEqual(confirmedPaid);
    expect(count(effects, "RELEASE_SEAT")).toBe(0);
    expectSameFinalInEveryOrder(start, [completedPaid, expired], confirmedPaid);
  });

  it("async_failed then a late async_succeeded: the payment wins and the seat is taken back", () => {
    const { effects, final } = replayCheckingSeat(start, [completedUnpaid, asyncFailed, asyncSucceeded]);
    expect(final).toEqual(confirmedPaid);
    expect(effects.map((effect) => effect.type)).toEqual([
      "CLEAR_HOLD_EXPIRY",
      "RELEASE_SEAT",
      "SEND_PAYMENT_FAILED_EMAIL",
      "RECLAIM_SEAT",
      "SET_PAID_AT",
      "SEND_CONFIRMATION_EMAIL",
    ]);
    expectSameFinalInEveryOrder(start, [completedUnpaid, asyncFailed, asyncSucceeded, asyncFailed], confirmedPaid);
  });

  it("a failed async payment, duplicated and shuffled, ends expired with one release and one email", () => {
    const failedState: PaymentSnapshot = { ...start, registrationStatus: "EXPIRED", paymentStatus: "FAILED", paymentState: "FAILED" };
    const runs = expectSameFinalInEveryOrder(start, [completedUnpaid, completedUnpaid, asyncFailed, asyncFailed, expired], failedState);
    for (const run of runs) {
      expect(count(run.effects, "RELEASE_SEAT")).toBe(1);
      expect(count(run.effects, "RECLAIM_SEAT")).toBe(0);
      expect(count(run.effects, "SEND_PAYMENT_FAILED_EMAIL")).toBeLessThanOrEqual(1);
    }
  });

  it("payment then partial refunds, in any order: confirmed, partially refunded, seat kept", () => {
    const expected: PaymentSnapshot = { ...confirmedPaid, paymentState: "PARTIALLY_REFUNDED", refundedCents: 5_000 };
    const runs = expectSameFinalInEveryOrder(start, [completedPaid, refunded(2_000), refunded(5_000), refunded(2_000)], expected);
    for (const run of runs) {
      expect(count(run.effects, "RELEASE_SEAT")).toBe(0);
      // Refund emails add up to what was refunded, whichever order they came in.
      const refundedInEmails = run.effects.reduce((sum, effect) => sum + (effect.type === "SEND_REFUND_EMAIL" ? effect.refundedCents : 0), 0);
      expect(refundedInEmails).toBe(5_000);
    }
  });

  it("payment, async confirmation and a full refund, in any order: cancelled, refunded, seat released exactly once", () => {
    const expected: PaymentSnapshot = {
      registrationStatus: "CANCELLED",
      paymentStatus: "REFUNDED",
      paymentState: "REFUNDED",
      amountCents: PRICE,
      refundedCents: PRICE,
    };
    const runs = expectSameFinalInEveryOrder(start, [completedUnpaid, asyncSucceeded, refunded(3_000), fullRefund, fullRefund], expected);
    for (const run of runs) {
      expect(count(run.effects, "RELEASE_SEAT")).toBe(1);
      expect(count(run.effects, "RECLAIM_SEAT")).toBe(0);
      expect(count(run.effects, "SET_PAID_AT")).toBe(1);
    }
  });

  it("an expired session, duplicated, releases once and is never revived by itself", () => {
    const expiredState: PaymentSnapshot = { ...start, registrationStatus: "EXPIRED", paymentStatus: "FAILED", paymentState: "EXPIRED" };
    const runs = expectSameFinalInEveryOrder(start, [expired, expired, holdExpired], expiredState);
    for (const run of runs) expect(count(run.effects, "RELEASE_SEAT")).toBe(1);
  });

  it("every realistic Stripe history, with duplicates, in every order: at most one release, never a reclaim", () => {
    // What one Checkout Session can really produce (plus our hold timer racing an async payment is excluded:
    // CLEAR_HOLD_EXPIRY stops it).
    const histories: StripePaymentEvent[][] = [
      [completedPaid],
      [completedFree],
      [completedPaid, refunded(1_000)],
      [completedPaid, refunded(1_000), fullRefund],
      [completedUnpaid, asyncSucceeded],
      [completedUnpaid, asyncSucceeded, fullRefund],
      [completedUnpaid, asyncFailed],
      [expired],
      [holdExpired, expired],
    ];
    for (const history of histories) {
      const withDuplicates = [...history, history[0], history[history.length - 1]];
      const finals = new Set<string>();
      for (const ordering of permutations(withDuplicates)) {
        const { final, effects } = replayCheckingSeat(start, ordering);
        finals.add(JSON.stringify(final));
        expect(count(effects, "RELEASE_SEAT"), describeSequence(ordering)).toBeLessThanOrEqual(1);
        expect(count(effects, "RECLAIM_SEAT"), describeSequence(ordering)).toBe(0);
        expect(count(effects, "SEND_CONFIRMATION_EMAIL")).toBeLessThanOrEqual(1);
        if (final.registrationStatus === "CANCELLED" || final.registrationStatus === "EXPIRED") {
          expect(count(effects, "RELEASE_SEAT"), "seat kept by an ended registration").toBe(1);
        }
      }
      expect(finals.size, describeSequence(history)).toBe(1);
    }
  });

  it("fuzz: any multiset of events, shuffled, converges and keeps the seat ledger right", () => {
    const alphabet: StripePaymentEvent[] = [
      completedPaid,
      completedUnpaid,
      completedFree,
      asyncSucceeded,
      asyncFailed,
      expired,
      holdExpired,
      refunded(1_000),
      refunded(7_000),
      fullRefund,
    ];
    // From a fresh checkout, and from the other states a row can be in when a webhook lands.
    const initialStates: PaymentSnapshot[] = [
      start,
      confirmedPaid,
      { ...start, registrationStatus: "EXPIRED" },
      { ...start, registrationStatus: "CANCELLED" },
      { ...start, registrationStatus: "REJECTED" },
      { ...confirmedPaid, registrationStatus: "CANCELLED" },
    ];
    const random = mulberry32(20260510);
    for (let round = 0; round < 600; round++) {
      const initial = initialStates[round % initialStates.length];
      const size = 1 + Math.floor(random() * 7);
      const events = Array.from({ length: size }, () => alphabet[Math.floor(random() * alphabet.length)]);
      const reference = replayCheckingSeat(initial, events);
      for (let shuffle = 0; shuffle < 6; shuffle++) {
        const ordering = shuffled(events, random);
        const run = replayCheckingSeat(initial, ordering);
        expect(run.final, describeSequence(ordering)).toEqual(reference.final);
        expect(count(run.effects, "SEND_CONFIRMATION_EMAIL")).toBeLessThanOrEqual(1);
        expect(count(run.effects, "SET_PAID_AT")).toBeLessThanOrEqual(1);
      }
    }
  });
});

// ───────────────────────────── registrations a person ended ─────────────────────────────

describe("a registration a person had already ended", () => {
  const cancelledWhilePaying: PaymentSnapshot = { ...start, registrationStatus: "CANCELLED", paymentStatus: "PENDING" };

  it("is never reopened by a late payment: the money is handed back", () => {
    expect(applyStripeEvent(cancelledWhilePaying, completedPaid)).toEqual({
      next: { ...cancelledWhilePaying, paymentStatus: "PAID", paymentState: "PAID" },
      effects: [{ type: "SET_PAID_AT" }, { type: "ISSUE_REFUND", amountCents: PRICE }],
      changed: true,
    });
  });

  it("ends cancelled and refunded in any order, without touching the seat it no longer holds", () => {
    const expected: PaymentSnapshot = {
      registrationStatus: "CANCELLED",
      paymentStatus: "REFUNDED",
      paymentState: "REFUNDED",
      amountCents: PRICE,
      refundedCents: PRICE,
    };
    const runs = expectSameFinalInEveryOrder(cancelledWhilePaying, [completedUnpaid, asyncFailed, asyncSucceeded, fullRefund, expired], expected);
    for (const run of runs) {
      expect(count(run.effects, "RELEASE_SEAT") + count(run.effects, "RECLAIM_SEAT")).toBe(0);
      expect(count(run.effects, "ISSUE_REFUND")).toBeLessThanOrEqual(1);
      expect(count(run.effects, "SEND_CONFIRMATION_EMAIL") + count(run.effects, "SEND_PAYMENT_FAILED_EMAIL")).toBe(0);
    }
  });

  it("asks only for what is still owed when a partial refund came first", () => {
    const { effects } = replayStripeEvents(cancelledWhilePaying, [refunded(2_000), completedPaid]);
    expect(effects.filter((effect) => effect.type === "ISSUE_REFUND")).toEqual([{ type: "ISSUE_REFUND", amountCents: PRICE - 2_000 }]);
  });

  it("stays rejected whatever Stripe says", () => {
    const rejected: PaymentSnapshot = { ...start, registrationStatus: "REJECTED" };
    for (const ordering of permutations([completedPaid, refunded(1_000), expired])) {
      expect(replayStripeEvents(rejected, ordering).final.registrationStatus).toBe("REJECTED");
    }
  });

  it("after a cancellation with a refund by policy, a later full refund just completes the money side", () => {
    const cancelledPaid: PaymentSnapshot = { ...confirmedPaid, registrationStatus: "CANCELLED" };
    expect(applyStripeEvent(cancelledPaid, fullRefund)).toEqual({
      next: { ...cancelledPaid, paymentStatus: "REFUNDED", paymentState: "REFUNDED", refundedCents: PRICE },
      effects: [{ type: "SEND_REFUND_EMAIL", refundedCents: PRICE, totalRefundedCents: PRICE, fullyRefunded: true, registrationCancelled: true }],
      changed: true,
    });
  });
});

describe("a registration whose hold lapsed outside the machine (status EXPIRED, payment still PENDING)", () => {
  const lapsed: PaymentSnapshot = { ...start, registrationStatus: "EXPIRED" };

  it("is not revived by news that teaches nothing new", () => {
    expect(applyStripeEvent(lapsed, completedUnpaid)).toEqual({ next: lapsed, effects: [], changed: false });
  });

  it("converges in every order, and a payment takes the seat back", () => {
    const expectedPaid: PaymentSnapshot = { ...confirmedPaid };
    for (const run of expectSameFinalInEveryOrder(lapsed, [completedUnpaid, expired, asyncSucceeded, completedUnpaid], expectedPaid)) {
      expect(count(run.effects, "RECLAIM_SEAT")).toBe(1);
      expect(count(run.effects, "RELEASE_SEAT")).toBe(0);
    }
    const expectedLapsed: PaymentSnapshot = { ...lapsed, paymentStatus: "FAILED", paymentState: "EXPIRED" };
    expectSameFinalInEveryOrder(lapsed, [completedUnpaid, expired, completedUnpaid], expectedLapsed);
  });
});

describe("whenSeatCannotBeReclaimed", () => {
  it("keeps the registration ended for good and hands the money back", () => {
    const lapsed = applyStripeEvent(start, expired).next;
    const attempt = applyStripeEvent(lapsed, completedPaid);
    expect(attempt.effects.map((effect) => effect.type)).toContain("RECLAIM_SEAT");

    const fallback = whenSeatCannotBeReclaimed(attempt);
    expect(fallback.next).toEqual({ ...attempt.next, registrationStatus: "CANCELLED" });
    expect(fallback.effects).toEqual([{ type: "SET_PAID_AT" }, { type: "ISSUE_REFUND", amountCents: PRICE }]);

    // No later webhook reopens it.
    const { final, effects } = replayStripeEvents(fallback.next, [asyncSucceeded, refunded(1_000), completedPaid]);
    expect(final.registrationStatus).toBe("CANCELLED");
    expect(count(effects, "RECLAIM_SEAT")).toBe(0);
  });
});

describe("toStripePaymentEvent", () => {
  it("reads the fields the machine needs", () => {
    expect(toStripePaymentEvent({ type: "checkout.session.completed", data: { object: { payment_status: "unpaid", id: "cs_1" } } })).toEqual(completedUnpaid);
    expect(toStripePaymentEvent({ type: "charge.refunded", data: { object: { amount_refunded: 500, amount: 1000 } } })).toEqual({
      type: "charge.refunded",
      amount_refunded: 500,
      amount: 1000,
    });
    for (const type of ["checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed", "checkout.session.expired"] as const) {
      expect(toStripePaymentEvent({ type, data: { object: {} } })).toEqual({ type });
    }
  });

  it("returns null for other types and malformed objects", () => {
    expect(toStripePaymentEvent({ type: "customer.created", data: { object: {} } })).toBeNull();
    expect(toStripePaymentEvent({ type: "hold.expired", data: { object: {} } })).toBeNull();
    expect(toStripePaymentEvent({ type: "checkout.session.completed", data: { object: { payment_status: "maybe" } } })).toBeNull();
    expect(toStripePaymentEvent({ type: "charge.refunded", data: { object: { amount_refunded: "5", amount: 10 } } })).toBeNull();
    expect(toStripePaymentEvent({ type: "charge.refunded", data: { object: { amount_refunded: -1, amount: 10 } } })).toBeNull();
  });
});
