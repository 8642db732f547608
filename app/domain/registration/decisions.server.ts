// An organiser's decisions on single registrations: approve or reject a pending request (both
// outcomes email the attendee, with the organiser's message), mark an invoice paid or a manual
// refund done. Every update is conditional on the status it expects and scoped to the event.
import { DomainError } from "~/domain/kernel/errors";
import { requireUuid } from "~/domain/kernel/ids";
import { registrationApprovedEmail, registrationRejectedEmail } from "~/domain/notifications/emails/registration";
import { enqueueEmail } from "~/domain/notifications/outbox.server";
import { db } from "~/platform/db.server";
import { publicUrl, isStripeConfigured as stripeConfigured } from "~/platform/env.server";
import { enqueueConfirmationEmail, registrationForEmail } from "./registration-emails.server";
import { emailEvent } from "~/domain/notifications/emails/layout";
import { releaseSeat } from "./waitlist.server";
import { TX_OPTIONS } from "./store.server";
import { ticketPageUrl } from "~/domain/kernel/links.server";
import { holdExpiry, offeredPaymentMethods, statusAfterApproval } from "./ticket-rules";
import { normaliseLineBreaks } from "~/domain/kernel/text";

export const DECISION_NOTE_MAX = 2000;

function note(message: string | null | undefined): string | null {
  const text = message ? normaliseLineBreaks(message).trim() : "";
  if (text.length > DECISION_NOTE_MAX)
    throw new DomainError("VALIDATION", `Keep the message under ${DECISION_NOTE_MAX} characters.`, { fieldErrors: { message: "Too long." } });
  return text === "" ? null : text;
}

export async function approveRegistration(eventId: string, registrationId: string, message?: string | null, now: Date = new Date()) {
  requireUuid(registrationId, "This registration does not exist.");
  const organiserMessage = note(message);
  return db().$transaction(async (tx) => {
    const registration = await tx.registration.findFirst({
      where: { id: registrationId, eventId },
      select: { id: true, status: true, paymentMethod: true, ticketType: true },
    });
    if (!registration) throw new DomainError("NOT_FOUND", "This registration does not exist.");
    if (registration.status !== "PENDING_APPROVAL") throw new DomainError("CONFLICT", "Only pending requests can be approved.");
    const environment = { stripeConfigured: stripeConfigured() };
    let next = statusAfterApproval(registration.ticketType, registration.paymentMethod, environment);
    // The method chosen at request time may be gone since (Stripe keys removed, ticket edited):
    // fall back to invoice, which is always possible, rather than block the approval.
    if (!next.ok) next = statusAfterApproval(registration.ticketType, offeredPaymentMethods(registration.ticketType, environment)[0] ?? null, environment);
    if (!next.ok) throw new DomainError("VALIDATION", `This request cannot be approved as it is: ${next.message}`);
    const holdUntil = next.needsHoldExpiry ? holdExpiry(now) : null;
    const updated = await tx.registration.updateMany({
      where: { id: registrationId, eventId, status: "PENDING_APPROVAL" },
      data: {
        status: next.status,
        paymentStatus: next.paymentStatus,
        paymentMethod: next.paymentMethod,
        holdExpiresAt: holdUntil,
        decisionNote: organiserMessage,
        sequence: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new DomainError("CONFLICT", "Someone decided on this request meanwhile.");
    const row = await tx.registration.findUniqueOrThrow({ where: { id: registrationId }, select: registrationForEmail });
    const base = { attendeeName: row.user.name, event: emailEvent(row.event), ticketTypeName: row.ticketType.name, organiserMessage };
    const email =
      next.status === "CONFIRMED"
        ? registrationApprovedEmail({ ...base, next: { kind: "CONFIRMED", ticketCode: row.ticketCode, ticketUrl: ticketPageUrl(row.id) } })
        : registrationApprovedEmail({ ...base, next: { kind: "PAY", paymentUrl: ticketPageUrl(row.id), payBefore: holdUntil } });
    await enqueueEmail(tx, { to: row.user.email, ...email, dedupeKey: `registration-approved:${row.id}` });
    // The ticket itself (QR + calendar invitation) follows once the place is confirmed.
    if (next.status === "CONFIRMED") await enqueueConfirmationEmail(tx, registrationId, now);
    return { status: next.status };
  }, TX_OPTIONS);
}

export async function rejectRegistration(eventId: string, registrationId: string, message?: string | null, now: Date = new Date()) {
  requireUuid(registrationId, "This registration does not exist.");
  const organiserMessage = note(message);
  await db().$transaction(async (tx) => {
    const registration = await tx.registration.findFirst({ where: { id: registrationId, eventId }, select: { ticketTypeId: true, status: true } });
    if (!registration) throw new DomainError("NOT_FOUND", "This registration does not exist.");
    const updated = await tx.registration.updateMany({
      where: { id: registrationId, eventId, status: "PENDING_APPROVAL" },
      data: { status: "REJECTED", decisionNote: organiserMessage, cancelledAt: now, sequence: { increment: 1 } },
    });
    if (updated.count !== 1) throw new DomainError("CONFLICT", "Only pending requests can be rejected.");
    // A pending request holds its seat (SEAT_HOLDING_STATUSES): give it back.
    await releaseSeat(tx, registration.ticketTypeId, now);
    const row = await tx.registration.findUniqueOrThrow({ where: { id: registrationId }, select: registrationForEmail });
    await enqueueEmail(tx, {
      to: row.user.email,
      ...registrationRejectedEmail({ attendeeName: row.user.name, event: emailEvent(row.event), organiserMessage, eventsUrl: `${publicUrl()}/events` }),
      dedupeKey: `registration-rejected:${row.id}`,
    });
  }, TX_OPTIONS);
}

export async function markInvoicePaid(eventId: string, registrationId: string): Promise<void> {
  requireUuid(registrationId, "This registration does not exist.");
  const updated = await db().registration.updateMany({
    where: { id: registrationId, eventId, paymentStatus: "UNPAID_INVOICE", status: "CONFIRMED" },
    data: { paymentStatus: "PAID" },
  });
  if (updated.count !== 1) throw new DomainError("CONFLICT", "Only confirmed registrations with an unpaid invoice can be marked paid.");
}

/** After an organiser refunded a cancelled invoice payment by bank transfer. */
export async function markRefunded(eventId: string, registrationId: string): Promise<void> {
  requireUuid(registrationId, "This registration does not exist.");
  const updated = await db().registration.updateMany({
    where: { id: registrationId, eventId, paymentStatus: "PAID", status: "CANCELLED" },
    data: { paymentStatus: "REFUNDED" },
  });
  if (updated.count !== 1) throw new DomainError("CONFLICT", "Only cancelled, paid registrations can be marked refunded.");
}
