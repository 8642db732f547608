// Carries out one payment event for one registration, inside the caller's transaction:
// lock the registration row, read the snapshot, let the pure machine (stripe-transitions.ts)
// decide, write the new state and apply the effects. The registration row lock serialises every
// event of one registration, so concurrent webhooks for it apply one after the other and the
// machine's order-independence gives the same final state whatever order they arrive in.
import { recordRefundOwed, type RefundToIssue } from "./refund-queue.server";
import { endParticipation } from "~/domain/registration/participation.server";
import { releaseSeat } from "~/domain/registration/waitlist.server";
import { takeSeat } from "~/domain/registration/store.server";
import type { RegistrationStatus } from "~/domain/registration/ticket-rules";
import { hasEnded, holdsSeat } from "~/domain/registration/ticket-rules";
import type { Tx } from "~/platform/db.server";
import { queuePaymentConfirmation, queuePaymentFailed, queueRefundIssued } from "./payment-emails.server";
import {
  applyStripeEvent,
  whenSeatCannotBeReclaimed,
  type PaymentEffect,
  type PaymentSnapshot,
  type PaymentTransition,
  type StripePaymentEvent,
} from "./stripe-transitions";

export interface FulfilmentResult {
  changed: boolean;
  before: PaymentSnapshot;
  after: PaymentSnapshot;
  effects: PaymentEffect[];
  /** True when RECLAIM_SEAT could not be honoured and the money goes back instead. */
  seatNotReclaimed: boolean;
  refundsAfterCommit: RefundToIssue[];
}

/** SELECT … FOR UPDATE on the registration: every payment change of one registration queues here. */
export async function lockRegistration(tx: Tx, registrationId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Registration" WHERE "id" = ${registrationId}::uuid FOR UPDATE`;
  return rows.length === 1;
}

/**
 * Applies `event` to the registration and its Stripe payment. The caller has locked the
 * registration row (lockRegistration) in the same transaction.
 */
export async function applyPaymentEvent(
  tx: Tx,
  target: { registrationId: string; paymentId: string },
  event: StripePaymentEvent,
  now: Date = new Date(),
  details: { paymentIntentId?: string | null } = {},
): Promise<FulfilmentResult> {
  const registration = await tx.registration.findUniqueOrThrow({
    where: { id: target.registrationId },
    select: { id: true, status: true, paymentStatus: true, ticketTypeId: true, eventId: true, userId: true, holdExpiresAt: true, cancelledAt: true },
  });
  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: target.paymentId },
    select: { id: true, state: true, amountCents: true, refundedCents: true, paidAt: true, stripePaymentIntentId: true },
  });

  const before: PaymentSnapshot = {
    registrationStatus: registration.status,
    paymentStatus: registration.paymentStatus,
    paymentState: payment.state,
    amountCents: payment.amountCents,
    refundedCents: payment.refundedCents,
  };
  let transition: PaymentTransition = applyStripeEvent(before, event);
  let seatNotReclaimed = false;

  if (transition.effects.some((effect) => effect.type === "RECLAIM_SEAT")) {
    // Same rules as a new registration: one active registration per person and event, and the
    // conditional seat update. The check for another active registration comes first so that a
    // seat is never taken and then left dangling.
    const other = await tx.registration.findFirst({
      where: {
        eventId: registration.eventId,
        userId: registration.userId,
        id: { not: registration.id },
        status: { notIn: ["CANCELLED", "REJECTED", "EXPIRED"] },
      },
      select: { id: true },
    });
    const reclaimed = !other && (await takeSeat(tx, registration.ticketTypeId));
    if (!reclaimed) {
      transition = whenSeatCannotBeReclaimed(transition);
      seatNotReclaimed = true;
    }
  }

  const { next, effects } = transition;
  const statusChanged = next.registrationStatus !== before.registrationStatus;
  const clearHold = effects.some((effect) => effect.type === "CLEAR_HOLD_EXPIRY") || (statusChanged && next.registrationStatus !== "PENDING_PAYMENT");
  const endedNow = statusChanged && hasEnded(next.registrationStatus as RegistrationStatus) && !hasEnded(before.registrationStatus);

  if (transition.changed || clearHold) {
    await tx.registration.update({
      where: { id: registration.id },
      data: {
        status: next.registrationStatus,
        paymentStatus: next.paymentStatus,
        ...(clearHold ? { holdExpiresAt: null } : {}),
        ...(endedNow && next.registrationStatus === "CANCELLED" ? { cancelledAt: registration.cancelledAt ?? now } : {}),
        // ICS SEQUENCE: the attendee's calendar entry changes when the registration's status does.
        ...(statusChanged ? { sequence: { increment: 1 } } : {}),
      },
    });
  }
  // A registration that ends here (a refund in Stripe's dashboard, a lapsed payment) takes the
  // person's picks, reminders and meetings at the event with it, as a cancellation does.
  if (endedNow) await endParticipation(tx, registration, now);
  const paidNow = effects.some((effect) => effect.type === "SET_PAID_AT");
  const learnedIntent = details.paymentIntentId && !payment.stripePaymentIntentId ? details.paymentIntentId : undefined;
  if (transition.changed || paidNow || learnedIntent) {
    await tx.payment.update({
      where: { id: payment.id },
      data: {
        state: next.paymentState,
        refundedCents: next.refundedCents,
        ...(paidNow && !payment.paidAt ? { paidAt: now } : {}),
        ...(learnedIntent ? { stripePaymentIntentId: learnedIntent } : {}),
      },
    });
  }

  const refundsAfterCommit: RefundToIssue[] = [];

  for (const effect of effects) {
    switch (effect.type) {
      case "RELEASE_SEAT":
        // Also offers the freed seat to the next person on the waiting list, in this transaction.
        await releaseSeat(tx, registration.ticketTypeId, now);
        break;
      case "RECLAIM_SEAT":
        // Already taken above with the conditional update.
        break;
      case "CLEAR_HOLD_EXPIRY":
      case "SET_PAID_AT":
        // Written with the rows above.
        break;
      case "SEND_CONFIRMATION_EMAIL":
        await queuePaymentConfirmation(tx, registration.id);
        break;
      case "SEND_PAYMENT_FAILED_EMAIL":
        await queuePaymentFailed(tx, registration.id);
        break;
      case "SEND_REFUND_EMAIL":
        await queueRefundIssued(tx, registration.id, effect);
        break;
      case "ISSUE_REFUND":
        await recordRefundOwed(tx, payment.id, effect.amountCents);
        refundsAfterCommit.push({ registrationId: registration.id, paymentId: payment.id, amountCents: effect.amountCents });
        break;
      default: {
        const unhandled: never = effect;
        throw new Error(`Unhandled payment effect ${JSON.stringify(unhandled)}`);
      }
    }
  }

  // The invariant the machine promises; a violation here is a bug worth a loud rollback.
  if (holdsSeat(before.registrationStatus) !== holdsSeat(next.registrationStatus)) {
    const moved = effects.some((effect) => effect.type === "RELEASE_SEAT" || effect.type === "RECLAIM_SEAT");
    if (!moved) throw new Error(`Seat ledger would drift: ${before.registrationStatus} → ${next.registrationStatus} without a seat effect`);
  }

  return { changed: transition.changed, before, after: next, effects, seatNotReclaimed, refundsAfterCommit };
}
