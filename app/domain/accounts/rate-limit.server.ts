// Fixed-window rate limits counted in PostgreSQL, so every app node sees the same counts.
import { DomainError } from "~/domain/errors";
import { db } from "~/utils/db.server";

export interface RateLimit {
  /** e.g. "signin:203.0.113.9" */
  key: string;
  limit: number;
  windowSeconds: number;
}

/** Counts one hit; throws RATE_LIMITED (with retryAfter) once the window's limit is passed. */
export async function hitRateLimit({ key, limit, windowSeconds }: RateLimit, now = new Date()): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const rows = await db().$queryRaw<{ hits: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "hits") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "hits" = "RateLimitBucket"."hits" + 1
    RETURNING "hits"`;
  if (rows[0].hits > limit) {
    const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
    throw new DomainError("RATE_LIMITED", `Too many attempts. Try again in ${retryAfter} seconds.`, { retryAfter });
  }
}

export async function pruneRateLimitBuckets(olderThan: Date): Promise<void> {
  await db().rateLimitBucket.deleteMany({ where: { windowStart: { lt: olderThan } } });
}
