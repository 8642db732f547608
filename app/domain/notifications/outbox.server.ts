// The durable email outbox. An email is written in the same transaction as the change that
// caused it (pass that transaction as `tx`), and sent later by the outbox worker, so a
// rolled-back change sends nothing and an SMTP outage loses nothing. Every write of an
// OutboxEmail row goes through this module: `enqueueEmail` for ordinary transactions, and
// `outboxInsertSql` for the one statement that registers someone (README "Registering is one
// SQL statement"), which must write its email in the same statement.
import { Prisma } from "~/generated/prisma/client";
import { db, type Db, type Tx } from "~/platform/db.server";
import { draftSubject, type DrawnEmail, type EmailDraft } from "./drafts";

export type { EmailAttachment } from "./attachments";

export interface OutgoingEmail extends DrawnEmail {
  to: string;
  /** Drawn by the mail worker just before it is first sent (drafts.ts); subject and text stay empty here. */
  draft?: EmailDraft;
  /** Not before this instant (reminders); default now. */
  sendAfter?: Date;
  /**
   * One email per key: queuing the same key again replaces a still-pending email (a reminder
   * whose session moved) and is ignored once it was sent.
   */
  dedupeKey?: string;
}

/** The columns of a new outbox row (its dedupe key aside). */
function outboxRow(email: OutgoingEmail, now: Date) {
  return {
    toAddress: email.to,
    subject: email.draft ? draftSubject(email.draft) : email.subject,
    textBody: email.text,
    htmlBody: email.html ?? null,
    attachments: (email.attachments ?? []) as unknown as object,
    headers: email.headers ?? {},
    draft: email.draft ?? Prisma.DbNull,
    nextAttemptAt: email.sendAfter ?? now,
  };
}

/** A draft to queue (drafts.ts): the recipient and the dedupe key, what it is about, no content yet. */
export function draftEmail(to: string, draft: EmailDraft, dedupeKey: string): OutgoingEmail {
  return { to, subject: "", text: "", draft, dedupeKey };
}

export async function enqueueEmail(tx: Tx | Db, email: OutgoingEmail): Promise<void> {
  const data = outboxRow(email, new Date());
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

/** Sent and failed emails are kept this long (the privacy notice says so), then deleted. */
export const OUTBOX_RETENTION_DAYS = 90;

/**
 * Deletes sent and failed outbox rows created before `now - OUTBOX_RETENTION_DAYS` (run by
 * housekeeping). Pending rows stay whatever their age: they have not been delivered yet.
 */
export async function pruneOutbox(now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - OUTBOX_RETENTION_DAYS * 86_400_000);
  const { count } = await db().outboxEmail.deleteMany({ where: { status: { in: ["SENT", "FAILED"] }, createdAt: { lt: before } } });
  return count;
}

/** Withdraws a pending email (a reminder for a session the person removed). */
export async function cancelPendingEmail(tx: Tx | Db, dedupeKey: string): Promise<void> {
  await tx.outboxEmail.deleteMany({ where: { dedupeKey, status: "PENDING" } });
}

/**
 * `INSERT INTO "OutboxEmail" … SELECT <the email> FROM <from>`, for a data-modifying CTE of a
 * single statement: `from` decides whether the row is written (e.g. `reg WHERE reg."status" <>
 * 'WAITLISTED'` writes it once, only if the registration got a seat). A plain insert: a second
 * email with the same dedupe key fails the whole statement, so use it for keys that are new.
 */
export function outboxInsertSql(email: OutgoingEmail, now: Date, from: Prisma.Sql): Prisma.Sql {
  const row = outboxRow(email, now);
  return Prisma.sql`INSERT INTO "OutboxEmail" ("toAddress", "subject", "textBody", "htmlBody", "attachments", "headers", "draft", "nextAttemptAt", "dedupeKey")
      SELECT ${row.toAddress}, ${row.subject}, ${row.textBody}, ${row.htmlBody}, ${JSON.stringify(row.attachments)}::jsonb, ${JSON.stringify(row.headers)}::jsonb,
        ${email.draft ? JSON.stringify(email.draft) : null}::jsonb, ${row.nextAttemptAt}::timestamptz, ${email.dedupeKey ?? null}
      FROM ${from}`;
}
