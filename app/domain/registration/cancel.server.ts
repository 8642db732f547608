// Cancelling a registration — by the attendee (My registrations) or an organiser. The seat is
// released in the same transaction (and offered to the waiting list), together with what the
// person had at the event (participation.server.ts); what happens to the money
// follows the ticket type's refund rule (refundDecision). Stripe refunds are asked of Stripe
// after the commit by the payments module (the registration turns REFUNDED when Stripe's
// charge.refunded webhook arrives); invoice payments are refunded by bank transfer, by hand.
import { DomainError } from "~/domain/kernel/errors";
import { requireUuid } from "~/domain/kernel/ids";
import { issueRefundsAfterCommit, recordRefundOwed } from "~/domain/payments/refund-queue.server";
import type { CancellationRefund } from "~/domain/notifications/emails/registration";
import { db } from "~/platform/db.server";
import { endParticipation } from "./participation.server";
import { enqueueCancellationEmail } from "./registration-emails.server";
import { releaseSeat } from "./waitlist.server";
import { TX_OPTIONS } from "./store.server";
import { hasEnded, holdsSeat, refundDecision } from "./ticket-rules";

export type CancelActor = { kind: "attendee"; userId: string } | { kind: "organiser"; eventId: string };

export interface CancelOutcome {
  registrationId: string;
  /** Money to give back; `method` says who does it (Stripe automatically, invoice by hand). */
  refund: { due: true; method: "STRIPE" | "INVOICE"; amountCents: number; currency: string } | { due: false; reason: string | null };
}

export async function cancelRegistration(actor: CancelActor, registrationId: string, now: Date = new Date()): Promise<CancelOutcome> {
  requireUuid(registrationId, "This registration does not exist.");
  const outcome = await cancelInTransaction(actor, registrationId, now);
  // Card payments are refunded through Stripe after the commit (never holding row locks across
  // a network call); the payments module retries through the job queue when Stripe is down.
  if (outcome.refund.due && outcome.refund.method === "STRIPE") {
    await issueRefundsAfterCommit([{ registrationId: outcome.registrationId, amountCents: outcome.refund.amountCents }]);
  }
  return outcome;
}

async function cancelInTransaction(actor: CancelActor, registrationId: string, now: Date): Promise<CancelOutcome> {
  return db().$transaction(async (tx) => {
    const scope = actor.kind === "attendee" ? { userId: actor.userId } : { eventId: actor.eventId };
    const registration = await tx.registration.findFirst({
      where: { id: registrationId, ...scope },
      select: {
        id: true, status: true, paymentStatus: true, paymentMethod: true, ticketTypeId: true, userId: true, eventId: true,
        ticketType: { select: { priceCents: true, currency: true, refundUntilHours: true } },
        event: { select: { startsAt: true, status: true } },
        payments: { where: { state: { in: ["PAID", "PARTIALLY_REFUNDED"] } }, select: { id: true, amountCents: true, refundedCents: true, currency: true, method: true } },
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
      if (method === "STRIPE" && cardPayment) await recordRefundOwed(tx, cardPayment.id, amountCents);
      emailRefund = { kind: "REFUND", amountCents, currency: registration.ticketType.currency };
    } else {
      const reason = decision.reason === "REFUND_WINDOW_PASSED" ? "REFUND_WINDOW_PASSED" : "NO_REFUNDS";
      outcome = { due: false, reason };
      emailRefund = { kind: "NO_REFUND", reason, deadline: decision.refundDeadline };
    }
    // Someone leaving the waiting list never had a ticket: no email for that.
    if (registration.status !== "WAITLISTED") await enqueueCancellationEmail(tx, registration.id, emailRefund);
    return { registrationId: registration.id, refund: outcome };
  }, TX_OPTIONS);
}
