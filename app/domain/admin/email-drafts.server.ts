// Every kind of email draft (notifications/drafts.ts) and the capability that draws it. It lives
// above all of them: the mail worker (server/jobs) draws with it when it sends, and the admin
// outbox draws a preview of a draft that has not been sent yet (without SMTP, never).
import type { DrawnEmail, EmailDrafter } from "~/domain/notifications/drafts";
import { draftOf } from "~/domain/notifications/drafts";
import { drawConfirmationEmail } from "~/domain/registration/registration-emails.server";

export const drawEmailDraft: EmailDrafter = async (draft) => {
  switch (draft.kind) {
    case "registration-confirmed":
      return drawConfirmationEmail(draft.id);
  }
};

/**
 * What a stored draft would send if it were drawn now: undefined for a row that is not a draft,
 * null when there is nothing to send any more (the worker will withdraw it).
 */
export async function previewEmailDraft(stored: unknown): Promise<DrawnEmail | null | undefined> {
  const draft = draftOf(stored);
  return draft ? drawEmailDraft(draft) : undefined;
}
