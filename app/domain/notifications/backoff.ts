// When to try sending an outbox email again after a failure.
//
// Exponential backoff so a struggling SMTP server is not hammered, capped so a long outage is
// still retried at a steady pace, and jittered so that after an outage the emails queued
// meanwhile — on every app node — do not all retry in the same second.
//
// "Equal jitter": the delay is drawn uniformly from [half, all] of the exponential step, which
// keeps a guaranteed minimum wait (unlike full jitter) while still spreading retries out.

/** First retry after about 30 s (between 15 s and 30 s with jitter). */
export const BASE_DELAY_MS = 30_000;

/** No single wait is longer than an hour. */
export const MAX_DELAY_MS = 60 * 60_000;

/**
 * After this many failed attempts the email is marked FAILED and left for an admin to look at.
 * With the delays above, 20 attempts span roughly 6½ to 13 hours — long enough to ride out an
 * SMTP outage of a working day without keeping a hopeless email in the queue forever.
 */
export const MAX_EMAIL_ATTEMPTS = 20;

export interface DelayBounds {
  minMs: number;
  maxMs: number;
}

function checkAttempts(attempts: number): void {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts counts failed attempts so far and must be ≥ 1, got ${attempts}`);
}

/** The range the delay after `attempts` failed attempts is drawn from. */
export function delayBounds(attempts: number): DelayBounds {
  checkAttempts(attempts);
  // Cap the exponent as well as the result, so a huge attempt count cannot overflow to Infinity.
  const exponential = BASE_DELAY_MS * 2 ** Math.min(attempts - 1, 30);
  const maxMs = Math.min(MAX_DELAY_MS, exponential);
  return { minMs: Math.ceil(maxMs / 2), maxMs };
}

/**
 * Milliseconds to wait after `attempts` failed attempts (1 after the first failure).
 * `random` returns a number in [0, 1); injectable so tests are deterministic.
 */
export function nextAttemptDelay(attempts: number, random: () => number = Math.random): number {
  const { minMs, maxMs } = delayBounds(attempts);
  const fraction = Math.min(Math.max(random(), 0), 1);
  return Math.round(minMs + fraction * (maxMs - minMs));
}

/** Whether an email that has failed `attempts` times should be given up on. */
export function shouldGiveUp(attempts: number): boolean {
  return attempts >= MAX_EMAIL_ATTEMPTS;
}

/** The instant of the next attempt, or null when it is time to give up. */
export function nextAttemptAt(now: Date, attempts: number, random: () => number = Math.random): Date | null {
  if (shouldGiveUp(attempts)) return null;
  return new Date(now.getTime() + nextAttemptDelay(attempts, random));
}
