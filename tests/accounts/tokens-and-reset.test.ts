// The token primitive, email verification and password reset, at the domain level: single use
// under races, expiry, purposes kept apart, the same answer for unknown addresses, sessions ended.
import { describe, expect, it } from "vitest";
import { signIn, signUp } from "~/domain/accounts/accounts.server";
import { FORGOT_PASSWORD_ANSWER, FORGOT_PASSWORD_FLOOR_MS, requestPasswordReset, resetPassword } from "~/domain/accounts/password-reset.server";
import { createSession, findSessionUser, onSessionEnded } from "~/domain/accounts/sessions.server";
import { consumeToken, hashToken, issueToken } from "~/domain/kernel/tokens.server";
import { signUpSchema } from "~/domain/accounts/validation";
import { confirmEmailToken, requireVerifiedEmail, resendVerification } from "~/domain/accounts/verification.server";
import { DomainError } from "~/domain/kernel/errors";
import { db } from "~/platform/db.server";

const newAccount = (email: string) => signUp(signUpSchema.parse({ name: "Inês Duarte", email, password: "azulejos of lisboa" }));

/** The link in the latest email to an address, as the person would click it. */
async function linkIn(to: string, path: string): Promise<string> {
  const email = await db().outboxEmail.findFirstOrThrow({ where: { toAddress: to, textBody: { contains: path } }, orderBy: { createdAt: "desc" } });
  const match = email.textBody.match(new RegExp(`${path}/([A-Za-z0-9_-]+)`));
  return match![1];
}

