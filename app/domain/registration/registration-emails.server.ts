// The emails of a registration's life, built from the pure templates and queued in the
// caller's transaction. The confirmation carries the ticket as a QR code PNG and the
// calendar invitation (METHOD:REQUEST, stable UID); a cancellation carries METHOD:CANCEL.
import { ticketCalendar, type TicketCalendarEvent } from "~/domain/calendar/invitations.server";
import { DomainError } from "~/domain/kernel/errors";
import { localizeEvent } from "~/domain/kernel/i18n/content";
import { toLanguage, type Language } from "~/domain/kernel/i18n/languages";
import { ticketPageUrl } from "~/domain/kernel/links.server";
import { emailEvent } from "~/domain/notifications/emails/layout";
import { cancellationConfirmedEmail, registrationConfirmedEmail, type CancellationRefund } from "~/domain/notifications/emails/registration";
import type { DrawnEmail } from "~/domain/notifications/drafts";
import { draftEmail, enqueueEmail, type OutgoingEmail } from "~/domain/notifications/outbox.server";
import { db, type Tx } from "~/platform/db.server";
import { startParticipation } from "./participation.server";

/** The event columns of a ticket email: its calendar entry's, and the online link. */
export interface EmailEventRow extends TicketCalendarEvent {
  onlineUrl?: string | null;
  /** With these two, the email and its calendar entry carry the event's text in the recipient's language. */
  defaultLanguage?: string;
  translations?: unknown;
}

interface ConfirmationInput {
  registration: { id: string; ticketCode: string; sequence: number; updatedAt: Date; paymentStatus: string };
  event: EmailEventRow;
  ticketTypeName: string;
  attendee: { name: string; email: string; locale?: string | null };
}

/** The event as the recipient reads it: title and summary in their language where the organisers gave one. */
export function eventIn<T extends EmailEventRow>(event: T, language: Language): T {
  if (event.defaultLanguage === undefined) return event;
  const text = localizeEvent(
    { title: event.title, summary: event.summary ?? "", defaultLanguage: event.defaultLanguage, translations: event.translations },
    language,
  );
  return { ...event, title: text.title, summary: event.summary == null ? event.summary : text.summary };
}

/** The confirmation with its two attachments: the ticket's QR code and the calendar invitation. */
function buildConfirmationEmail(input: ConfirmationInput): DrawnEmail {
  const { registration, attendee } = input;
  const language = toLanguage(attendee.locale) ?? "en";
  const event = eventIn(input.event, language);
  const content = registrationConfirmedEmail({
    attendeeName: attendee.name,
    language,
    event: emailEvent(event),
    ticketTypeName: input.ticketTypeName,
    ticketCode: registration.ticketCode,
    ticketUrl: ticketPageUrl(registration.id),
    invoicePending: registration.paymentStatus === "UNPAID_INVOICE",
  });
  const ics = ticketCalendar(registration, event, attendee, "REQUEST", language);
  return {
    ...content,
    attachments: [
      // Stored as the code; a PNG only when handed to SMTP (notifications/attachments.ts).
      { filename: `ticket-${registration.ticketCode}.png`, contentType: "image/png", qrCode: registration.ticketCode },
      { filename: "invite.ics", contentType: "text/calendar; charset=utf-8; method=REQUEST", content: Buffer.from(ics, "utf8").toString("base64") },
    ],
  };
}

const registrationForEmail = {
  id: true,
  ticketCode: true,
  sequence: true,
  updatedAt: true,
  paymentStatus: true,
  status: true,
  user: { select: { id: true, name: true, email: true, locale: true } },
  ticketType: { select: { name: true } },
  event: {
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      defaultLanguage: true,
      translations: true,
      status: true,
      kind: true,
      timeZone: true,
      startsAt: true,
      endsAt: true,
      venueName: true,
      venueAddress: true,
      city: true,
      country: true,
      mode: true,
      onlineUrl: true,
      sequence: true,
      updatedAt: true,
    },
  },
} as const;

/**
 * Queues the confirmation (ticket QR + invitation) of a registration, in `tx`, and what else a
 * confirmed registration starts (a webinar's session reminders, see participation.server.ts).
 * Every path that confirms a registration after it was created goes through here: approval, a
 * claimed offer, a Stripe payment (the payments webhook), a switch to invoice. Queuing twice is
 * harmless (dedupe keys).
 */
export async function enqueueConfirmationEmail(tx: Tx, registrationId: string, now: Date = new Date()): Promise<void> {
  const row = await tx.registration.findUnique({
    where: { id: registrationId },
    select: { status: true, user: registrationForEmail.user, event: { select: { id: true, kind: true } } },
  });
  if (!row) throw new DomainError("NOT_FOUND", "This registration does not exist.");
  await enqueueEmail(tx, confirmationDraft(registrationId, row.user.email));
  if (row.status === "CONFIRMED") await startParticipation(tx, { eventId: row.event.id, eventKind: row.event.kind, user: row.user }, now);
}

/**
 * The confirmation as it is queued: a draft (notifications/drafts.ts) that the mail worker draws
 * with `drawConfirmationEmail` just before sending, so confirming costs one small row.
 */
export function confirmationDraft(registrationId: string, to: string): OutgoingEmail {
  return draftEmail(to, { kind: "registration-confirmed", id: registrationId }, `registration-confirmed:${registrationId}`);
}

/**
 * Draws a queued confirmation from the registration as it is now; null (the draft is withdrawn)
 * once it is gone or cancelled — its cancellation email tells the rest.
 */
export async function drawConfirmationEmail(registrationId: string): Promise<DrawnEmail | null> {
  const row = await db().registration.findUnique({ where: { id: registrationId }, select: registrationForEmail });
  if (!row || row.status === "CANCELLED") return null;
  return buildConfirmationEmail({ registration: row, event: row.event, ticketTypeName: row.ticketType.name, attendee: row.user });
}

/** Queues "your registration is cancelled" with a METHOD:CANCEL calendar update. */
export async function enqueueCancellationEmail(tx: Tx, registrationId: string, refund: CancellationRefund): Promise<void> {
  const row = await tx.registration.findUnique({ where: { id: registrationId }, select: registrationForEmail });
  if (!row) return;
  const language = toLanguage(row.user.locale) ?? "en";
  const content = cancellationConfirmedEmail({
    attendeeName: row.user.name,
    language,
    event: emailEvent(eventIn(row.event, language)),
    ticketTypeName: row.ticketType.name,
    refund,
  });
  const ics = ticketCalendar(row, row.event, row.user, "CANCEL", row.user.locale);
  await enqueueEmail(tx, {
    to: row.user.email,
    ...content,
    attachments: [{ filename: "cancel.ics", contentType: "text/calendar; charset=utf-8; method=CANCEL", content: Buffer.from(ics, "utf8").toString("base64") }],
    dedupeKey: `registration-cancelled:${row.id}`,
  });
}

export { registrationForEmail };
