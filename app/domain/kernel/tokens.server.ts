// The one token primitive of the app: email verification, password reset, email change and the
// pending second step of a sign-in all use it.
//
// - 256 random bits, handed out once; only their SHA-256 is stored, so a database dump holds no
//   usable link.
// - Looked up by that hash (a timing difference in the index lookup reveals only hash bits,
//   which say nothing about a valid token), then compared again in constant time.
// - Single use: consuming is one conditional UPDATE … WHERE "usedAt" IS NULL AND "expiresAt" >
//   now() RETURNING, so of two simultaneous uses exactly one gets the row.
// - Each carries its purpose; a reset token can never verify an email and vice versa.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { AccountTokenPurpose } from "~/generated/prisma/enums";
import { db, type Db, type Tx } from "~/platform/db.server";

export const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A token that could have been issued by us; anything else is refused before a query. */
export function wellFormedToken(token: unknown): token is string {
  return typeof token === "string" && TOKEN_SHAPE.test(token);
}

export interface IssueTokenInput {
  userId: string;
  purpose: AccountTokenPurpose;
  ttlMs: number;
  /** The address a CHANGE_EMAIL token confirms. */
  email?: string;
  /** The notification kind an UNSUBSCRIBE token turns off. */
  kind?: string;
  /** Withdraw this person's unused tokens of the same purpose (a new link replaces the old one). */
  replacePrevious?: boolean;
  now?: Date;
}

/** A new token and the hash to store for it, for a caller that writes the row in SQL of its own. */
export function mintToken(): { token: string; tokenHash: string } {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

/** Issues a token inside the caller's transaction (so the email that carries it is written with it). */
export async function issueToken(tx: Tx | Db, input: IssueTokenInput): Promise<string> {
  const now = input.now ?? new Date();
  const { token, tokenHash } = mintToken();
  if (input.replacePrevious) {
    await tx.accountToken.updateMany({ where: { userId: input.userId, purpose: input.purpose, usedAt: null }, data: { usedAt: now } });
  }
  await tx.accountToken.create({
    data: {
      userId: input.userId,
      purpose: input.purpose,
      tokenHash,
      email: input.email ?? null,
      kind: input.kind ?? null,
      expiresAt: new Date(now.getTime() + input.ttlMs),
    },
  });
  return token;
}

export interface ConsumedToken {
  id: string;
  userId: string;
  purpose: AccountTokenPurpose;
  email: string | null;
}

/**
 * Uses a token once: the row is marked used by the same statement that finds it, so only one
 * caller ever gets it back. Null for unknown, used, expired or other-purpose tokens alike.
 */
export async function consumeToken(tx: Tx | Db, purposes: AccountTokenPurpose | AccountTokenPurpose[], token: unknown): Promise<ConsumedToken | null> {
  if (!wellFormedToken(token)) return null;
  const tokenHash = hashToken(token);
  const list = Array.isArray(purposes) ? purposes : [purposes];
  const rows = await tx.$queryRaw<(ConsumedToken & { tokenHash: string })[]>`
    UPDATE "AccountToken" SET "usedAt" = now()
    WHERE "tokenHash" = ${tokenHash} AND "purpose"::text = ANY(${list}::text[]) AND "usedAt" IS NULL AND "expiresAt" > now()
    RETURNING "id", "userId", "purpose", "email", "tokenHash"`;
  const row = rows[0];
  if (!row || !sameHash(row.tokenHash, tokenHash)) return null;
  return { id: row.id, userId: row.userId, purpose: row.purpose, email: row.email };
}

/** Whether a token is still usable (to show the reset form), without using it. */
export async function peekToken(purpose: AccountTokenPurpose, token: unknown): Promise<{ userId: string; email: string | null } | null> {
  if (!wellFormedToken(token)) return null;
  const tokenHash = hashToken(token);
  const row = await db().accountToken.findFirst({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: new Date() } },
    select: { userId: true, email: true, tokenHash: true },
  });
  if (!row || !sameHash(row.tokenHash, tokenHash)) return null;
  return { userId: row.userId, email: row.email };
}

/** Housekeeping: tokens a day past their expiry can no longer matter. */
export async function pruneAccountTokens(olderThan: Date): Promise<number> {
  const { count } = await db().accountToken.deleteMany({ where: { expiresAt: { lt: olderThan } } });
  return count;
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
