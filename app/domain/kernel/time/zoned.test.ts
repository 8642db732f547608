import { describe, expect, it } from "vitest";
import { formatRange, fromWallTime, offsetMinutes, parseLocalDateTime, toWallTime } from "./zoned";

describe("wall time ↔ instant", () => {
  it("round-trips ordinary times in several zones", () => {
    for (const zone of ["Europe/Lisbon", "Europe/Paris", "Europe/Helsinki", "America/New_York", "UTC"]) {
      const instant = fromWallTime({ year: 2026, month: 6, day: 15, hour: 9, minute: 30 }, zone);
      expect(toWallTime(instant, zone)).toMatchObject({ year: 2026, month: 6, day: 15, hour: 9, minute: 30 });
    }
  });

  it("knows the summer offsets", () => {
    const july = new Date("2026-07-01T12:00:00Z");
    expect(offsetMinutes(july, "Europe/Lisbon")).toBe(60);
    expect(offsetMinutes(july, "Europe/Paris")).toBe(120);
    expect(offsetMinutes(july, "Europe/Helsinki")).toBe(180);
  });

  it("pushes a wall time inside the spring-forward gap past the gap (Paris, 29 Mar 2026)", () => {
    const instant = fromWallTime({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, "Europe/Paris");
    expect(instant.toISOString()).toBe("2026-03-29T01:30:00.000Z"); // 03:30 CEST
  });

  it("takes the earlier instant of an autumn overlap (Helsinki, 25 Oct 2026, 03:30 twice)", () => {
    const instant = fromWallTime({ year: 2026, month: 10, day: 25, hour: 3, minute: 30 }, "Europe/Helsinki");
    expect(instant.toISOString()).toBe("2026-10-25T00:30:00.000Z"); // 03:30 EEST
  });

  it("parses datetime-local values strictly", () => {
    expect(parseLocalDateTime("2026-02-30T10:00")).toBeNull();
    expect(parseLocalDateTime("2026-02-03T25:00")).toBeNull();
    expect(parseLocalDateTime("nonsense")).toBeNull();
    expect(parseLocalDateTime("2026-02-03T10:05")).toEqual({ year: 2026, month: 2, day: 3, hour: 10, minute: 5, second: 0 });
  });

  it("formats a same-day range with the zone abbreviation of the day (Lisbon, DST day)", () => {
    const start = new Date("2026-03-29T08:00:00Z");
    const end = new Date("2026-03-29T16:00:00Z");
    expect(formatRange(start, end, "Europe/Lisbon")).toBe("Sun, 29 Mar 2026, 09:00–17:00 WEST");
  });
});
