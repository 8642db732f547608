// DB-backed sessions: the cookie carries 256 random bits; the table keeps only their SHA-256,
// so a leaked database dump cannot be replayed as cookies.
import { createHash, randomBytes } from "node:crypto";
import { processBus } from "~/platform/bus.server";
import { db, preparedQuery } from "~/platform/db.server";
import type { UserRole } from "~/generated/prisma/enums";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: UserRole[];
  /** Two-factor is on: read with the session, so staff pages need no second query to check it. */
  twoFactor: boolean;
  /** The interface language chosen on /account (a shipped language code), or null. */
  locale: string | null;
}

/** The columns a SessionUser is made of, and the making: one shape wherever a person signs in. */
export const sessionUserSelect = { id: true, email: true, name: true, roles: true, totpEnabledAt: true, locale: true } as const;

export function toSessionUser({
  totpEnabledAt,
  ...user
}: {
  id: string;
  email: string;
  name: string;
  roles: UserRole[];
  totpEnabledAt: Date | null;
  locale?: string | null;
}): SessionUser {
  return { ...user, locale: user.locale ?? null, twoFactor: totpEnabledAt !== null };
}

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSession(
  userId: string,
  days: number,
  userAgent?: string | null,
  ipAddress?: string | null,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  await db().session.create({
    data: { id: hashSessionToken(token), userId, expiresAt, userAgent: userAgent?.slice(0, 300) ?? null, ipAddress: ipAddress?.slice(0, 64) ?? null },
  });
  return { token, expiresAt };
}

// lastSeenAt is refreshed at most this often, so reading a session is not a write per request.
const TOUCH_INTERVAL_MS = 5 * 60_000;

// Every signed-in request and socket handshake asks this: a prepared statement (preparedQuery says
// why), reading the columns of sessionUserSelect (roles as text[]: pg does not parse enum arrays).
const SESSION_USER_SQL = `
SELECT s."expiresAt", s."lastSeenAt", u."suspendedAt", ${Object.keys(sessionUserSelect)
  .map((column) => (column === "roles" ? `u.roles::text[] AS roles` : `u."${column}"`))
  .join(", ")}
FROM "Session" s JOIN "User" u ON u.id = s."userId"
WHERE s.id = $1`;

type SessionUserRow = Parameters<typeof toSessionUser>[0] & { expiresAt: Date; lastSeenAt: Date; suspendedAt: Date | null };

export async function findSessionUser(token: string | undefined | null): Promise<SessionUser | null> {
  if (!token || token.length > 100) return null;
  const id = hashSessionToken(token);
  const [session] = await preparedQuery<SessionUserRow>(SESSION_USER_SQL, [id]);
  // A suspended account's sessions are deleted when it is suspended; this also covers one
  // created in the instant between (a sign-in racing the suspension).
  if (!session || session.expiresAt <= new Date() || session.suspendedAt) return null;
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db()
      .session.update({ where: { id }, data: { lastSeenAt: new Date() } })
      .catch(() => {});
  }
  const { expiresAt: _expires, lastSeenAt: _seen, suspendedAt: _suspended, ...user } = session;
  return toSessionUser(user);
}

/** Ended sessions (by their hash), so the realtime layer can close the sockets opened with them. */
const sessionsEnded = processBus<string>("session-ended");
export const onSessionEnded = sessionsEnded.subscribe;

export async function destroySession(token: string | undefined | null): Promise<void> {
  if (!token) return;
  const id = hashSessionToken(token);
  await db().session.deleteMany({ where: { id } });
  sessionsEnded.publish(id);
}

/**
 * Ends every session of a user (password reset, "sign out everywhere else", suspension), except
 * the one given by its hash; their sockets close on every node through the session-ended bus.
 */
export async function endUserSessions(userId: string, options: { exceptSessionHash?: string } = {}): Promise<number> {
  const where = { userId, ...(options.exceptSessionHash ? { id: { not: options.exceptSessionHash } } : {}) };
  const ended = await db().session.findMany({ where, select: { id: true } });
  if (ended.length === 0) return 0;
  await db().session.deleteMany({ where: { id: { in: ended.map((s) => s.id) } } });
  for (const { id } of ended) sessionsEnded.publish(id);
  return ended.length;
}

export async function deleteExpiredSessions(now = new Date()): Promise<number> {
  const { count } = await db().session.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
