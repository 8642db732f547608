// Optional emails respect the person's choices and carry a one-click way out: a link in the
// body and List-Unsubscribe / List-Unsubscribe-Post headers (RFC 8058), so mail clients show
// their own "Unsubscribe" button. The link is an UNSUBSCRIBE token of the one token primitive.
import { enqueueEmail, type OutgoingEmail } from "./outbox.server";
import { escapeHtml } from "./emails/layout";
import { db, type Db, type Tx } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { NOTIFICATION_LABELS, type NotificationKind, isNotificationKind } from "./notification-kinds";
import { consumeToken, issueToken, mintToken } from "~/domain/kernel/tokens.server";

/** Long enough to cover a reminder queued weeks ahead and read late. */
export const UNSUBSCRIBE_TTL_MS = 90 * 86_400_000;

export function unsubscribeUrl(token: string): string {
  return `${publicUrl()}/unsubscribe/${token}`;
}

/**
 * Queues an optional email of `kind` to a person, unless they turned that kind off (then
 * nothing is queued and false is returned).
 */
export async function enqueueNotification(tx: Tx | Db, person: { id: string }, kind: NotificationKind, email: OutgoingEmail): Promise<boolean> {
  const choices = await tx.user.findUnique({ where: { id: person.id }, select: { emailOptOuts: true, deletedAt: true } });
  if (!choices || choices.deletedAt || (choices.emailOptOuts ?? []).includes(kind)) return false;
  const token = await issueToken(tx, { userId: person.id, purpose: "UNSUBSCRIBE", ttlMs: UNSUBSCRIBE_TTL_MS, kind });
  await enqueueEmail(tx, withUnsubscribeLink(email, kind, token));
  return true;
}

/**
 * An optional email made ready for a caller that writes it in one SQL statement of its own
 * (the meeting request function): the email with its unsubscribe link, and the token row's
 * hash and expiry. That statement must write the token and the email only if the person has
 * not turned `kind` off and is not erased — the same rule as enqueueNotification.
 */
export function prepareNotification(kind: NotificationKind, email: OutgoingEmail, now: Date) {
  const { token, tokenHash } = mintToken();
  return { kind, email: withUnsubscribeLink(email, kind, token), tokenHash, tokenExpiresAt: new Date(now.getTime() + UNSUBSCRIBE_TTL_MS) };
}

function withUnsubscribeLink(email: OutgoingEmail, kind: NotificationKind, token: string): OutgoingEmail {
  const url = unsubscribeUrl(token);
  const label = NOTIFICATION_LABELS[kind].label.toLowerCase();
  const footer = `You receive this because ${label} are on for your account. Turn them off with one click: ${url} — or choose on ${publicUrl()}/account`;
  return {
    ...email,
    text: `${email.text}\n\n—\n${footer}`,
    ...(email.html
      ? {
          html: `${email.html}\n<p style="color:#666;font-size:12px">${escapeHtml(`You receive this because ${label} are on for your account.`)} <a href="${escapeHtml(url)}">Unsubscribe from ${escapeHtml(label)}</a></p>`,
        }
      : {}),
    headers: { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

/** Follows an unsubscribe link (GET page or the mail client's one-click POST). */
export async function unsubscribeByToken(token: unknown): Promise<NotificationKind | null> {
  return db().$transaction(async (tx) => {
    const used = await consumeToken(tx, "UNSUBSCRIBE", token);
    if (!used) return null;
    const row = await tx.accountToken.findUniqueOrThrow({ where: { id: used.id }, select: { kind: true } });
    if (!isNotificationKind(row.kind)) return null;
    await turnOff(tx, used.userId, row.kind);
    return row.kind;
  });
}

async function turnOff(tx: Tx, userId: string, kind: NotificationKind): Promise<void> {
  // array_append under a NOT-already-there condition: two clicks at once add it once.
  await tx.$executeRaw`UPDATE "User" SET "emailOptOuts" = array_append(COALESCE("emailOptOuts", '{}'), ${kind}) WHERE "id" = ${userId}::uuid AND NOT (${kind} = ANY(COALESCE("emailOptOuts", '{}')))`;
}

/** What an unsubscribe link would turn off (for the page shown before the click), or null. */
export async function unsubscribeLinkKind(token: unknown): Promise<NotificationKind | null> {
  const { hashToken, wellFormedToken } = await import("~/domain/kernel/tokens.server");
  if (!wellFormedToken(token)) return null;
  const row = await db().accountToken.findFirst({
    where: { tokenHash: hashToken(token), purpose: "UNSUBSCRIBE", expiresAt: { gt: new Date() } },
    select: { kind: true },
  });
  return row && isNotificationKind(row.kind) ? row.kind : null;
}
