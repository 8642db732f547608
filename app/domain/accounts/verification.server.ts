// Email verification: sign-up (and an email change) sends a single-use link valid for a day;
// following it marks the address verified. Paying, booking meetings, asking for roles and being
// listed in directories need a verified address (requireVerifiedEmail, called where each is decided).
import { DomainError } from "~/domain/kernel/errors";
import { enqueueEmail } from "~/domain/notifications/outbox.server";
import { db, type Db, type Tx } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { confirmNewEmailEmail, emailChangedNoticeEmail, verifyEmailEmail } from "~/domain/notifications/emails/accounts";
import { hitRateLimit } from "./rate-limit.server";
import { consumeToken, issueToken } from "~/domain/kernel/tokens.server";

export const VERIFY_EMAIL_TTL_MS = 24 * 3_600_000;
/** Resends per person per hour (and three times that per client address). */
export const RESEND_LIMIT_PER_HOUR = 3;

export function verificationUrl(token: string): string {
  return `${publicUrl()}/verify-email/${token}`;
}

/** Queues the verification link, in the caller's transaction (a rolled-back sign-up sends nothing). */
export async function sendVerificationEmail(tx: Tx | Db, user: { id: string; name: string; email: string }): Promise<void> {
  const token = await issueToken(tx, { userId: user.id, purpose: "VERIFY_EMAIL", ttlMs: VERIFY_EMAIL_TTL_MS, replacePrevious: true });
  const email = verifyEmailEmail({ name: user.name, url: verificationUrl(token) });
  await enqueueEmail(tx, { to: user.email, ...email });
}

/** "Send the link again", rate limited per person and per client. */
export async function resendVerification(userId: string, clientIp: string): Promise<void> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, emailVerifiedAt: true, deletedAt: true } });
  if (!user || user.deletedAt) throw new DomainError("NOT_FOUND", "Account not found.");
  if (user.emailVerifiedAt) throw new DomainError("CONFLICT", "Your email address is already confirmed.");
  await hitRateLimit({ key: `verify-resend:ip:${clientIp}`, limit: RESEND_LIMIT_PER_HOUR * 3, windowSeconds: 3600 });
  await hitRateLimit({ key: `verify-resend:user:${user.id}`, limit: RESEND_LIMIT_PER_HOUR, windowSeconds: 3600 });
  await db().$transaction((tx) => sendVerificationEmail(tx, user));
}

export type EmailConfirmation = { kind: "verified"; userId: string } | { kind: "changed"; userId: string; email: string };

/**
 * Follows a verification or email-change link. The token is used by the same transaction that
 * applies it, so two simultaneous clicks verify once and a failed change leaves the token unused.
 */
export async function confirmEmailToken(token: unknown, now = new Date()): Promise<EmailConfirmation> {
  return db()
    .$transaction(async (tx): Promise<EmailConfirmation> => {
      const used = await consumeToken(tx, ["VERIFY_EMAIL", "CHANGE_EMAIL"], token);
      if (!used) throw new DomainError("INVALID_TOKEN", "This link has expired or was already used. Sign in and ask for a new one from your account page.");
      if (used.purpose === "VERIFY_EMAIL") {
        const { count } = await tx.user.updateMany({ where: { id: used.userId, deletedAt: null }, data: { emailVerifiedAt: now } });
        if (count === 0) throw new DomainError("INVALID_TOKEN", "This link belongs to an account that no longer exists.");
        return { kind: "verified", userId: used.userId };
      }
      const newEmail = used.email!;
      const before = await tx.user.findUnique({ where: { id: used.userId }, select: { email: true, name: true, deletedAt: true } });
      if (!before || before.deletedAt) throw new DomainError("INVALID_TOKEN", "This link belongs to an account that no longer exists.");
      const taken = await tx.user.findUnique({ where: { email: newEmail }, select: { id: true } });
      if (taken && taken.id !== used.userId) throw new DomainError("EMAIL_TAKEN", "Another account uses that address now, so it cannot be yours too.");
      await tx.user.update({ where: { id: used.userId }, data: { email: newEmail, emailVerifiedAt: now } });
      // The old address is told, so a hijacked session cannot move the account away silently.
      await enqueueEmail(tx, { to: before.email, ...emailChangedNoticeEmail({ name: before.name, newEmail }) });
      return { kind: "changed", userId: used.userId, email: newEmail };
    })
    .catch((error) => {
      if ((error as { code?: string }).code === "P2002")
        throw new DomainError("EMAIL_TAKEN", "Another account uses that address now, so it cannot be yours too.");
      throw error;
    });
}

/** Queues the confirmation link for a new address (account settings). */
export async function sendEmailChangeLink(tx: Tx | Db, user: { id: string; name: string }, newEmail: string): Promise<void> {
  const token = await issueToken(tx, { userId: user.id, purpose: "CHANGE_EMAIL", ttlMs: VERIFY_EMAIL_TTL_MS, email: newEmail, replacePrevious: true });
  await enqueueEmail(tx, { to: newEmail, ...confirmNewEmailEmail({ name: user.name, newEmail, url: verificationUrl(token) }) });
}

/**
 * The gate for what needs a real address: paying, booking meetings, asking for roles, being
 * listed. `doing` completes "Confirm your email address before you …".
 */
export async function requireVerifiedEmail(client: Tx | Db, userId: string, doing: string): Promise<void> {
  const user = await client.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } });
  if (!user?.emailVerifiedAt) throw emailNotVerified(doing);
}

/** requireVerifiedEmail's refusal, for a caller that read the address's state itself. */
export function emailNotVerified(doing: string): DomainError {
  return new DomainError(
    "EMAIL_NOT_VERIFIED",
    `Confirm your email address before you ${doing}: follow the link we emailed you, or ask for a new one on your account page.`,
  );
}

export async function isEmailVerified(userId: string): Promise<boolean> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } });
  return !!user?.emailVerifiedAt;
}
