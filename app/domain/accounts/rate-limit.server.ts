// Rate limits counted in PostgreSQL, so every app node sees the same counts.
//
// A sliding-window counter: one row per key and fixed window holds that window's admitted hits,
// and a new hit is admitted while
//
//     hits in the previous window × (share of it still inside the sliding window)
//   + hits in the current window + 1   ≤  limit.
//
// Plain fixed windows let a client spend the limit at the end of one window and again at the
// start of the next (2 × limit within a second); the weighted previous window closes that
// burst while keeping one row per key and window. Refused attempts are not counted, so the
// Retry-After we answer is the time after which the next attempt really is admitted.
import { DomainError } from "~/domain/kernel/errors";
import { db } from "~/platform/db.server";

export interface RateLimit {
  /** e.g. "signin:203.0.113.9" */
  key: string;
  limit: number;
  windowSeconds: number;
}

/** Counts one hit; throws RATE_LIMITED (with retryAfter) when it would pass the limit. */
export async function hitRateLimit({ key, limit, windowSeconds }: RateLimit, now = new Date()): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const currentStart = Math.floor(now.getTime() / windowMs) * windowMs;
  const elapsedMs = now.getTime() - currentStart;
  const previousWeight = 1 - elapsedMs / windowMs;
  // One statement: the conditional upsert re-checks the current count under the row lock, so
  // concurrent hits on any node can never admit more than the limit allows.
  const [row] = await db().$queryRaw<{ previous: number; admitted: number | null }[]>`
    WITH previous AS (
      SELECT COALESCE((SELECT "hits" FROM "RateLimitBucket" WHERE "key" = ${key} AND "windowStart" = ${new Date(currentStart - windowMs)}), 0) AS hits
    ), admitted AS (
      INSERT INTO "RateLimitBucket" ("key", "windowStart", "hits")
      SELECT ${key}, ${new Date(currentStart)}, 1 FROM previous WHERE previous.hits * ${previousWeight}::float8 + 1 <= ${limit}::int
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "hits" = "RateLimitBucket"."hits" + 1
        WHERE (SELECT hits FROM previous) * ${previousWeight}::float8 + "RateLimitBucket"."hits" + 1 <= ${limit}::int
      RETURNING "hits"
    )
    SELECT (SELECT hits FROM previous) AS previous, (SELECT "hits" FROM admitted) AS admitted`;
  if (row.admitted !== null) return;
  // Refused: read the count afresh (the statement's snapshot predates the hits it waited for).
  const current = await db().rateLimitBucket.findUnique({ where: { key_windowStart: { key, windowStart: new Date(currentStart) } }, select: { hits: true } });
  const retryAfter = secondsUntilAdmitted({ previous: row.previous, current: current?.hits ?? 0, limit, elapsedMs, windowMs });
  throw new DomainError("RATE_LIMITED", `Too many attempts. Try again in ${retryAfter} seconds.`, { retryAfter });
}

/**
 * How long until one more hit fits, if nobody else hits meanwhile: either the previous window's
 * weight decays enough within this window, or (when this window alone is full) this window has
 * to become the previous one and decay in turn.
 */
export function secondsUntilAdmitted(state: { previous: number; current: number; limit: number; elapsedMs: number; windowMs: number }): number {
  const { previous, current, limit, elapsedMs, windowMs } = state;
  const waitMs =
    current + 1 <= limit && previous > 0
      ? windowMs * (1 - (limit - current - 1) / previous) - elapsedMs
      : windowMs - elapsedMs + windowMs * Math.max(0, 1 - (limit - 1) / Math.max(current, 1));
  return Math.max(1, Math.ceil(waitMs / 1000));
}

/** Housekeeping: buckets older than the previous window no longer count for anything. */
export async function pruneRateLimitBuckets(olderThan: Date): Promise<number> {
  const { count } = await db().rateLimitBucket.deleteMany({ where: { windowStart: { lt: olderThan } } });
  return count;
}
