// Forgotten passwords. Asking for a link answers the same — in words and in time — whether or
// not the address has an account; the link works once, for an hour; choosing the new password
// ends every session of the account and their sockets on every node (endUserSessions).
import { setTimeout as sleep } from "node:timers/promises";
import { DomainError } from "~/domain/kernel/errors";
import { enqueueEmail } from "~/domain/notifications/outbox.server";
import { db } from "~/platform/db.server";
import { env, publicUrl } from "~/platform/env.server";
import { passwordChangedEmail, passwordResetEmail } from "~/domain/notifications/emails/accounts";
import { passwordProblem } from "./password-rules";
import { hashPassword } from "./passwords.server";
import { hitRateLimit } from "./rate-limit.server";
import { endUserSessions } from "./sessions.server";
import { consumeToken, issueToken, peekToken } from "~/domain/kernel/tokens.server";

export const RESET_TTL_MS = 60 * 60_000;
/** Reset links per address per hour; per client address three times the sign-in limit per hour. */
export const RESETS_PER_ADDRESS_PER_HOUR = 3;
/**
 * Every answer to "forgot password" takes at least this long, so the extra work of writing a
 * link for a real account (a few ms) hides inside it.
 */
export const FORGOT_PASSWORD_FLOOR_MS = 300;

export const FORGOT_PASSWORD_ANSWER =
  "If an account uses that address, we have sent it a link to choose a new password. It works for one hour. Check your spam folder if nothing arrives.";

export async function requestPasswordReset(email: string, clientIp: string, now = new Date()): Promise<string> {
  const started = performance.now();
  try {
    // Both limits count every request, known address or not, so a 429 reveals nothing either.
    await hitRateLimit({ key: `reset:ip:${clientIp}`, limit: env().AUTH_RATE_LIMIT * 3, windowSeconds: 3600 });
    await hitRateLimit({ key: `reset:email:${email}`, limit: RESETS_PER_ADDRESS_PER_HOUR, windowSeconds: 3600 });
    const user = await db().user.findUnique({ where: { email }, select: { id: true, name: true, email: true, deletedAt: true } });
    if (user && !user.deletedAt) {
      await db().$transaction(async (tx) => {
        const token = await issueToken(tx, { userId: user.id, purpose: "RESET_PASSWORD", ttlMs: RESET_TTL_MS, replacePrevious: true, now });
        await enqueueEmail(tx, { to: user.email, ...passwordResetEmail({ name: user.name, url: `${publicUrl()}/reset-password/${token}` }) });
      });
    }
    return FORGOT_PASSWORD_ANSWER;
  } finally {
    const left = FORGOT_PASSWORD_FLOOR_MS - (performance.now() - started);
    if (left > 0) await sleep(left);
  }
}

/** For the reset page: the account a still-valid link belongs to (its email, to check the new password against). */
export async function resetLinkAccount(token: unknown): Promise<{ email: string } | null> {
  const found = await peekToken("RESET_PASSWORD", token);
  if (!found) return null;
  const user = await db().user.findUnique({ where: { id: found.userId }, select: { email: true, deletedAt: true } });
  return user && !user.deletedAt ? { email: user.email } : null;
}

export const INVALID_RESET_LINK = "This reset link has expired or was already used. Ask for a new one.";

/**
 * Sets the new password and uses the token in one transaction, then ends every session of the
 * account. Of two simultaneous uses of one link, exactly one succeeds.
 */
export async function resetPassword(token: unknown, password: string, clientIp: string): Promise<{ userId: string; endedSessions: number }> {
  await hitRateLimit({ key: `reset-submit:ip:${clientIp}`, limit: env().AUTH_RATE_LIMIT * 3, windowSeconds: 60 });
  const account = await resetLinkAccount(token);
  if (!account) throw new DomainError("INVALID_TOKEN", INVALID_RESET_LINK);
  const problem = passwordProblem(password, { email: account.email });
  if (problem) throw new DomainError("VALIDATION", "Please choose another password.", { fieldErrors: { password: problem } });
  // Hashing takes ~50 ms of CPU: done before the transaction so it holds no connection meanwhile.
  const passwordHash = await hashPassword(password);
  const userId = await db().$transaction(async (tx) => {
    const used = await consumeToken(tx, "RESET_PASSWORD", token);
    if (!used) throw new DomainError("INVALID_TOKEN", INVALID_RESET_LINK);
    // Following the emailed link proves the mailbox too.
    await tx.user.updateMany({ where: { id: used.userId, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
    const user = await tx.user.update({ where: { id: used.userId }, data: { passwordHash }, select: { id: true, name: true, email: true } });
    await enqueueEmail(tx, { to: user.email, ...passwordChangedEmail({ name: user.name }) });
    return user.id;
  });
  const endedSessions = await endUserSessions(userId);
  return { userId, endedSessions };
}
