// Pure rules about tickets: may this person take a seat of this ticket type now, in which
// status does their registration start, do they get their money back when they cancel, and
// how long is a seat held while they pay.
//
// The types mirror the Prisma enums as string-literal unions so this file stays free of the
// generated client (and usable in the browser and in plain unit tests).

export type RegistrationStatus = "PENDING_APPROVAL" | "PENDING_PAYMENT" | "CONFIRMED" | "WAITLISTED" | "OFFERED" | "CANCELLED" | "REJECTED" | "EXPIRED";

export type PaymentStatus = "NONE" | "PENDING" | "PAID" | "UNPAID_INVOICE" | "REFUNDED" | "FAILED";

export type PaymentMethod = "STRIPE" | "INVOICE";

export type EventStatus = "DRAFT" | "PUBLISHED" | "CANCELLED";

/**
 * Statuses that occupy one unit of TicketType.taken.
 * - PENDING_PAYMENT: the seat is held while the attendee pays.
 * - PENDING_APPROVAL: held while the organiser decides, so an approval can never overbook and
 *   requests beyond capacity go to the waiting list like everyone else.
 * - OFFERED: a freed seat is reserved for the waiting-list person it was offered to, otherwise
 *   the offer could not be honoured when they claim it.
 */
export const SEAT_HOLDING_STATUSES: ReadonlySet<RegistrationStatus> = new Set<RegistrationStatus>([
  "PENDING_APPROVAL",
  "PENDING_PAYMENT",
  "CONFIRMED",
  "OFFERED",
]);

/** Statuses after which the person may register again (the partial unique index excludes them). */
export const ENDED_STATUSES: ReadonlySet<RegistrationStatus> = new Set<RegistrationStatus>(["CANCELLED", "REJECTED", "EXPIRED"]);

export function holdsSeat(status: RegistrationStatus): boolean {
  return SEAT_HOLDING_STATUSES.has(status);
}

export function hasEnded(status: RegistrationStatus): boolean {
  return ENDED_STATUSES.has(status);
}

/** The fields of a TicketType the rules read (a Prisma row fits). */
export interface TicketTypeRules {
  priceCents: number;
  capacity: number | null;
  taken: number;
  salesStartAt: Date | null;
  salesEndAt: Date | null;
  perPersonLimit: number;
  requiresApproval: boolean;
  hidden: boolean;
  accessCode: string | null;
  paymentMethods: readonly PaymentMethod[];
  refundUntilHours: number | null;
}

// ───────────────────────────── availability ─────────────────────────────

export type TicketRefusalCode = "SALES_NOT_OPEN" | "SALES_CLOSED" | "HIDDEN_NEEDS_CODE" | "WRONG_ACCESS_CODE" | "INVALID_QUANTITY" | "OVER_PER_PERSON_LIMIT";

export type TicketAvailability = { ok: true } | { ok: false; code: TicketRefusalCode; message: string };

export interface AvailabilityRequest {
  now: Date;
  /** What the person typed or the link carried; null/undefined when none. */
  accessCode?: string | null;
  /** Seats asked for in this request. */
  quantity: number;
  /** Seats this person already holds of this ticket type (defaults to 0). */
  alreadyHeld?: number;
}

