// The person's own account: profile, email, password, notification choices and sessions.
// Every function takes the signed-in person's id, so it can only ever touch their own rows.
import { DomainError } from "~/domain/kernel/errors";
import type { Language } from "~/domain/kernel/i18n/languages";
import { enqueueEmail } from "~/domain/notifications/outbox.server";
import { db } from "~/platform/db.server";
import { passwordChangedEmail } from "~/domain/notifications/emails/accounts";
import { approximatePlace, describeDevice } from "./devices";
import { enabledKinds, isNotificationKind, NOTIFICATION_KINDS } from "~/domain/notifications/notification-kinds";
import { passwordProblem } from "./password-rules";
import { hashPassword, verifyPassword } from "./passwords.server";
import { hitRateLimit } from "./rate-limit.server";
import { endUserSessions } from "./sessions.server";
import { sendEmailChangeLink } from "./verification.server";

export async function accountSettings(userId: string) {
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      name: true,
      email: true,
      emailVerifiedAt: true,
      timeZone: true,
      locale: true,
      emailOptOuts: true,
      totpEnabledAt: true,
      privacyVersion: true,
      roles: true,
    },
  });
  const pendingEmail = await db().accountToken.findFirst({
    where: { userId, purpose: "CHANGE_EMAIL", usedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { email: true },
  });
  return { ...user, enabled: enabledKinds(user.emailOptOuts), twoFactor: !!user.totpEnabledAt, pendingEmail: pendingEmail?.email ?? null };
}

/** Name, zone and (when the form sends it) the interface language; null language: as the browser says. */
export async function updateProfile(userId: string, input: { name: string; timeZone: string | null; locale?: Language | null }): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { name: input.name, timeZone: input.timeZone, locale: input.locale } });
}

/** The language switcher, signed in: the choice follows the person to every device and email. */
export async function setLocale(userId: string, locale: Language): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { locale } });
}

/** Proves the person at the keyboard knows the password (rate limited like sign-in). */
export async function confirmPassword(userId: string, password: string, field = "currentPassword"): Promise<void> {
  await hitRateLimit({ key: `confirm-password:${userId}`, limit: 10, windowSeconds: 60 });
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new DomainError("INVALID_CREDENTIALS", "That is not your current password.", { fieldErrors: { [field]: "That is not your current password." } });
  }
}

/** The new address gets a link; the change happens when it is followed (and the old address is told then). */
export async function requestEmailChange(userId: string, input: { email: string; currentPassword: string }): Promise<void> {
  await confirmPassword(userId, input.currentPassword);
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true } });
  if (user.email === input.email)
    throw new DomainError("VALIDATION", "That is already your address.", { fieldErrors: { email: "That is already your address." } });
  const taken = await db().user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (taken) throw new DomainError("EMAIL_TAKEN", "Another account uses that address.", { fieldErrors: { email: "Another account uses that address." } });
  await hitRateLimit({ key: `email-change:${userId}`, limit: 5, windowSeconds: 3600 });
  await db().$transaction((tx) => sendEmailChangeLink(tx, user, input.email));
}

/** Needs the current password; keeps this session and ends every other one (and their sockets). */
export async function changePassword(userId: string, currentSessionHash: string, input: { currentPassword: string; newPassword: string }): Promise<number> {
  await confirmPassword(userId, input.currentPassword);
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
  const problem = passwordProblem(input.newPassword, { email: user.email });
  if (problem) throw new DomainError("VALIDATION", "Please choose another password.", { fieldErrors: { newPassword: problem } });
  const passwordHash = await hashPassword(input.newPassword);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await enqueueEmail(tx, { to: user.email, ...passwordChangedEmail({ name: user.name }) });
  });
  return endUserSessions(userId, { exceptSessionHash: currentSessionHash });
}

export async function saveNotificationChoices(userId: string, enabled: readonly string[]): Promise<void> {
  const on = enabled.filter(isNotificationKind);
  await db().user.update({ where: { id: userId }, data: { emailOptOuts: NOTIFICATION_KINDS.filter((kind) => !on.includes(kind)) } });
}

export interface ActiveSession {
  device: string;
  place: string;
  signedInAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

export async function activeSessions(userId: string, currentSessionHash: string | null): Promise<ActiveSession[]> {
  const rows = await db().session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, userAgent: true, ipAddress: true, createdAt: true, lastSeenAt: true },
  });
  return rows.map((row) => ({
    device: describeDevice(row.userAgent),
    place: approximatePlace(row.ipAddress),
    signedInAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    current: row.id === currentSessionHash,
  }));
}

export function signOutEverywhereElse(userId: string, currentSessionHash: string): Promise<number> {
  return endUserSessions(userId, { exceptSessionHash: currentSessionHash });
}
