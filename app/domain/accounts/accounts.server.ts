// Sign-up and sign-in. Inputs arrive parsed (validation.ts); these functions decide.
import { DomainError } from "~/domain/kernel/errors";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { hitRateLimit } from "./rate-limit.server";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./passwords.server";
import { sessionUserSelect, toSessionUser, type SessionUser } from "./sessions.server";
import type { SignInInput, SignUpInput } from "./validation";
import { PRIVACY_VERSION } from "./privacy";
import { sendVerificationEmail } from "./verification.server";

export async function signUp(input: SignUpInput): Promise<SessionUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    // The account, the privacy version accepted and the verification email: all or nothing.
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          roles: ["ATTENDEE"],
          emailVerifiedAt: null,
          privacyVersion: PRIVACY_VERSION,
          privacyAcceptedAt: new Date(),
        },
        select: sessionUserSelect,
      });
      await sendVerificationEmail(tx, user);
      return toSessionUser(user);
    });
  } catch (error) {
    // The unique index decides, so two simultaneous sign-ups cannot both win.
    if ((error as { code?: string }).code === "P2002") {
      throw new DomainError("EMAIL_TAKEN", "An account with this email already exists. Sign in instead?", {
        fieldErrors: { email: "An account with this email already exists." },
      });
    }
    throw error;
  }
}

export async function signIn(input: SignInInput): Promise<SessionUser> {
  const user = await db().user.findUnique({
    where: { email: input.email, deletedAt: null },
    select: { ...sessionUserSelect, passwordHash: true, suspendedAt: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !valid) {
    throw new DomainError("INVALID_CREDENTIALS", "That email and password do not match an account.");
  }
  // Said only after the right password, so the message reveals nothing to a guesser.
  if (user.suspendedAt) {
    throw new DomainError("ACCOUNT_SUSPENDED", "This account is suspended. Contact the SCALE team if you think this is a mistake.");
  }
  const { passwordHash: _omit, suspendedAt: _suspended, ...row } = user;
  return toSessionUser(row);
}

/** Per client and per address: slows password guessing and credential stuffing alike. */
export async function limitSignInAttempts(clientIp: string, email: string): Promise<void> {
  await hitRateLimit({ key: `signin:ip:${clientIp}`, limit: env().AUTH_RATE_LIMIT * 3, windowSeconds: 60 });
  await hitRateLimit({ key: `signin:email:${email}`, limit: env().AUTH_RATE_LIMIT, windowSeconds: 60 });
}

export async function limitSignUps(clientIp: string): Promise<void> {
  await hitRateLimit({ key: `signup:${clientIp}`, limit: env().AUTH_RATE_LIMIT, windowSeconds: 60 });
}

export function hasRole(user: Pick<SessionUser, "roles"> | null | undefined, ...roles: SessionUser["roles"]): boolean {
  return !!user && user.roles.some((role) => role === "ADMIN" || roles.includes(role));
}
