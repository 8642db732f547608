// Hidden tickets open with an access code, and the register page (?code=…) and its form both
// tell whether a code matches. Every attempt that carries a code is counted — per client IP and
// per signed-in person — so codes cannot be found by trying many (the codes themselves are at
// least ACCESS_CODE_MIN_LENGTH characters). Refused attempts answer RATE_LIMITED with
// retryAfter, which the routes turn into 429 + Retry-After like sign-in.
import { hitRateLimit } from "~/domain/accounts/rate-limit.server";

export const ACCESS_CODE_LIMITS = {
  /** One person trying codes, whichever network they use. */
  perUserPerMinute: 10,
  /**
   * One address, signed in or not. Higher than per person because a delegation behind one
   * office or city-hall NAT may open the same partner link at the same moment.
   */
  perIpPerMinute: 30,
} as const;

/** Counts one access-code attempt; throws RATE_LIMITED (with retryAfter) past either limit. */
export async function limitAccessCodeAttempts(clientIp: string, userId: string | null, now: Date = new Date()): Promise<void> {
  if (userId) await hitRateLimit({ key: `access-code:user:${userId}`, limit: ACCESS_CODE_LIMITS.perUserPerMinute, windowSeconds: 60 }, now);
  await hitRateLimit({ key: `access-code:ip:${clientIp}`, limit: ACCESS_CODE_LIMITS.perIpPerMinute, windowSeconds: 60 }, now);
}
