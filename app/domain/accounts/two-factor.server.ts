// Two-factor authentication: TOTP (totp.ts) plus ten single-use recovery codes, stored hashed.
// Any member may turn it on; organisers and admins must before organiser or admin pages.
import { createHash } from "node:crypto";
import { DomainError } from "~/domain/kernel/errors";
import type { UserRole } from "~/generated/prisma/enums";
import { db } from "~/platform/db.server";
import { hitRateLimit } from "./rate-limit.server";
import { confirmPassword } from "./settings.server";
import { generateRecoveryCodes, generateTotpSecret, matchTotp, normaliseRecoveryCode, otpauthUri } from "./totp";

const STAFF_ROLES: readonly UserRole[] = ["ORGANISER", "ADMIN"];

/** Site roles that may not use organiser or admin pages without a second factor. */
export function requiresTwoFactor(roles: readonly UserRole[]): boolean {
  return roles.some((role) => STAFF_ROLES.includes(role));
}

function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");
}

export async function twoFactorStatus(userId: string) {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true, roles: true } });
  const recoveryCodesLeft = await db().recoveryCode.count({ where: { userId, usedAt: null } });
  return { enabled: !!user.totpEnabledAt, enabledAt: user.totpEnabledAt, recoveryCodesLeft, required: requiresTwoFactor(user.roles) };
}

export async function hasTwoFactor(userId: string): Promise<boolean> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
  return !!user?.totpEnabledAt;
}

/** Step 1 of enrolment: a fresh secret (replacing an unconfirmed one) to put into an app. */
export async function beginEnrolment(userId: string): Promise<{ secret: string; uri: string }> {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, totpEnabledAt: true, totpSecret: true } });
  if (user.totpEnabledAt) throw new DomainError("CONFLICT", "Two-factor authentication is already on.");
  const secret = user.totpSecret ?? generateTotpSecret();
  if (!user.totpSecret) await db().user.update({ where: { id: userId }, data: { totpSecret: secret } });
  return { secret, uri: otpauthUri(secret, user.email) };
}

/** Step 2: a code from the app proves it holds the secret; turns 2FA on and returns recovery codes (shown once). */
export async function confirmEnrolment(userId: string, code: string, now = new Date()): Promise<string[]> {
  await hitRateLimit({ key: `totp:${userId}`, limit: 5, windowSeconds: 60 });
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new DomainError("CONFLICT", "Two-factor authentication is already on.");
  if (!user.totpSecret) throw new DomainError("VALIDATION", "Start again: the setup expired.");
  const step = matchTotp(user.totpSecret, code, now);
  if (step === null)
    throw new DomainError("VALIDATION", "That code does not match.", {
      fieldErrors: { code: "That code does not match. Check the time on your phone and try the newest code." },
    });
  const codes = generateRecoveryCodes();
  await db().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId, totpEnabledAt: null }, data: { totpEnabledAt: now, totpLastStep: BigInt(step) } });
    if (count === 0) throw new DomainError("CONFLICT", "Two-factor authentication is already on.");
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) });
  });
  return codes;
}

/**
 * Checks a second factor: a TOTP code (its step must be newer than the last one used — one
 * conditional UPDATE, so a code works once even when sent twice at once) or a recovery code
 * (marked used by the statement that finds it).
 */
export async function verifySecondFactor(userId: string, code: string, now = new Date()): Promise<"totp" | "recovery"> {
  await hitRateLimit({ key: `totp:${userId}`, limit: 5, windowSeconds: 60 });
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true } });
  if (!user.totpEnabledAt || !user.totpSecret) throw new DomainError("VALIDATION", "Two-factor authentication is not on for this account.");
  const trimmed = code.trim();
  if (/^\d[\d\s]*$/.test(trimmed)) {
    const step = matchTotp(user.totpSecret, trimmed, now, user.totpLastStep === null ? null : Number(user.totpLastStep));
    if (step !== null) {
      const used = await db()
        .$executeRaw`UPDATE "User" SET "totpLastStep" = ${step} WHERE "id" = ${userId}::uuid AND ("totpLastStep" IS NULL OR "totpLastStep" < ${step})`;
      if (used === 1) return "totp";
    }
  } else if (trimmed.length >= 12 && trimmed.length <= 20) {
    const { count } = await db().recoveryCode.updateMany({ where: { userId, codeHash: hashRecoveryCode(trimmed), usedAt: null }, data: { usedAt: now } });
    if (count === 1) return "recovery";
  }
  throw new DomainError("INVALID_CREDENTIALS", "That code does not match.", {
    fieldErrors: { code: "That code does not match. Use the newest code from your app, or a recovery code." },
  });
}

/** Turning it off needs the password and a current code. */
export async function disableTwoFactor(userId: string, input: { currentPassword: string; code: string }): Promise<void> {
  await confirmPassword(userId, input.currentPassword);
  await verifySecondFactor(userId, input.code);
  await db().$transaction([
    db().user.update({ where: { id: userId }, data: { totpEnabledAt: null, totpSecret: null, totpLastStep: null } }),
    db().recoveryCode.deleteMany({ where: { userId } }),
  ]);
}
