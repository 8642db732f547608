// Emails drawn when they are first sent. Some emails cost more to draw than the change that
// queues them (a ticket confirmation: templates in the recipient's language, a calendar
// invitation, a QR code), and the person who caused the change should not wait for them. Such an
// email is queued as a draft — what it is about, `{ kind, id }` — in the same transaction as the
// change, as every email is; the mail worker draws it just before the first attempt, stores what
// it drew on the row (so retries and the admin outbox see the email that was sent) and sends it.
//
// Drawing belongs to the capability that queued the draft, above this one: the server hands the
// worker one `EmailDrafter` that knows every kind (server/jobs/index.ts), so `notifications`
// imports nothing above it. A drafter answers null when there is nothing to send any more (the
// registration was cancelled or erased meanwhile); the draft is then withdrawn.
import { z } from "zod";
import type { EmailAttachment } from "./attachments";

export const EMAIL_DRAFT_KINDS = ["registration-confirmed"] as const;

const emailDraft = z.object({ kind: z.enum(EMAIL_DRAFT_KINDS), id: z.uuid() });

export type EmailDraft = z.infer<typeof emailDraft>;

/** An email's content; its address, timing and dedupe key are the outbox row's (outbox.server.ts). */
export interface DrawnEmail {
  subject: string;
  text: string;
  html?: string;
  attachments?: EmailAttachment[];
  /** Extra mail headers (List-Unsubscribe…), sent as they are. */
  headers?: Record<string, string>;
}

/** Draws a draft; null when there is nothing to send any more. */
export type EmailDrafter = (draft: EmailDraft) => Promise<DrawnEmail | null>;

/** The stored draft of a row, or null (a drawn email, or anything unreadable, which is never drawn). */
export function draftOf(value: unknown): EmailDraft | null {
  const parsed = emailDraft.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The subject a draft's row shows until it is drawn (admin outbox, data export). */
export function draftSubject(draft: EmailDraft): string {
  switch (draft.kind) {
    case "registration-confirmed":
      return "Registration confirmation (written when sent)";
  }
}
