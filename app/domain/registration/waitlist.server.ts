// The waiting list: a freed seat is offered to the person who has waited longest, kept for them
// until the offer lapses, then passed on. Every step is a conditional update on the status it
// expects, and the sweeps lock rows with SKIP LOCKED, so two app nodes running the same sweep
// (or a sweep racing a claim) never handle a registration twice.
import { paymentFailedEmail } from "~/domain/notifications/emails/payments";
import { offerExpiredEmail, pendingApprovalEmail, waitingListOfferEmail } from "~/domain/notifications/emails/registration";
import { enqueueEmail } from "~/domain/notifications/outbox.server";
import { DomainError } from "~/domain/kernel/errors";
import { requireUuid } from "~/domain/kernel/ids";
import { myRegistrationsUrl } from "~/domain/kernel/links.server";
import type { PaymentMethod } from "~/generated/prisma/enums";
import { db, type Tx } from "~/platform/db.server";
import { publicUrl, isStripeConfigured } from "~/platform/env.server";
import { enqueueConfirmationEmail, registrationForEmail } from "./registration-emails.server";
import { emailEvent } from "~/domain/notifications/emails/layout";
import { TX_OPTIONS, giveSeatBack, takeSeat } from "./store.server";
import { holdExpiry, initialRegistrationStatus } from "./ticket-rules";
import { offerExpiry } from "./waitlist-rules";

const SWEEP_BATCH = 25;

/**
 * Offers the ticket type's next seat to the longest-waiting person: their registration becomes
 * OFFERED, a seat is held for them and they get an email. Returns the registration id, or null
 * when nobody waits, no seat is free, or the event is over. Call inside the transaction that
 * freed the seat.
 */
