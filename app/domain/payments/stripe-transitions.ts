// The Stripe payment of one registration as a pure state machine.
//
// Stripe delivers webhooks at least once and in no guaranteed order, so `applyStripeEvent`
// is built to converge: every event only ever *adds knowledge* and the state is the join
// (the "most advanced" point) of everything known so far. Applying events in any order, with
// any duplicates, gives the same final state; applying an event twice changes nothing.
//
// How it works
// ────────────
// 1. Money knowledge is a ranked ladder, and the next rank is max(current, event):
//
//        PENDING < EXPIRED < FAILED < PAID < PARTIALLY_REFUNDED < REFUNDED
//
//    refundedCents is max(current, charge.amount_refunded) — Stripe reports the charge's
//    cumulative refunded amount, so max is exact whatever the order. A refund implies the
//    payment happened, so refunds rank above PAID even if the refund webhook comes first.
//
// 2. The registration follows the money while the payment machine owns it (statuses
//    PENDING_PAYMENT, CONFIRMED, EXPIRED):
//
//        PENDING → PENDING_PAYMENT          PAID / PARTIALLY_REFUNDED → CONFIRMED
//        EXPIRED, FAILED → EXPIRED          REFUNDED → CANCELLED (policy, see below)
//
//    A registration a *person* ended (CANCELLED by the attendee or organiser, REJECTED) is
//    never reopened by a webhook: money arriving for it is handed back (ISSUE_REFUND).
//    Failed and expired payments end in EXPIRED, never CANCELLED, precisely so that the two
//    kinds of ending can be told apart from the stored row alone.
//
// 3. Side effects are derived from the difference between the state before and after, not
//    from the event: the seat is released exactly when the status stops holding a seat, and
//    taken back exactly when it starts holding one again. The seat ledger therefore always
//    matches the final status, and an event that changes nothing does nothing.
//
// Ordering policy (what wins when Stripe's events contradict each other)
// ─────────────────────────────────────────────────────────────────────
// - Money wins. `expired` after `completed(paid)` is ignored (the seat stays). A success after
//   a failure (`async_payment_failed`, then `async_payment_succeeded`) confirms: the attendee
//   has paid, and keeping their money without a seat is the worst outcome.
// - `completed(unpaid)` only says "an asynchronous payment (e.g. SEPA debit) is on its way";
//   the seat stays held (CLEAR_HOLD_EXPIRY stops the hold timer) until it succeeds or fails.
// - `expired` or our own hold timer (`hold.expired`) ranks above "unpaid, awaiting": if they
//   race, the seat is released, and a success arriving later takes it back.
// - Failure ranks above expiry (it says more: the attendee tried to pay); both end in EXPIRED.
// - Full refund (charge.refunded with amount_refunded ≥ amount): by policy the registration is
//   CANCELLED and the seat released — a refunded attendee no longer holds a ticket. An
//   organiser who wants to let someone in for free issues a partial refund, or re-registers
//   them on a free ticket type. A partial refund keeps the registration CONFIRMED and the seat.
//
// In a real Stripe sequence (one Checkout Session: completed → maybe async outcome → maybe
// refunds; or just expired), RELEASE_SEAT is emitted at most once and RECLAIM_SEAT never.
// RECLAIM_SEAT only appears for contradictory sequences (expired *and* paid); the executor
// must take the seat back with the same conditional update as a new registration and, if the
// ticket type is full or the person has registered again meanwhile, apply
// `whenSeatCannotBeReclaimed` instead — that is the one outcome that depends on more than the
// events, because it depends on capacity.

import { hasEnded, holdsSeat, type PaymentStatus, type RegistrationStatus } from "../registration/ticket-rules";

export type PaymentState = "PENDING" | "PAID" | "FAILED" | "EXPIRED" | "REFUNDED" | "PARTIALLY_REFUNDED";

/** What the machine reads and writes: Registration.status/paymentStatus and the Payment row. */
export interface PaymentSnapshot {
  registrationStatus: RegistrationStatus;
  paymentStatus: PaymentStatus;
  paymentState: PaymentState;
  amountCents: number;
  refundedCents: number;
}

