import { describe, expect, it } from "vitest";
import { allDayRange, formatBasicDate, formatBasicUtcDateTime, formatExtendedDate } from "./all-day";

describe("allDayRange", () => {
  it("treats an end at local midnight as already exclusive", () => {
    // 00:00 Paris (summer) on 12 and 13 May.
    const range = allDayRange(new Date("2026-05-11T22:00:00Z"), new Date("2026-05-12T22:00:00Z"), "Europe/Paris");
    expect(range).toEqual({ startDate: [2026, 5, 12], endDateExclusive: [2026, 5, 13] });
  });

  it("includes the last day when the item ends during it, across month and year ends", () => {
    const range = allDayRange(new Date("2026-12-30T09:00:00Z"), new Date("2026-12-31T17:00:00Z"), "Europe/Lisbon");
    expect(range).toEqual({ startDate: [2026, 12, 30], endDateExclusive: [2027, 1, 1] });
  });

  it("decides the day in the given zone, not in UTC", () => {
    const instant = new Date("2026-05-11T23:30:00Z");
    expect(allDayRange(instant, instant, "Europe/Helsinki").startDate).toEqual([2026, 5, 12]);
    expect(allDayRange(instant, instant, "Europe/Lisbon").startDate).toEqual([2026, 5, 12]);
    expect(allDayRange(instant, instant, "UTC").startDate).toEqual([2026, 5, 11]);
  });

  it("handles the spring-forward day (23 hours long)", () => {
    // Warsaw: 29 Mar 2026 00:00 is 23:00Z on the 28th; 30 Mar 00:00 is 22:00Z on the 29th.
    const range = allDayRange(new Date("2026-03-28T23:00:00Z"), new Date("2026-03-29T22:00:00Z"), "Europe/Warsaw");
    expect(range).toEqual({ startDate: [2026, 3, 29], endDateExclusive: [2026, 3, 30] });
  });
});

describe("date formats", () => {
  it("formats dates and UTC instants", () => {
    expect(formatBasicDate([2026, 5, 3])).toBe("20260503");
    expect(formatExtendedDate([2026, 5, 3])).toBe("2026-05-03");
    expect(formatBasicUtcDateTime(new Date("2026-05-03T07:08:09.999Z"))).toBe("20260503T070809Z");
  });
});
