import { describe, expect, it } from "vitest";
import { MIN_OFFER_MINUTES, OFFER_HOURS, offerExpiry } from "./waitlist-rules";

const now = new Date("2026-05-10T10:00:00Z");
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);

describe("offerExpiry", () => {
  it("gives a day when the event is far away", () => {
    expect(offerExpiry(now, { startsAt: hours(240), endsAt: hours(248) })).toEqual(hours(OFFER_HOURS));
  });
  it("ends at the event start when that comes first, with a minimum window", () => {
    expect(offerExpiry(now, { startsAt: hours(3), endsAt: hours(8) })).toEqual(hours(3));
    expect(offerExpiry(now, { startsAt: hours(-1), endsAt: hours(8) })).toEqual(new Date(now.getTime() + MIN_OFFER_MINUTES * 60_000));
  });
  it("makes no offer once the event is over", () => {
    expect(offerExpiry(now, { startsAt: hours(-8), endsAt: now })).toBeNull();
  });
});