/** The Stripe events the machine understands, reduced to the fields it needs (Stripe's names). */
export type StripePaymentEvent =
  | { type: "checkout.session.completed"; payment_status: "paid" | "unpaid" | "no_payment_required" }
  | { type: "checkout.session.async_payment_succeeded" }
  | { type: "checkout.session.async_payment_failed" }
  | { type: "checkout.session.expired" }
  | { type: "charge.refunded"; amount_refunded: number; amount: number }
  /** Our own timer: the seat hold lapsed without news from Stripe. Treated like `expired`. */
  | { type: "hold.expired" };

export type PaymentEffect =
  /** Decrement TicketType.taken (and offer the seat to the waiting list). */
  | { type: "RELEASE_SEAT" }
  /** Take a seat again with the conditional update; see `whenSeatCannotBeReclaimed`. */
  | { type: "RECLAIM_SEAT" }
  /** An asynchronous payment is under way: null holdExpiresAt so the hold timer leaves the seat alone. */
  | { type: "CLEAR_HOLD_EXPIRY" }
  /** Set Payment.paidAt (first time money is known to have arrived). */
  | { type: "SET_PAID_AT" }
  | { type: "SEND_CONFIRMATION_EMAIL" }
  | { type: "SEND_PAYMENT_FAILED_EMAIL" }
  | { type: "SEND_REFUND_EMAIL"; refundedCents: number; totalRefundedCents: number; fullyRefunded: boolean; registrationCancelled: boolean }
  /** Money arrived for a registration a person had ended: give it back (with an idempotency key). */
  | { type: "ISSUE_REFUND"; amountCents: number };

export type PaymentEffectType = PaymentEffect["type"];

export interface PaymentTransition {
  next: PaymentSnapshot;
  effects: PaymentEffect[];
  /** False when the event taught nothing new (a replay, a duplicate, or a late, weaker event). */
  changed: boolean;
}

const RANK: Record<PaymentState, number> = {
  PENDING: 0,
  EXPIRED: 1,
  FAILED: 2,
  PAID: 3,
  PARTIALLY_REFUNDED: 4,
  REFUNDED: 5,
};

const STATE_BY_RANK = Object.fromEntries(Object.entries(RANK).map(([state, rank]) => [rank, state])) as Record<number, PaymentState>;

/** Statuses the payment machine may move on its own; every other status belongs to a person. */
const PAYMENT_DRIVEN_STATUSES: ReadonlySet<RegistrationStatus> = new Set<RegistrationStatus>(["PENDING_PAYMENT", "CONFIRMED", "EXPIRED"]);

const REGISTRATION_STATUS_FOR: Record<PaymentState, RegistrationStatus> = {
  PENDING: "PENDING_PAYMENT",
  EXPIRED: "EXPIRED",
  FAILED: "EXPIRED",
  PAID: "CONFIRMED",
  PARTIALLY_REFUNDED: "CONFIRMED",
  REFUNDED: "CANCELLED",
};

const PAYMENT_STATUS_FOR: Record<PaymentState, PaymentStatus> = {
  PENDING: "PENDING",
  EXPIRED: "FAILED",
  FAILED: "FAILED",
  PAID: "PAID",
  // The registration's enum has no "partially refunded": it is still a paid ticket.
  PARTIALLY_REFUNDED: "PAID",
  REFUNDED: "REFUNDED",
};

