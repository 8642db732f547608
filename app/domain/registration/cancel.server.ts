// Cancelling a registration — by the attendee (My registrations) or an organiser — inside the
// caller's transaction. The seat is released in the same transaction (and offered to the
// waiting list), together with what the person had at the event (participation.server.ts);
// what happens to the money follows the ticket type's refund rule (refundDecision). Recording
// and requesting a card refund is the payments capability's: it runs this in its transaction
// (payments/cancellation.server.ts, the entry point) and records `refundOwed` there.
import { DomainError } from "~/domain/kernel/errors";
import type { CancellationRefund } from "~/domain/notifications/emails/registration";
import type { Tx } from "~/platform/db.server";
import { endParticipation } from "./participation.server";
import { enqueueCancellationEmail } from "./registration-emails.server";
import { releaseSeat } from "./waitlist.server";
import { hasEnded, holdsSeat, refundDecision } from "./ticket-rules";

/** Who cancels: the attendee (their own registration) or the event's organisers (any of its registrations). */
export type CancelledBy = { kind: "attendee"; userId: string } | { kind: "organiser"; eventId: string };

export interface CancelOutcome {
  registrationId: string;
  /** Money to give back; `method` says who does it (Stripe automatically, invoice by hand). */
  refund: { due: true; method: "STRIPE" | "INVOICE"; amountCents: number; currency: string } | { due: false; reason: string | null };
}

/** What the cancellation decided about a card payment, for the payments capability to record in `tx`. */
export interface CancelDecision extends CancelOutcome {
  /** The card payment to refund and how much, or null (nothing paid by card, nothing due). */
  refundOwed: { paymentId: string; amountCents: number } | null;
}

/** Cancels the registration in `tx` (the id already checked to be a uuid). */
export async function cancelInTransaction(tx: Tx, by: CancelledBy, registrationId: string, now: Date): Promise<CancelDecision> {
  const scope = by.kind === "attendee" ? { userId: by.userId } : { eventId: by.eventId };
  const registration = await tx.registration.findFirst({
    where: { id: registrationId, ...scope },
    select: {
      id: true,
      status: true,
      paymentStatus: true,
      paymentMethod: true,
      ticketTypeId: true,
      userId: true,
      eventId: true,
      ticketType: { select: { priceCents: true, currency: true, refundUntilHours: true } },
      event: { select: { startsAt: true, status: true } },
      payments: {
        where: { state: { in: ["PAID", "PARTIALLY_REFUNDED"] } },
        select: { id: true, amountCents: true, refundedCents: true, currency: true, method: true },
      },
    },
  });
  if (!registration) throw new DomainError("NOT_FOUND", "This registration does not exist.");
  if (hasEnded(registration.status)) throw new DomainError("CONFLICT", "This registration has already ended.");

  const paid = registration.paymentStatus === "PAID";
  const decision = refundDecision(registration.ticketType, registration.event, now);
  const cancelled = await tx.registration.updateMany({
    where: { id: registration.id, status: registration.status },
    data: {
      status: "CANCELLED",
      cancelledAt: now,
      holdExpiresAt: null,
      offerExpiresAt: null,
      // An unpaid invoice is void once the place is given up.
      ...(registration.paymentStatus === "UNPAID_INVOICE" ? { paymentStatus: "NONE" as const } : {}),
      sequence: { increment: 1 },
    },
  });
  if (cancelled.count !== 1) throw new DomainError("CONFLICT", "This registration changed meanwhile. Please reload and try again.");
  if (holdsSeat(registration.status)) await releaseSeat(tx, registration.ticketTypeId, now);
  // Agenda picks and their seats, pending reminders, live meetings: gone with the registration.
  await endParticipation(tx, registration, now);

  let outcome: CancelOutcome["refund"];
  let refundOwed: CancelDecision["refundOwed"] = null;
  let emailRefund: CancellationRefund;
  if (!paid) {
    outcome = { due: false, reason: null };
    emailRefund = { kind: "NOTHING_PAID" };
  } else if (decision.refund) {
    const held = registration.payments.reduce((sum, p) => sum + p.amountCents - p.refundedCents, 0);
    const amountCents = held > 0 ? held : registration.ticketType.priceCents;
    const method = registration.paymentMethod === "STRIPE" || registration.payments.some((p) => p.method === "STRIPE") ? "STRIPE" : "INVOICE";
    outcome = { due: true, method, amountCents, currency: registration.ticketType.currency };
    const cardPayment = registration.payments.find((p) => p.method === "STRIPE" && p.amountCents > p.refundedCents);
    if (method === "STRIPE" && cardPayment) refundOwed = { paymentId: cardPayment.id, amountCents };
    emailRefund = { kind: "REFUND", amountCents, currency: registration.ticketType.currency };
  } else {
    const reason = decision.reason === "REFUND_WINDOW_PASSED" ? "REFUND_WINDOW_PASSED" : "NO_REFUNDS";
    outcome = { due: false, reason };
    emailRefund = { kind: "NO_REFUND", reason, deadline: decision.refundDeadline };
  }
  // Someone leaving the waiting list never had a ticket: no email for that.
  if (registration.status !== "WAITLISTED") await enqueueCancellationEmail(tx, registration.id, emailRefund);
  return { registrationId: registration.id, refund: outcome, refundOwed };
}
