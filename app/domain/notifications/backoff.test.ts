import { describe, expect, it } from "vitest";
import { BASE_DELAY_MS, MAX_DELAY_MS, MAX_EMAIL_ATTEMPTS, delayBounds, nextAttemptAt, nextAttemptDelay, shouldGiveUp } from "./backoff";

const lowest = () => 0;
const highest = () => 0.999_999_999;

describe("delayBounds", () => {
  it("doubles from 30 s and keeps the lower bound at half the upper", () => {
    expect(delayBounds(1)).toEqual({ minMs: 15_000, maxMs: 30_000 });
    expect(delayBounds(2)).toEqual({ minMs: 30_000, maxMs: 60_000 });
    expect(delayBounds(3)).toEqual({ minMs: 60_000, maxMs: 120_000 });
    expect(delayBounds(7)).toEqual({ minMs: 960_000, maxMs: 1_920_000 });
  });

  it("is capped at an hour, even for absurd attempt counts", () => {
    expect(delayBounds(8)).toEqual({ minMs: MAX_DELAY_MS / 2, maxMs: MAX_DELAY_MS });
    expect(delayBounds(10_000)).toEqual({ minMs: MAX_DELAY_MS / 2, maxMs: MAX_DELAY_MS });
  });

  it("never shrinks from one attempt to the next", () => {
    for (let attempts = 1; attempts < 40; attempts++) {
      const now = delayBounds(attempts);
      const later = delayBounds(attempts + 1);
      expect(later.minMs).toBeGreaterThanOrEqual(now.minMs);
      expect(later.maxMs).toBeGreaterThanOrEqual(now.maxMs);
    }
  });

  it("refuses attempt counts that make no sense", () => {
    for (const attempts of [0, -1, 1.5, Number.NaN]) expect(() => delayBounds(attempts)).toThrow(RangeError);
  });
});

describe("nextAttemptDelay", () => {
  it("stays within the bounds at both ends of the jitter", () => {
    for (let attempts = 1; attempts <= MAX_EMAIL_ATTEMPTS; attempts++) {
      const { minMs, maxMs } = delayBounds(attempts);
      expect(nextAttemptDelay(attempts, lowest)).toBe(minMs);
      expect(nextAttemptDelay(attempts, highest)).toBe(maxMs);
    }
  });

  it("spreads real random delays across the range", () => {
    const delays = Array.from({ length: 2_000 }, () => nextAttemptDelay(4));
    const { minMs, maxMs } = delayBounds(4);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(minMs);
      expect(delay).toBeLessThanOrEqual(maxMs);
    }
    // Two thousand draws from a uniform range land in both halves of it.
    const middle = (minMs + maxMs) / 2;
    expect(delays.some((delay) => delay < middle)).toBe(true);
    expect(delays.some((delay) => delay > middle)).toBe(true);
  });

  it("tolerates a random source that strays outside [0, 1)", () => {
    expect(nextAttemptDelay(1, () => -3)).toBe(BASE_DELAY_MS / 2);
    expect(nextAttemptDelay(1, () => 7)).toBe(BASE_DELAY_MS);
  });
});

describe("giving up", () => {
  it(`retries until ${MAX_EMAIL_ATTEMPTS} failed attempts, then stops`, () => {
    expect(shouldGiveUp(MAX_EMAIL_ATTEMPTS - 1)).toBe(false);
    expect(shouldGiveUp(MAX_EMAIL_ATTEMPTS)).toBe(true);
    const now = new Date("2026-05-10T10:00:00Z");
    expect(nextAttemptAt(now, 1, lowest)?.toISOString()).toBe("2026-05-10T10:00:15.000Z");
    expect(nextAttemptAt(now, MAX_EMAIL_ATTEMPTS, lowest)).toBeNull();
  });

  it("keeps retrying for several hours in total, enough to ride out an SMTP outage", () => {
    let shortest = 0;
    let longest = 0;
    for (let attempts = 1; attempts < MAX_EMAIL_ATTEMPTS; attempts++) {
      shortest += delayBounds(attempts).minMs;
      longest += delayBounds(attempts).maxMs;
    }
    expect(shortest).toBeGreaterThan(6 * 3_600_000);
    expect(longest).toBeLessThan(14 * 3_600_000);
  });
});
