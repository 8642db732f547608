// The durable email outbox. An email is written in the same transaction as the change that
// caused it (pass that transaction as `tx`), and sent later by the outbox worker, so a
// rolled-back change sends nothing and an SMTP outage loses nothing.
import type { Db, Tx } from "~/platform/db.server";

export interface EmailAttachment {
  filename: string;
  contentType: string;
  /** base64 */
  content: string;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: EmailAttachment[];
  /** Not before this instant (reminders); default now. */
  sendAfter?: Date;
  /**
   * One email per key: queuing the same key again replaces a still-pending email (a reminder
   * whose session moved) and is ignored once it was sent.
   */
  dedupeKey?: string;
  /** Extra mail headers (List-Unsubscribe…), sent as they are. */
  headers?: Record<string, string>;
}

export async function enqueueEmail(tx: Tx | Db, email: OutgoingEmail): Promise<void> {
  const data = {
    toAddress: email.to,
    subject: email.subject,
    textBody: email.text,
    htmlBody: email.html ?? null,
    attachments: (email.attachments ?? []) as unknown as object,
    headers: email.headers ?? {},
    nextAttemptAt: email.sendAfter ?? new Date(),
  };
  if (!email.dedupeKey) {
    await tx.outboxEmail.create({ data });
    return;
  }
  const existing = await tx.outboxEmail.findUnique({ where: { dedupeKey: email.dedupeKey }, select: { id: true, status: true } });
  if (!existing) {
    await tx.outboxEmail.create({ data: { ...data, dedupeKey: email.dedupeKey } });
  } else if (existing.status === "PENDING") {
    await tx.outboxEmail.update({ where: { id: existing.id }, data: { ...data, attempts: 0, lastError: null } });
  }
}

/** Withdraws a pending email (a reminder for a session the person removed). */
export async function cancelPendingEmail(tx: Tx | Db, dedupeKey: string): Promise<void> {
  await tx.outboxEmail.deleteMany({ where: { dedupeKey, status: "PENDING" } });
}
