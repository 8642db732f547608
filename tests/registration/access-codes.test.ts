// Access-code attempts are counted per person and per client IP (the HTTP mapping to 429 +
// Retry-After is in http.test.ts); exact counts here, at fixed instants.
import { describe, expect, it } from "vitest";
import { ACCESS_CODE_LIMITS, limitAccessCodeAttempts } from "~/domain/registration/access-codes.server";
import { refusal } from "../support/refusal";

const at = new Date("2026-11-28T10:00:10Z");

describe("limitAccessCodeAttempts", () => {
  it("admits 10 attempts a minute per person, then refuses with a Retry-After", async () => {
    for (let i = 0; i < ACCESS_CODE_LIMITS.perUserPerMinute; i++) await limitAccessCodeAttempts("198.51.100.1", "user-a", at);
    const refused = await refusal(limitAccessCodeAttempts("198.51.100.1", "user-a", at));
    expect(refused.code).toBe("RATE_LIMITED");
    expect(refused.retryAfter).toBeGreaterThan(0);
    // Moving to another network does not reset the person's count…
    expect((await refusal(limitAccessCodeAttempts("203.0.113.50", "user-a", at))).code).toBe("RATE_LIMITED");
    // …and another person on the same address still has attempts left.
    await expect(limitAccessCodeAttempts("198.51.100.1", "user-b", at)).resolves.toBeUndefined();
    // Two minutes on, the window has moved past all of it.
    await expect(limitAccessCodeAttempts("198.51.100.1", "user-a", new Date(at.getTime() + 120_000))).resolves.toBeUndefined();
  });

  it("limits one address, signed in or not, to 30 attempts a minute", async () => {
    const ip = "192.0.2.7";
    for (let i = 0; i < ACCESS_CODE_LIMITS.perIpPerMinute; i++) await limitAccessCodeAttempts(ip, i % 2 === 0 ? null : `user-${i}`, at);
    expect((await refusal(limitAccessCodeAttempts(ip, null, at))).code).toBe("RATE_LIMITED");
    expect((await refusal(limitAccessCodeAttempts(ip, "fresh-user", at))).code).toBe("RATE_LIMITED");
    await expect(limitAccessCodeAttempts("192.0.2.8", null, at)).resolves.toBeUndefined();
  });
});
