import { describe, expect, it } from "vitest";
import { signIn, signUp } from "~/domain/accounts/accounts.server";
import { hitRateLimit, pruneRateLimitBuckets } from "~/domain/accounts/rate-limit.server";
import { createSession, deleteExpiredSessions, destroySession, findSessionUser, hashSessionToken } from "~/domain/accounts/sessions.server";
import { signUpSchema } from "~/domain/accounts/validation";
import { DomainError } from "~/domain/kernel/errors";
import { db } from "~/platform/db.server";

const account = (email: string) => signUpSchema.parse({ name: "Maria Kowalska", email, password: "correct horse battery" });

describe("sign-up", () => {
  it("stores the email lower-cased and never the password", async () => {
    const user = await signUp(account("Maria.Kowalska@Krakow.PL"));
    expect(user.email).toBe("maria.kowalska@krakow.pl");
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain("correct horse");
  });

  it("lets exactly one of 20 simultaneous sign-ups with the same email win", async () => {
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => signUp(account("race@scale.eu"))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(failures.every((f) => f.reason instanceof DomainError && f.reason.code === "EMAIL_TAKEN")).toBe(true);
    expect(await db().user.count({ where: { email: "race@scale.eu" } })).toBe(1);
  });

  it("explains each invalid field", () => {
    const result = signUpSchema.safeParse({ name: "", email: "not-an-email", password: "short" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["name", "email", "password"]));
  });
});

describe("sign-in", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    await signUp(account("tomas@lisboa.pt"));
    const user = await signIn({ email: "tomas@lisboa.pt", password: "correct horse battery" });
    expect(user.email).toBe("tomas@lisboa.pt");
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    await signUp(account("elena@ait.ac.at"));
    const wrong = await signIn({ email: "elena@ait.ac.at", password: "nope" }).catch((e) => e);
    const unknown = await signIn({ email: "nobody@ait.ac.at", password: "nope" }).catch((e) => e);
    expect(wrong).toBeInstanceOf(DomainError);
    expect(wrong.code).toBe("INVALID_CREDENTIALS");
    expect(unknown.code).toBe(wrong.code);
    expect(unknown.message).toBe(wrong.message);
  });
});

describe("database sessions", () => {
  it("keeps only the token's hash and resolves it to the user until destroyed", async () => {
    const user = await signUp(account("session@scale.eu"));
    const { token } = await createSession(user.id, 30);
    expect(await db().session.findUnique({ where: { id: token } })).toBeNull();
    expect(await db().session.findUnique({ where: { id: hashSessionToken(token) } })).not.toBeNull();
    expect((await findSessionUser(token))?.id).toBe(user.id);
    await destroySession(token);
    expect(await findSessionUser(token)).toBeNull();
  });

  it("ignores expired sessions and cleans them up", async () => {
    const user = await signUp(account("expired@scale.eu"));
    const { token } = await createSession(user.id, 1);
    await db().session.update({ where: { id: hashSessionToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findSessionUser(token)).toBeNull();
    expect(await deleteExpiredSessions()).toBeGreaterThanOrEqual(1);
  });

  it("rejects garbage tokens without touching the database", async () => {
    expect(await findSessionUser("x".repeat(500))).toBeNull();
    expect(await findSessionUser("")).toBeNull();
  });
});

describe("rate limits shared through PostgreSQL", () => {
  it("lets exactly `limit` of 60 concurrent attempts through", async () => {
    const now = new Date("2026-11-28T10:00:30Z");
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, () => hitRateLimit({ key: "signin:ip:203.0.113.9", limit: 10, windowSeconds: 60 }, now)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!.reason as DomainError;
    expect(refused.code).toBe("RATE_LIMITED");
    // This window is full: 30 s until it ends, then 10 % of the next (10 × 0.9 + 1 = 10).
    expect(refused.retryAfter).toBe(36);
  });

  it("refuses the burst a fixed window would allow across a window boundary", async () => {
    const key = { key: "signup:198.51.100.7", limit: 2, windowSeconds: 60 };
    await hitRateLimit(key, new Date("2026-11-28T10:00:59.500Z"));
    await hitRateLimit(key, new Date("2026-11-28T10:00:59.900Z"));
    const refused = await hitRateLimit(key, new Date("2026-11-28T10:01:00.100Z")).catch((e: DomainError) => e);
    expect(refused).toMatchObject({ code: "RATE_LIMITED" });
  });

  it("lets the previous window's hits fade as the sliding window moves on", async () => {
    const key = { key: "signin:email:fade@example.eu", limit: 10, windowSeconds: 60 };
    for (let i = 0; i < 10; i++) await hitRateLimit(key, new Date("2026-11-28T10:00:50Z"));
    // Halfway through the next window the ten count as five: five more fit, the sixth does not.
    const halfway = new Date("2026-11-28T10:01:30Z");
    for (let i = 0; i < 5; i++) await hitRateLimit(key, halfway);
    await expect(hitRateLimit(key, halfway)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(hitRateLimit(key, new Date("2026-11-28T10:02:00Z"))).resolves.toBeUndefined();
  });

  it("answers a Retry-After after which the next attempt is admitted, and does not count refusals", async () => {
    const key = { key: "qa-ask:retry-after", limit: 3, windowSeconds: 60 };
    const start = Date.parse("2026-11-28T10:00:20Z");
    for (let i = 0; i < 3; i++) await hitRateLimit(key, new Date(start));
    let retryAfter = 0;
    for (let attempt = 0; attempt < 5; attempt++) {
      const refused = (await hitRateLimit(key, new Date(start + 1000)).catch((e: DomainError) => e)) as DomainError;
      expect(refused.code).toBe("RATE_LIMITED");
      retryAfter ||= refused.retryAfter!;
      expect(refused.retryAfter).toBe(retryAfter); // hammering does not push the wait further out
    }
    await expect(hitRateLimit(key, new Date(start + 1000 + (retryAfter - 1) * 1000))).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(hitRateLimit(key, new Date(start + 1000 + retryAfter * 1000))).resolves.toBeUndefined();
  });

  it("prunes buckets that no longer count", async () => {
    const key = { key: "prune-me", limit: 5, windowSeconds: 60 };
    await hitRateLimit(key, new Date("2026-11-20T10:00:00Z"));
    expect(await pruneRateLimitBuckets(new Date("2026-11-27T00:00:00Z"))).toBeGreaterThanOrEqual(1);
    expect(await db().rateLimitBucket.count({ where: { key: "prune-me" } })).toBe(0);
  });
});