function assertCents(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative whole number of cents, got ${value}`);
}

/** The rank of the knowledge an event brings, ignoring refund amounts (handled separately). */
function eventRank(event: StripePaymentEvent): number {
  switch (event.type) {
    case "checkout.session.completed":
      // "unpaid" adds nothing to the ladder: the payment is still pending, asynchronously.
      return event.payment_status === "unpaid" ? RANK.PENDING : RANK.PAID;
    case "checkout.session.async_payment_succeeded":
      return RANK.PAID;
    case "checkout.session.async_payment_failed":
      return RANK.FAILED;
    case "checkout.session.expired":
    case "hold.expired":
      return RANK.EXPIRED;
    case "charge.refunded":
      if (event.amount > 0 && event.amount_refunded >= event.amount) return RANK.REFUNDED;
      return event.amount_refunded > 0 ? RANK.PARTIALLY_REFUNDED : RANK.PAID;
    default: {
      const unknownEvent: never = event;
      throw new Error(`Unhandled payment event ${JSON.stringify(unknownEvent)}`);
    }
  }
}

function refundRank(refundedCents: number, amountCents: number): number {
  if (refundedCents <= 0) return RANK.PENDING;
  return amountCents > 0 && refundedCents >= amountCents ? RANK.REFUNDED : RANK.PARTIALLY_REFUNDED;
}

/** Whether the payment machine, rather than a person, decides this registration's status. */
export function isPaymentDriven(status: RegistrationStatus): boolean {
  return PAYMENT_DRIVEN_STATUSES.has(status);
}

/** Applies one Stripe event. Pure; see the top of this file for the guarantees and policy. */
export function applyStripeEvent(current: PaymentSnapshot, event: StripePaymentEvent): PaymentTransition {
  assertCents("amountCents", current.amountCents);
  assertCents("refundedCents", current.refundedCents);
  if (event.type === "charge.refunded") {
    assertCents("amount_refunded", event.amount_refunded);
    assertCents("amount", event.amount);
  }

  const refundedCents = Math.max(current.refundedCents, event.type === "charge.refunded" ? event.amount_refunded : 0);
  const currentRank = RANK[current.paymentState];
  const nextRank = Math.max(currentRank, eventRank(event), refundRank(refundedCents, current.amountCents));
  const paymentState = STATE_BY_RANK[nextRank];
  const rankChanged = nextRank !== currentRank;
  const ownedByPayment = isPaymentDriven(current.registrationStatus);

  const next: PaymentSnapshot = {
    registrationStatus: rankChanged && ownedByPayment ? REGISTRATION_STATUS_FOR[paymentState] : current.registrationStatus,
    paymentStatus: rankChanged ? PAYMENT_STATUS_FOR[paymentState] : current.paymentStatus,
    paymentState,
    amountCents: current.amountCents,
    refundedCents,
  };

  const effects = effectsBetween(current, next);
  // The one effect that depends on the event rather than the difference: "unpaid" completion
  // changes no state, yet the hold timer must stop while the asynchronous payment settles.
  if (
    event.type === "checkout.session.completed" &&
    event.payment_status === "unpaid" &&
    next.registrationStatus === "PENDING_PAYMENT" &&
    next.paymentState === "PENDING"
  ) {
    effects.unshift({ type: "CLEAR_HOLD_EXPIRY" });
  }

  const changed =
    next.registrationStatus !== current.registrationStatus ||
    next.paymentStatus !== current.paymentStatus ||
    next.paymentState !== current.paymentState ||
    next.refundedCents !== current.refundedCents;
  return { next, effects, changed };
}

function effectsBetween(previous: PaymentSnapshot, next: PaymentSnapshot): PaymentEffect[] {
  const effects: PaymentEffect[] = [];
  const previousRank = RANK[previous.paymentState];
  const nextRank = RANK[next.paymentState];

  const heldBefore = holdsSeat(previous.registrationStatus);
  const heldAfter = holdsSeat(next.registrationStatus);
  if (heldBefore && !heldAfter) effects.push({ type: "RELEASE_SEAT" });
  if (!heldBefore && heldAfter) effects.push({ type: "RECLAIM_SEAT" });

  if (previousRank < RANK.PAID && nextRank >= RANK.PAID) effects.push({ type: "SET_PAID_AT" });

  if (next.registrationStatus === "CONFIRMED" && previous.registrationStatus !== "CONFIRMED") {
    effects.push({ type: "SEND_CONFIRMATION_EMAIL" });
  }

  if (next.paymentState === "FAILED" && previousRank < RANK.FAILED && isPaymentDriven(previous.registrationStatus)) {
    effects.push({ type: "SEND_PAYMENT_FAILED_EMAIL" });
  }

  if (next.refundedCents > previous.refundedCents) {
    effects.push({
      type: "SEND_REFUND_EMAIL",
      refundedCents: next.refundedCents - previous.refundedCents,
      totalRefundedCents: next.refundedCents,
      fullyRefunded: next.paymentState === "REFUNDED",
      registrationCancelled: hasEnded(next.registrationStatus),
    });
  }

  // Money arrived for a registration a person had already ended: it cannot be reopened, so the
  // money goes back. Emitted on the first news of payment; if the refund webhook came first,
  // there is nothing left to give back.
  const owedBack = next.amountCents - next.refundedCents;
  if (
    hasEnded(next.registrationStatus) &&
    !isPaymentDriven(next.registrationStatus) &&
    previousRank < RANK.PAID &&
    nextRank >= RANK.PAID &&
    next.paymentState !== "REFUNDED" &&
    owedBack > 0
  ) {
    effects.push({ type: "ISSUE_REFUND", amountCents: owedBack });
  }

  return effects;
}

/**
 * For the executor when RECLAIM_SEAT cannot be carried out (the ticket type filled up, or the
 * person holds another active registration): the registration stays ended — as CANCELLED, so
 * that no later webhook tries to reopen it — and the money is handed back.
 */
export function whenSeatCannotBeReclaimed(transition: PaymentTransition): PaymentTransition {
  const { next } = transition;
  const effects: PaymentEffect[] = transition.effects.filter(
    (effect) => effect.type !== "RECLAIM_SEAT" && effect.type !== "SEND_CONFIRMATION_EMAIL" && effect.type !== "ISSUE_REFUND",
  );
  const owedBack = next.amountCents - next.refundedCents;
  if (next.paymentState !== "REFUNDED" && RANK[next.paymentState] >= RANK.PAID && owedBack > 0) {
    effects.push({ type: "ISSUE_REFUND", amountCents: owedBack });
  }
  return { next: { ...next, registrationStatus: "CANCELLED" }, effects, changed: true };
}

/** Applies events in order; handy to replay a history and in tests. */
export function replayStripeEvents(initial: PaymentSnapshot, events: readonly StripePaymentEvent[]): { final: PaymentSnapshot; effects: PaymentEffect[] } {
  let state = initial;
  const effects: PaymentEffect[] = [];
  for (const event of events) {
    const transition = applyStripeEvent(state, event);
    state = transition.next;
    effects.push(...transition.effects);
  }
  return { final: state, effects };
}

/** The snapshot of a registration just sent to Stripe Checkout. */
export function pendingCheckout(amountCents: number): PaymentSnapshot {
  assertCents("amountCents", amountCents);
  return { registrationStatus: "PENDING_PAYMENT", paymentStatus: "PENDING", paymentState: "PENDING", amountCents, refundedCents: 0 };
}

const HANDLED_TYPES = new Set<string>([
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
  "charge.refunded",
]);

/**
 * Reads a (signature-verified) Stripe event into a StripePaymentEvent, or null when the
 * machine has nothing to do with it — an unhandled type, or a field Stripe never sends in that
 * shape; the caller should log a null for a type in its webhook subscription.
 */
export function toStripePaymentEvent(stripeEvent: { type: string; data: { object: unknown } }): StripePaymentEvent | null {
  if (!HANDLED_TYPES.has(stripeEvent.type)) return null;
  const object = (stripeEvent.data.object ?? {}) as Record<string, unknown>;
  switch (stripeEvent.type) {
    case "checkout.session.completed": {
      const status = object.payment_status;
      if (status === "paid" || status === "unpaid" || status === "no_payment_required") {
        return { type: "checkout.session.completed", payment_status: status };
      }
      return null;
    }
    case "charge.refunded": {
      const { amount_refunded: refunded, amount } = object;
      if (typeof refunded !== "number" || typeof amount !== "number") return null;
      if (!Number.isInteger(refunded) || !Number.isInteger(amount) || refunded < 0 || amount < 0) return null;
      return { type: "charge.refunded", amount_refunded: refunded, amount };
    }
    case "checkout.session.async_payment_succeeded":
    case "checkout.session.async_payment_failed":
    case "checkout.session.expired":
      return { type: stripeEvent.type };
    default:
      return null;
  }
}