/** Access codes are read off emails and slides: ignore case and surrounding spaces. */
function normaliseAccessCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Compares in time independent of where the strings differ, so codes cannot be guessed char by char. */
function sameCode(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

function formatLimit(limit: number): string {
  return limit === 1 ? "one ticket" : `${limit} tickets`;
}

/**
 * May `quantity` seats of this ticket type be taken now? Capacity is deliberately not checked
 * here: only the database's conditional update can say so without a race (see `seatsLeft` for
 * a display hint).
 *
 * Order of checks: the access code comes first so that a hidden ticket type reveals nothing —
 * not even its sales window — to someone without its code.
 *
 * Policy: `hidden` is the switch and `accessCode` the key. A visible ticket type is open to all
 * even if an access code is stored on it; a hidden one without any code cannot be reached.
 */
export function checkTicketAvailability(ticketType: TicketTypeRules, request: AvailabilityRequest): TicketAvailability {
  if (ticketType.hidden) {
    const supplied = request.accessCode?.trim() ?? "";
    if (supplied === "") {
      return { ok: false, code: "HIDDEN_NEEDS_CODE", message: "This ticket needs an access code." };
    }
    if (ticketType.accessCode === null || !sameCode(normaliseAccessCode(supplied), normaliseAccessCode(ticketType.accessCode))) {
      return { ok: false, code: "WRONG_ACCESS_CODE", message: "That access code doesn't match this ticket. Please check it and try again." };
    }
  }

  const now = request.now.getTime();
  if (ticketType.salesStartAt !== null && now < ticketType.salesStartAt.getTime()) {
    return { ok: false, code: "SALES_NOT_OPEN", message: "Registration for this ticket hasn't opened yet." };
  }
  // The end is exclusive: at salesEndAt exactly, sales are over.
  if (ticketType.salesEndAt !== null && now >= ticketType.salesEndAt.getTime()) {
    return { ok: false, code: "SALES_CLOSED", message: "Registration for this ticket has closed." };
  }

  const alreadyHeld = request.alreadyHeld ?? 0;
  if (!Number.isInteger(request.quantity) || request.quantity < 1 || !Number.isInteger(alreadyHeld) || alreadyHeld < 0) {
    return { ok: false, code: "INVALID_QUANTITY", message: "Please choose how many tickets you need." };
  }
  if (alreadyHeld + request.quantity > ticketType.perPersonLimit) {
    return {
      ok: false,
      code: "OVER_PER_PERSON_LIMIT",
      message: `You can have at most ${formatLimit(ticketType.perPersonLimit)} of this type.`,
    };
  }
  return { ok: true };
}

/** Seats still free, or null when the ticket type has no capacity limit. Advisory only. */
export function seatsLeft(ticketType: Pick<TicketTypeRules, "capacity" | "taken">): number | null {
  if (ticketType.capacity === null) return null;
  return Math.max(0, ticketType.capacity - ticketType.taken);
}

// ───────────────────────────── payment methods & initial status ─────────────────────────────

export function isFree(ticketType: Pick<TicketTypeRules, "priceCents">): boolean {
  return ticketType.priceCents <= 0;
}

/**
 * How a priced ticket can be paid here and now.
 * - The ticket type's list decides; an empty list means "not restricted" (both methods).
 * - Stripe is only offered when it is configured.
 * - Invoice / bank transfer is the fallback public bodies need: when nothing else is left
 *   (e.g. a Stripe-only ticket type on an installation without Stripe keys), it is offered.
 * Free tickets need no payment method: [].
 */
export function offeredPaymentMethods(
  ticketType: Pick<TicketTypeRules, "priceCents" | "paymentMethods">,
  environment: { stripeConfigured: boolean },
): PaymentMethod[] {
  if (isFree(ticketType)) return [];
  const wanted: PaymentMethod[] = ticketType.paymentMethods.length > 0 ? [...new Set(ticketType.paymentMethods)] : ["STRIPE", "INVOICE"];
  const possible = wanted.filter((method) => method !== "STRIPE" || environment.stripeConfigured);
  return possible.length > 0 ? possible : ["INVOICE"];
}

export type InitialStatusRefusalCode = "PAYMENT_METHOD_REQUIRED" | "PAYMENT_METHOD_NOT_OFFERED";

export type InitialStatus =
  | {
      ok: true;
      status: "PENDING_APPROVAL" | "PENDING_PAYMENT" | "CONFIRMED";
      paymentStatus: "NONE" | "PENDING" | "UNPAID_INVOICE";
      /** The method the attendee pays with; null for free tickets. */
      paymentMethod: PaymentMethod | null;
      /** True when the seat is held only until `holdExpiry` (Stripe Checkout pending). */
      needsHoldExpiry: boolean;
    }
  | { ok: false; code: InitialStatusRefusalCode; message: string };

function statusOncePaymentIsKnown(
  ticketType: TicketTypeRules,
  paymentChoice: PaymentMethod | null | undefined,
  environment: { stripeConfigured: boolean },
): InitialStatus {
  if (isFree(ticketType)) {
    return { ok: true, status: "CONFIRMED", paymentStatus: "NONE", paymentMethod: null, needsHoldExpiry: false };
  }
  const offered = offeredPaymentMethods(ticketType, environment);
  if (paymentChoice === null || paymentChoice === undefined) {
    return { ok: false, code: "PAYMENT_METHOD_REQUIRED", message: "Please choose how you would like to pay." };
  }
  if (!offered.includes(paymentChoice)) {
    return { ok: false, code: "PAYMENT_METHOD_NOT_OFFERED", message: "This payment method isn't available for this ticket." };
  }
  if (paymentChoice === "STRIPE") {
    return { ok: true, status: "PENDING_PAYMENT", paymentStatus: "PENDING", paymentMethod: "STRIPE", needsHoldExpiry: true };
  }
  // Invoice: the person is in; the organiser marks the invoice paid later.
  return { ok: true, status: "CONFIRMED", paymentStatus: "UNPAID_INVOICE", paymentMethod: "INVOICE", needsHoldExpiry: false };
}

/**
 * The status a new registration starts in (its seat is taken in every case).
 * - Approval required → PENDING_APPROVAL with paymentStatus NONE: nobody pays for a seat the
 *   organiser may still refuse; payment starts on approval (see `statusAfterApproval`). The
 *   payment choice is still validated now, so the attendee hears about a bad choice at once.
 * - Free → CONFIRMED / NONE.
 * - Stripe → PENDING_PAYMENT / PENDING, with a hold expiry.
 * - Invoice → CONFIRMED / UNPAID_INVOICE.
 */
export function initialRegistrationStatus(
  ticketType: TicketTypeRules,
  paymentChoice: PaymentMethod | null | undefined,
  environment: { stripeConfigured: boolean },
): InitialStatus {
  const once = statusOncePaymentIsKnown(ticketType, paymentChoice, environment);
  if (!once.ok || !ticketType.requiresApproval) return once;
  return { ok: true, status: "PENDING_APPROVAL", paymentStatus: "NONE", paymentMethod: once.paymentMethod, needsHoldExpiry: false };
}

/** Where an approved registration goes next: the same rules as a new one without approval. */
export function statusAfterApproval(
  ticketType: TicketTypeRules,
  paymentChoice: PaymentMethod | null | undefined,
  environment: { stripeConfigured: boolean },
): InitialStatus {
  return statusOncePaymentIsKnown(ticketType, paymentChoice, environment);
}

// ───────────────────────────── refunds ─────────────────────────────

export type RefundReason = "FREE_TICKET" | "EVENT_CANCELLED" | "WITHIN_REFUND_WINDOW" | "REFUND_WINDOW_PASSED" | "NO_REFUNDS";

export interface RefundDecision {
  /** Whether the attendee is entitled to their money back (the whole amount still held). */
  refund: boolean;
  reason: RefundReason;
  /** Last instant a cancellation is refunded; null when there is no such instant. */
  refundDeadline: Date | null;
}

/**
 * Does cancelling at `cancelledAt` give the money back?
 * - Free tickets: nothing to refund.
 * - An event the organiser cancelled is always refunded, whatever the ticket type says.
 * - refundUntilHours null: the ticket type is non-refundable.
 * - Otherwise refunded until (and including) `refundUntilHours` before the event starts.
 */
export function refundDecision(
  ticketType: Pick<TicketTypeRules, "priceCents" | "refundUntilHours">,
  event: { startsAt: Date; status?: EventStatus },
  cancelledAt: Date,
): RefundDecision {
  if (isFree(ticketType)) return { refund: false, reason: "FREE_TICKET", refundDeadline: null };
  if (event.status === "CANCELLED") return { refund: true, reason: "EVENT_CANCELLED", refundDeadline: null };
  if (ticketType.refundUntilHours === null) return { refund: false, reason: "NO_REFUNDS", refundDeadline: null };
  const refundDeadline = new Date(event.startsAt.getTime() - ticketType.refundUntilHours * 3_600_000);
  return cancelledAt.getTime() <= refundDeadline.getTime()
    ? { refund: true, reason: "WITHIN_REFUND_WINDOW", refundDeadline }
    : { refund: false, reason: "REFUND_WINDOW_PASSED", refundDeadline };
}

// ───────────────────────────── seat holds ─────────────────────────────

/** Stripe refuses a Checkout Session `expires_at` less than 30 minutes ahead. */
export const CHECKOUT_SESSION_MINUTES = 30;

/**
 * How long a seat is held for a Stripe payment. Longer than the Checkout Session on purpose:
 * the seat must outlive every moment at which the session can still be paid, and the
 * `checkout.session.expired` webhook normally releases it first; the hold timer is the backstop
 * for a webhook that never comes.
 */
export const PAYMENT_HOLD_MINUTES = CHECKOUT_SESSION_MINUTES + 5;

/** The instant a hold of `minutes` taken at `now` lapses. */
export function holdExpiry(now: Date, minutes: number = PAYMENT_HOLD_MINUTES): Date {
  if (!Number.isFinite(minutes) || minutes <= 0) throw new RangeError(`A hold must last a positive number of minutes, got ${minutes}`);
  return new Date(now.getTime() + minutes * 60_000);
}

export function isHoldExpired(holdExpiresAt: Date | null, now: Date): boolean {
  return holdExpiresAt !== null && now.getTime() >= holdExpiresAt.getTime();
}
