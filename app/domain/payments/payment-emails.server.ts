// The payment-only emails (payment failed, refund issued), built from the database rows of one
// registration with the pure templates and queued in the caller's transaction, so a rolled-back
// webhook sends nothing. The confirmation (ticket QR + invitation) is the registration
// capability's own email (registration-emails.server.ts), whatever confirmed the registration.
// Each email has a dedupe key, so a replayed effect can never queue the same email twice.
import { type EmailContent, emailEvent } from "~/domain/notifications/emails/layout";
import { paymentFailedEmail, refundIssuedEmail } from "~/domain/notifications/emails/payments";
import { enqueueEmail } from "~/domain/notifications/outbox.server";
import { enqueueConfirmationEmail, registrationForEmail } from "~/domain/registration/registration-emails.server";
import { eventPageUrl } from "~/domain/kernel/links.server";
import type { Tx } from "~/platform/db.server";

async function load(tx: Tx, registrationId: string) {
  return tx.registration.findUniqueOrThrow({
    where: { id: registrationId },
    select: { ...registrationForEmail, ticketType: { select: { name: true, currency: true } } },
  });
}

type Row = Awaited<ReturnType<typeof load>>;

async function queue(tx: Tx, row: Row, content: EmailContent, dedupeKey: string) {
  await enqueueEmail(tx, { to: row.user.email, subject: content.subject, text: content.text, html: content.html, dedupeKey });
}

export async function queuePaymentConfirmation(tx: Tx, registrationId: string): Promise<void> {
  await enqueueConfirmationEmail(tx, registrationId);
}

export async function queuePaymentFailed(tx: Tx, registrationId: string): Promise<void> {
  const row = await load(tx, registrationId);
  const content = paymentFailedEmail({
    attendeeName: row.user.name,
    event: emailEvent(row.event),
    ticketTypeName: row.ticketType.name,
    retryUrl: eventPageUrl(row.event.slug),
  });
  await queue(tx, row, content, `payment-failed:${row.id}`);
}

export async function queueRefundIssued(
  tx: Tx,
  registrationId: string,
  refund: { refundedCents: number; totalRefundedCents: number; fullyRefunded: boolean; registrationCancelled: boolean },
): Promise<void> {
  const row = await load(tx, registrationId);
  const content = refundIssuedEmail({
    attendeeName: row.user.name,
    event: emailEvent(row.event),
    refundedCents: refund.refundedCents,
    currency: row.ticketType.currency,
    fullyRefunded: refund.fullyRefunded,
    registrationCancelled: refund.registrationCancelled,
  });
  // Keyed by the cumulative total: each refund step emails once, however often it is replayed.
  await queue(tx, row, content, `refund:${row.id}:${refund.totalRefundedCents}`);
}