export async function offerNextInLine(tx: Tx, ticketTypeId: string, now: Date = new Date()): Promise<string | null> {
  const [next] = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Registration"
    WHERE "ticketTypeId" = ${ticketTypeId}::uuid AND "status" = 'WAITLISTED'
    ORDER BY "createdAt", "id" LIMIT 1 FOR UPDATE SKIP LOCKED`;
  if (!next) return null;
  const ticketType = await tx.ticketType.findUnique({ where: { id: ticketTypeId }, select: { event: { select: { startsAt: true, endsAt: true } } } });
  if (!ticketType) return null;
  const expiresAt = offerExpiry(now, ticketType.event);
  if (!expiresAt) return null;
  if (!(await takeSeat(tx, ticketTypeId))) return null;
  const row = await tx.registration.update({
    where: { id: next.id, status: "WAITLISTED" },
    data: { status: "OFFERED", offerExpiresAt: expiresAt, sequence: { increment: 1 } },
    select: registrationForEmail,
  });
  const content = waitingListOfferEmail({
    attendeeName: row.user.name,
    event: emailEvent(row.event),
    ticketTypeName: row.ticketType.name,
    claimUrl: `${publicUrl()}/offers/${row.id}`,
    offerExpiresAt: expiresAt,
  });
  await enqueueEmail(tx, { to: row.user.email, ...content, dedupeKey: `waitlist-offer:${row.id}` });
  return row.id;
}

/**
 * Gives one seat back and offers it to the next person on the waiting list, in the same
 * transaction: the row lock taken by the release keeps a newcomer from grabbing the seat first.
 * Every path that frees a seat (a cancellation, a rejection, a lapsed hold or offer, a payment
 * that ends the registration) goes through here.
 */
export async function releaseSeat(tx: Tx, ticketTypeId: string, now: Date = new Date()): Promise<void> {
  await giveSeatBack(tx, ticketTypeId);
  await offerNextInLine(tx, ticketTypeId, now);
}

/** Offers every free seat to people waiting (after an organiser raised the capacity). */
export async function offerFreeSeats(tx: Tx, ticketTypeId: string, now: Date = new Date()): Promise<number> {
  let offered = 0;
  while (await offerNextInLine(tx, ticketTypeId, now)) offered++;
  return offered;
}

export interface ClaimResult {
  registration: { id: string; status: string; paymentStatus: string; ticketCode: string };
  needsCheckout: boolean;
}

/**
 * The person an offer was made to takes the seat held for them. At most once: the update only
 * applies while the registration is still OFFERED and unexpired.
 */
export async function claimOffer(
  user: { id: string },
  registrationId: string,
  input: { paymentMethod?: PaymentMethod | null },
  now: Date = new Date(),
): Promise<ClaimResult> {
  requireUuid(registrationId, "This offer does not exist.");
  return db().$transaction(async (tx) => {
    const registration = await tx.registration.findFirst({
      where: { id: registrationId, userId: user.id },
      select: { id: true, status: true, offerExpiresAt: true, ticketType: true, user: { select: { name: true, email: true } } },
    });
    if (!registration) throw new DomainError("NOT_FOUND", "This offer does not exist.");
    if (registration.status !== "OFFERED") {
      throw registration.status === "EXPIRED"
        ? new DomainError("OFFER_EXPIRED", "This offer has expired and the seat has passed to the next person waiting.")
        : new DomainError("CONFLICT", "This offer has already been answered.");
    }
    if (!registration.offerExpiresAt || registration.offerExpiresAt <= now) {
      throw new DomainError("OFFER_EXPIRED", "This offer has expired and the seat has passed to the next person waiting.");
    }
    const initial = initialRegistrationStatus(registration.ticketType, input.paymentMethod ?? null, { stripeConfigured: isStripeConfigured() });
    if (!initial.ok) throw new DomainError("VALIDATION", initial.message, { fieldErrors: { paymentMethod: initial.message } });
    const claimed = await tx.registration.updateMany({
      where: { id: registrationId, userId: user.id, status: "OFFERED", offerExpiresAt: { gt: now } },
      data: {
        status: initial.status,
        paymentStatus: initial.paymentStatus,
        paymentMethod: initial.paymentMethod,
        holdExpiresAt: initial.needsHoldExpiry ? holdExpiry(now) : null,
        offerExpiresAt: null,
        sequence: { increment: 1 },
      },
    });
    if (claimed.count !== 1) throw new DomainError("CONFLICT", "This offer has already been answered.");
    if (initial.status === "CONFIRMED") await enqueueConfirmationEmail(tx, registrationId, now);
    if (initial.status === "PENDING_APPROVAL") {
      const row = await tx.registration.findUniqueOrThrow({ where: { id: registrationId }, select: registrationForEmail });
      await enqueueEmail(tx, {
        to: row.user.email,
        ...pendingApprovalEmail({
          attendeeName: row.user.name,
          event: emailEvent(row.event),
          ticketTypeName: row.ticketType.name,
          manageUrl: myRegistrationsUrl(),
        }),
        dedupeKey: `registration-pending:${row.id}`,
      });
    }
    const after = await tx.registration.findUniqueOrThrow({
      where: { id: registrationId },
      select: { id: true, status: true, paymentStatus: true, ticketCode: true },
    });
    return { registration: after, needsCheckout: initial.paymentMethod === "STRIPE" && initial.status === "PENDING_PAYMENT" };
  }, TX_OPTIONS);
}

/** Declining an offer ends the registration and passes the seat on at once. */
export async function declineOffer(user: { id: string }, registrationId: string, now: Date = new Date()): Promise<void> {
  requireUuid(registrationId, "This offer does not exist.");
  await db().$transaction(async (tx) => {
    const row = await tx.registration.findFirst({ where: { id: registrationId, userId: user.id }, select: { ticketTypeId: true } });
    if (!row) throw new DomainError("NOT_FOUND", "This offer does not exist.");
    const declined = await tx.registration.updateMany({
      where: { id: registrationId, userId: user.id, status: "OFFERED" },
      data: { status: "CANCELLED", cancelledAt: now, offerExpiresAt: null, sequence: { increment: 1 } },
    });
    if (declined.count !== 1) throw new DomainError("CONFLICT", "This offer has already been answered.");
    await releaseSeat(tx, row.ticketTypeId, now);
  }, TX_OPTIONS);
}

async function sweep(
  now: Date,
  pick: (tx: Tx) => Promise<{ id: string; ticketTypeId: string }[]>,
  expire: (tx: Tx, id: string, ticketTypeId: string) => Promise<boolean>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const { picked, expired } = await db().$transaction(async (tx) => {
      const rows = await pick(tx);
      let count = 0;
      for (const row of rows) if (await expire(tx, row.id, row.ticketTypeId)) count++;
      return { picked: rows.length, expired: count };
    }, TX_OPTIONS);
    total += expired;
    if (picked < SWEEP_BATCH) return total;
  }
}

/**
 * Free seats while people wait can arise from a rare race (a seat released in the same instant
 * as someone joins the list, so the release did not see them yet). The sweep closes the gap.
 */
export async function rebalanceWaitingLists(now: Date = new Date()): Promise<number> {
  const ticketTypes = await db().$queryRaw<{ id: string }[]>`
    SELECT t."id"::text AS "id" FROM "TicketType" t
    WHERE t."capacity" IS NOT NULL AND t."taken" < t."capacity"
      AND EXISTS (SELECT 1 FROM "Registration" r WHERE r."ticketTypeId" = t."id" AND r."status" = 'WAITLISTED')`;
  let offered = 0;
  for (const { id } of ticketTypes) offered += await db().$transaction((tx) => offerFreeSeats(tx, id, now), TX_OPTIONS);
  return offered;
}

/** OFFERED registrations whose offer lapsed → EXPIRED, seat passed to the next in line. */
export async function expireStaleOffers(now: Date = new Date()): Promise<number> {
  const expired = await sweep(
    now,
    (tx) => tx.$queryRaw<{ id: string; ticketTypeId: string }[]>`
      SELECT "id", "ticketTypeId" FROM "Registration"
      WHERE "status" = 'OFFERED' AND "offerExpiresAt" <= ${now}
      ORDER BY "offerExpiresAt" LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED`,
    async (tx, id, ticketTypeId) => {
      const updated = await tx.registration.updateMany({
        where: { id, status: "OFFERED", offerExpiresAt: { lte: now } },
        data: { status: "EXPIRED", sequence: { increment: 1 } },
      });
      if (updated.count !== 1) return false;
      const row = await tx.registration.findUniqueOrThrow({ where: { id }, select: registrationForEmail });
      await enqueueEmail(tx, {
        to: row.user.email,
        ...offerExpiredEmail({ attendeeName: row.user.name, event: emailEvent(row.event), ticketTypeName: row.ticketType.name }),
        dedupeKey: `waitlist-offer-expired:${id}`,
      });
      await releaseSeat(tx, ticketTypeId, now);
      return true;
    },
  );
  await rebalanceWaitingLists(now);
  return expired;
}

/**
 * PENDING_PAYMENT registrations whose hold lapsed and that have no paid payment → EXPIRED, seat
 * released. The hold (PAYMENT_HOLD_MINUTES) outlives Stripe's Checkout Session on purpose: the
 * session's own `expired` webhook normally comes first; this is the backstop. An asynchronous
 * payment under way has no holdExpiresAt (the webhook clears it), so it is never swept.
 */
export async function expireStaleHolds(now: Date = new Date()): Promise<number> {
  return sweep(
    now,
    (tx) => tx.$queryRaw<{ id: string; ticketTypeId: string }[]>`
      SELECT r."id", r."ticketTypeId" FROM "Registration" r
      WHERE r."status" = 'PENDING_PAYMENT' AND r."holdExpiresAt" <= ${now}
        AND NOT EXISTS (SELECT 1 FROM "Payment" p WHERE p."registrationId" = r."id" AND p."state" IN ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED'))
      ORDER BY r."holdExpiresAt" LIMIT ${SWEEP_BATCH} FOR UPDATE OF r SKIP LOCKED`,
    async (tx, id, ticketTypeId) => {
      const updated = await tx.registration.updateMany({
        where: { id, status: "PENDING_PAYMENT", holdExpiresAt: { lte: now } },
        data: { status: "EXPIRED", paymentStatus: "FAILED", sequence: { increment: 1 } },
      });
      if (updated.count !== 1) return false;
      // Same knowledge as the payment machine's `hold.expired`: a still-pending payment expired.
      await tx.payment.updateMany({ where: { registrationId: id, state: "PENDING" }, data: { state: "EXPIRED" } });
      const row = await tx.registration.findUniqueOrThrow({ where: { id }, select: registrationForEmail });
      await enqueueEmail(tx, {
        to: row.user.email,
        ...paymentFailedEmail({
          attendeeName: row.user.name,
          event: emailEvent(row.event),
          ticketTypeName: row.ticketType.name,
          retryUrl: `${publicUrl()}/events/${encodeURIComponent(row.event.slug)}/register`,
        }),
        dedupeKey: `hold-expired:${id}`,
      });
      await releaseSeat(tx, ticketTypeId, now);
      return true;
    },
  );
}