describe("the token primitive", () => {
  it("stores only the SHA-256 of 256 random bits and can be used once", async () => {
    const user = await newAccount("token@lisboa.pt");
    const token = await issueToken(db(), { userId: user.id, purpose: "RESET_PASSWORD", ttlMs: 60_000 });
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(await db().accountToken.findFirst({ where: { tokenHash: token } })).toBeNull();
    expect(await db().accountToken.findFirst({ where: { tokenHash: hashToken(token) } })).not.toBeNull();
    expect(await consumeToken(db(), "VERIFY_EMAIL", token)).toBeNull(); // another purpose
    expect((await consumeToken(db(), "RESET_PASSWORD", token))?.userId).toBe(user.id);
    expect(await consumeToken(db(), "RESET_PASSWORD", token)).toBeNull(); // once
  });

  it("refuses expired and malformed tokens without a query error", async () => {
    const user = await newAccount("expired@lisboa.pt");
    const token = await issueToken(db(), { userId: user.id, purpose: "RESET_PASSWORD", ttlMs: 1_000, now: new Date(Date.now() - 5_000) });
    expect(await consumeToken(db(), "RESET_PASSWORD", token)).toBeNull();
    for (const bad of ["", "x", "'; DROP TABLE", null, 42, "a".repeat(500)]) expect(await consumeToken(db(), "RESET_PASSWORD", bad)).toBeNull();
  });

  it("gives a token to exactly one of ten simultaneous users", async () => {
    const user = await newAccount("race-token@lisboa.pt");
    const token = await issueToken(db(), { userId: user.id, purpose: "RESET_PASSWORD", ttlMs: 60_000 });
    const results = await Promise.all(Array.from({ length: 10 }, () => consumeToken(db(), "RESET_PASSWORD", token)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe("email verification", () => {
  it("signs up unverified with the privacy version, emails a link, and the link verifies once", async () => {
    const user = await newAccount("ines@lisboa.pt");
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.emailVerifiedAt).toBeNull();
    expect(row.privacyVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(requireVerifiedEmail(db(), user.id, "pay for a ticket")).rejects.toMatchObject({ code: "EMAIL_NOT_VERIFIED" });

    const token = await linkIn("ines@lisboa.pt", "/verify-email");
    const [first, second] = await Promise.allSettled([confirmEmailToken(token), confirmEmailToken(token)]);
    const outcomes = [first, second].map((r) => r.status);
    expect(outcomes.sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = [first, second].find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(rejected.reason).toMatchObject({ code: "INVALID_TOKEN" });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull();
    await requireVerifiedEmail(db(), user.id, "pay for a ticket");
  });

  it("resending replaces the older link and is rate limited", async () => {
    const user = await newAccount("resend@lisboa.pt");
    const first = await linkIn("resend@lisboa.pt", "/verify-email");
    await resendVerification(user.id, "203.0.113.7");
    await expect(confirmEmailToken(first)).rejects.toMatchObject({ code: "INVALID_TOKEN" });
    await resendVerification(user.id, "203.0.113.7");
    await resendVerification(user.id, "203.0.113.7");
    await expect(resendVerification(user.id, "203.0.113.7")).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});

describe("password reset", () => {
  it("answers unknown and known addresses alike, in words and at least the same floor of time", async () => {
    await newAccount("known@lisboa.pt");
    const timed = async (email: string) => {
      const started = performance.now();
      const answer = await requestPasswordReset(email, "198.51.100.1");
      return { answer, ms: performance.now() - started };
    };
    const known = await timed("known@lisboa.pt");
    const unknown = await timed("unknown@lisboa.pt");
    expect(known.answer).toBe(FORGOT_PASSWORD_ANSWER);
    expect(unknown.answer).toBe(known.answer);
    expect(known.ms).toBeGreaterThanOrEqual(FORGOT_PASSWORD_FLOOR_MS - 5);
    expect(unknown.ms).toBeGreaterThanOrEqual(FORGOT_PASSWORD_FLOOR_MS - 5);
    expect(Math.abs(known.ms - unknown.ms)).toBeLessThan(150);
    expect(await db().outboxEmail.count({ where: { toAddress: "unknown@lisboa.pt" } })).toBe(0);
  });

  it("limits requests per address, whether or not it has an account", async () => {
    for (const email of ["limited@lisboa.pt", "nobody-limited@lisboa.pt"]) {
      if (email.startsWith("limited")) await newAccount(email);
      for (let i = 0; i < 3; i++) await requestPasswordReset(email, `192.0.2.${i}`);
      await expect(requestPasswordReset(email, "192.0.2.99")).rejects.toMatchObject({ code: "RATE_LIMITED" });
    }
  });

  it("sets the new password, ends every session (their sockets hear of it) and the link works once", async () => {
    const user = await newAccount("reset@lisboa.pt");
    const sessions = await Promise.all([createSession(user.id, 30), createSession(user.id, 30)]);
    const ended: string[] = [];
    const unsubscribe = onSessionEnded((id) => ended.push(id));
    await requestPasswordReset("reset@lisboa.pt", "198.51.100.2");
    const token = await linkIn("reset@lisboa.pt", "/reset-password");

    const weak = await resetPassword(token, "reset@lisboa.pt", "198.51.100.2").catch((e) => e);
    expect(weak).toBeInstanceOf(DomainError);
    expect(weak.fieldErrors.password).toMatch(/email/);

    const results = await Promise.allSettled([
      resetPassword(token, "tiles and trams 1", "198.51.100.2"),
      resetPassword(token, "tiles and trams 2", "198.51.100.2"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "INVALID_TOKEN" });
    unsubscribe();
    for (const { token: sessionToken } of sessions) expect(await findSessionUser(sessionToken)).toBeNull();
    expect(ended).toHaveLength(2);
    const winner = results.findIndex((r) => r.status === "fulfilled") + 1;
    expect((await signIn({ email: "reset@lisboa.pt", password: `tiles and trams ${winner}` })).id).toBe(user.id);
    await expect(signIn({ email: "reset@lisboa.pt", password: "azulejos of lisboa" })).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    expect(await db().outboxEmail.count({ where: { toAddress: "reset@lisboa.pt", subject: { contains: "password was changed" } } })).toBe(1);
  });
});
