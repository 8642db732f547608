import { describe, expect, it } from "vitest";
import { resolveLocalDateTime } from "./local-time";

describe("resolveLocalDateTime", () => {
  it("reads a typed value or a wall time in the zone", () => {
    expect(resolveLocalDateTime("2026-01-15T09:30", "Europe/Helsinki")).toEqual({ ok: true, instant: new Date("2026-01-15T07:30:00Z") });
    expect(resolveLocalDateTime({ year: 2026, month: 1, day: 15, hour: 9, minute: 30 }, "Europe/Lisbon")).toEqual({
      ok: true,
      instant: new Date("2026-01-15T09:30:00Z"),
    });
  });

  it("refuses wall times inside each zone's spring gap, and accepts the minutes either side", () => {
    const gaps: Array<[string, string, string, string]> = [
      ["Europe/Lisbon", "2026-03-29T01:30", "2026-03-29T00:59", "2026-03-29T02:00"],
      ["Europe/Paris", "2026-03-29T02:00", "2026-03-29T01:59", "2026-03-29T03:00"],
      ["Europe/Helsinki", "2026-03-29T03:45", "2026-03-29T02:59", "2026-03-29T04:00"],
    ];
    for (const [zone, inGap, before, after] of gaps) {
      expect(resolveLocalDateTime(inGap, zone)).toMatchObject({ ok: false, reason: "SKIPPED_BY_CLOCK_CHANGE" });
      expect(resolveLocalDateTime(before, zone).ok).toBe(true);
      expect(resolveLocalDateTime(after, zone)).toEqual({ ok: true, instant: new Date("2026-03-29T01:00:00Z") });
    }
  });

  it("resolves the repeated autumn hour to its first occurrence", () => {
    expect(resolveLocalDateTime("2026-10-25T01:30", "Europe/Lisbon")).toEqual({ ok: true, instant: new Date("2026-10-25T00:30:00Z") });
    expect(resolveLocalDateTime("2026-10-25T03:30", "Europe/Helsinki")).toEqual({ ok: true, instant: new Date("2026-10-25T00:30:00Z") });
  });

  it("refuses values that are not dates", () => {
    expect(resolveLocalDateTime("2026-13-01T10:00", "Europe/Paris")).toMatchObject({ ok: false, reason: "INVALID" });
    expect(resolveLocalDateTime("", "Europe/Paris")).toMatchObject({ ok: false, reason: "INVALID" });
  });
});
