import { describe, expect, it } from "vitest";
import { fromWallTime, parseLocalDateTime } from "~/domain/kernel/time/zoned";
import { dayBounds, layoutTimetable, moveSession, resizeSession, resizeSessionBy, shiftSession, type TimetableInput, type TimetableSession } from "./timetable";

const at = (local: string, zone: string) => fromWallTime(parseLocalDateTime(local)!, zone);
const rooms = [
  { id: "r1", name: "Auditorium" },
  { id: "r2", name: "Workshop room" },
];

function layout(zone: string, day: string, sessions: TimetableSession[] = [], extra: Partial<TimetableInput<TimetableSession>> = {}) {
  return layoutTimetable({ day, timeZone: zone, columnKind: "room", columns: rooms, sessions, ...extra });
}

function session(id: string, zone: string, from: string, to: string, extra: Partial<TimetableSession> = {}): TimetableSession {
  return { id, startsAt: at(from, zone), endsAt: at(to, zone), roomId: "r1", ...extra };
}

describe("layoutTimetable — ordinary day", () => {
  const zone = "Europe/Paris";

  it("has one row per 15 minutes of the day, labelled on the wall clock", () => {
    const { rows, startsAt, endsAt } = layout(zone, "2026-06-15");
    expect(rows).toHaveLength(96);
    expect(rows[0]).toMatchObject({ index: 0, time: "00:00", label: "00:00", zone: "CEST", repeated: false, afterClockChange: false, onTheHour: true });
    expect(rows[41]).toMatchObject({ time: "10:15", label: "10:15", onTheHour: false });
    expect(rows[95].time).toBe("23:45");
    expect(startsAt.toISOString()).toBe("2026-06-14T22:00:00.000Z");
    expect(endsAt.toISOString()).toBe("2026-06-15T22:00:00.000Z");
    expect(rows[95].endsAt).toEqual(endsAt);
  });

  it("places a session in its room's column, at its start row, as many rows tall as it lasts", () => {
    const { placements, unassigned } = layout(zone, "2026-06-15", [
      session("keynote", zone, "2026-06-15T10:00", "2026-06-15T11:30"),
      session("workshop", zone, "2026-06-15T14:15", "2026-06-15T16:00", { roomId: "r2" }),
    ]);
    expect(unassigned).toEqual([]);
    expect(placements.map((p) => [p.session.id, p.columnId, p.columnIndex, p.startRow, p.rowSpan])).toEqual([
      ["keynote", "r1", 0, 40, 6],
      ["workshop", "r2", 1, 57, 7],
    ]);
    expect(placements[0]).toMatchObject({ lane: 0, laneCount: 1, startsBeforeView: false, endsAfterView: false });
  });

  it("rounds sessions off the grid outwards and keeps very short ones one row tall", () => {
    const { placements } = layout(zone, "2026-06-15", [
      session("odd", zone, "2026-06-15T10:10", "2026-06-15T10:50"),
      session("short", zone, "2026-06-15T12:00", "2026-06-15T12:05"),
    ]);
    expect(placements.map((p) => [p.session.id, p.startRow, p.rowSpan])).toEqual([
      ["odd", 40, 4], // 10:00–11:00: four rows partly covered
      ["short", 48, 1],
    ]);
  });

  it("uses tracks as columns when asked", () => {
    const { placements } = layoutTimetable({
      day: "2026-06-15",
      timeZone: zone,
      columnKind: "track",
      columns: [
        { id: "t-mobility", name: "Mobility" },
        { id: "t-energy", name: "Energy" },
      ],
      sessions: [session("talk", zone, "2026-06-15T09:00", "2026-06-15T09:30", { roomId: "r1", trackId: "t-energy" })],
    });
    expect(placements[0]).toMatchObject({ columnId: "t-energy", columnIndex: 1, startRow: 36, rowSpan: 2 });
  });

  it("lists sessions without a known column separately instead of dropping them", () => {
    const { placements, unassigned } = layout(zone, "2026-06-15", [
      session("online", zone, "2026-06-15T09:00", "2026-06-15T10:00", { roomId: null }),
      session("elsewhere", zone, "2026-06-15T09:00", "2026-06-15T10:00", { roomId: "deleted-room" }),
    ]);
    expect(placements).toEqual([]);
    expect(unassigned.map((p) => [p.session.id, p.columnId, p.columnIndex, p.startRow, p.lane, p.laneCount])).toEqual([
      ["elsewhere", null, null, 36, 0, 2],
      ["online", null, null, 36, 1, 2],
    ]);
  });

  it("supports other granularities", () => {
    const { rows, placements } = layout(zone, "2026-06-15", [session("s", zone, "2026-06-15T10:00", "2026-06-15T11:30")], { granularityMinutes: 30 });
    expect(rows).toHaveLength(48);
    expect(placements[0]).toMatchObject({ startRow: 20, rowSpan: 3 });
  });

  it("shows a wall-clock window of the day and clips to it", () => {
    const { rows, placements } = layout(
      zone,
      "2026-06-15",
      [
        session("breakfast", zone, "2026-06-15T07:30", "2026-06-15T08:30"),
        session("night", zone, "2026-06-15T21:00", "2026-06-15T22:00"),
        session("dinner", zone, "2026-06-15T19:30", "2026-06-15T21:00", { roomId: "r2" }),
      ],
      { window: { from: "08:00", to: "20:00" } },
    );
    expect(rows).toHaveLength(48);
    expect(rows[0].time).toBe("08:00");
    expect(rows[47].time).toBe("19:45");
    expect(placements.map((p) => [p.session.id, p.startRow, p.rowSpan, p.startsBeforeView, p.endsAfterView])).toEqual([
      ["breakfast", 0, 2, true, false],
      ["dinner", 46, 2, false, true],
    ]);
  });

  it("accepts 24:00 as the end of the window", () => {
    expect(layout(zone, "2026-06-15", [], { window: { from: "18:00", to: "24:00" } }).rows).toHaveLength(24);
  });
});

describe("layoutTimetable — sessions across midnight", () => {
  const zone = "Europe/Helsinki";
  const party = session("party", zone, "2026-06-14T23:00", "2026-06-15T01:00");

  it("clips a session to the end of its first day", () => {
    const { placements } = layout(zone, "2026-06-14", [party]);
    expect(placements[0]).toMatchObject({ startRow: 92, rowSpan: 4, startsBeforeView: false, endsAfterView: true });
  });

  it("shows the rest of it at the top of the next day", () => {
    const { placements } = layout(zone, "2026-06-15", [party]);
    expect(placements[0]).toMatchObject({ startRow: 0, rowSpan: 4, startsBeforeView: true, endsAfterView: false });
  });

  it("leaves out sessions on other days, including one ending exactly at midnight", () => {
    const { placements } = layout(zone, "2026-06-15", [
      session("yesterday", zone, "2026-06-14T22:00", "2026-06-15T00:00"),
      session("tomorrow", zone, "2026-06-16T00:00", "2026-06-16T01:00"),
    ]);
    expect(placements).toEqual([]);
  });
});

describe("layoutTimetable — spring forward (clocks skip an hour)", () => {
  it("Europe/Paris, 29 Mar 2026: 01:45 CET is followed by 03:00 CEST; the day has 23 hours", () => {
    const { rows } = layout("Europe/Paris", "2026-03-29");
    expect(rows).toHaveLength(92);
    expect(rows.slice(6, 10).map((r) => [r.label, r.zone, r.afterClockChange])).toEqual([
      ["01:30", "CET", false],
      ["01:45", "CET", false],
      ["03:00", "CEST", true],
      ["03:15", "CEST", false],
    ]);
    expect(rows.some((r) => r.time.startsWith("02:"))).toBe(false);
    expect(rows.filter((r) => r.repeated)).toEqual([]);
    expect(rows[91].time).toBe("23:45");
  });

  it("Europe/Lisbon, 29 Mar 2026: 00:45 WET is followed by 02:00 WEST", () => {
    const { rows } = layout("Europe/Lisbon", "2026-03-29");
    expect(rows).toHaveLength(92);
    expect(rows.slice(3, 5).map((r) => [r.label, r.zone, r.afterClockChange])).toEqual([
      ["00:45", "WET", false],
      ["02:00", "WEST", true],
    ]);
  });

  it("Europe/Helsinki, 29 Mar 2026: 02:45 EET is followed by 04:00 EEST", () => {
    const { rows } = layout("Europe/Helsinki", "2026-03-29");
    expect(rows).toHaveLength(92);
    expect(rows.slice(11, 13).map((r) => [r.label, r.zone, r.afterClockChange])).toEqual([
      ["02:45", "EET", false],
      ["04:00", "EEST", true],
    ]);
  });

  it("draws a session across the gap as tall as its real length", () => {
    // 01:30 CET → 03:30 CEST is one real hour although the wall clock moved two.
    const zone = "Europe/Paris";
    const { placements } = layout(zone, "2026-03-29", [session("s", zone, "2026-03-29T01:30", "2026-03-29T03:30")]);
    expect(placements[0]).toMatchObject({ startRow: 6, rowSpan: 4 });
  });

  it("uses a coarser granularity across the gap too", () => {
    const { rows } = layout("Europe/Paris", "2026-03-29", [], { granularityMinutes: 60 });
    expect(rows.map((r) => r.time).slice(0, 4)).toEqual(["00:00", "01:00", "03:00", "04:00"]);
    expect(rows).toHaveLength(23);
  });
});

describe("layoutTimetable — fall back (clocks repeat an hour)", () => {
  it("Europe/Paris, 25 Oct 2026: 02:00–03:00 appears twice, told apart by zone; the day has 25 hours", () => {
    const { rows } = layout("Europe/Paris", "2026-10-25");
    expect(rows).toHaveLength(100);
    expect(rows.slice(7, 17).map((r) => r.label)).toEqual([
      "01:45",
      "02:00 CEST",
      "02:15 CEST",
      "02:30 CEST",
      "02:45 CEST",
      "02:00 CET",
      "02:15 CET",
      "02:30 CET",
      "02:45 CET",
      "03:00",
    ]);
    expect(rows.filter((r) => r.repeated)).toHaveLength(8);
    expect(rows.filter((r) => r.afterClockChange).map((r) => r.index)).toEqual([12]);
    expect(rows[99].time).toBe("23:45");
  });

  it("Europe/Lisbon, 25 Oct 2026: 01:00–02:00 appears twice (WEST then WET)", () => {
    const { rows } = layout("Europe/Lisbon", "2026-10-25");
    expect(rows).toHaveLength(100);
    expect(rows.slice(3, 13).map((r) => r.label)).toEqual([
      "00:45",
      "01:00 WEST",
      "01:15 WEST",
      "01:30 WEST",
      "01:45 WEST",
      "01:00 WET",
      "01:15 WET",
      "01:30 WET",
      "01:45 WET",
      "02:00",
    ]);
  });

  it("Europe/Helsinki, 25 Oct 2026: 03:00–04:00 appears twice (EEST then EET)", () => {
    const { rows } = layout("Europe/Helsinki", "2026-10-25");
    expect(rows).toHaveLength(100);
    expect(rows.filter((r) => r.repeated).map((r) => r.label)).toEqual([
      "03:00 EEST",
      "03:15 EEST",
      "03:30 EEST",
      "03:45 EEST",
      "03:00 EET",
      "03:15 EET",
      "03:30 EET",
      "03:45 EET",
    ]);
    expect(rows[20].label).toBe("04:00");
  });

  it("places a session in the second 02:30 on the second set of rows", () => {
    const zone = "Europe/Paris";
    const secondHalfPastTwo = new Date("2026-10-25T01:30:00Z"); // 02:30 CET
    const firstHalfPastTwo = new Date("2026-10-25T00:30:00Z"); // 02:30 CEST
    const { placements } = layout(zone, "2026-10-25", [
      { id: "late", startsAt: secondHalfPastTwo, endsAt: new Date(secondHalfPastTwo.getTime() + 30 * 60_000), roomId: "r1" },
      { id: "early", startsAt: firstHalfPastTwo, endsAt: new Date(firstHalfPastTwo.getTime() + 30 * 60_000), roomId: "r2" },
    ]);
    expect(placements.map((p) => [p.session.id, p.startRow, p.rowSpan])).toEqual([
      ["late", 14, 2],
      ["early", 10, 2],
    ]);
  });

  it("draws a session across the repeated hour as tall as its real length", () => {
    // 01:30 CEST → 03:00 CET is two and a half real hours.
    const zone = "Europe/Paris";
    const { placements } = layout(zone, "2026-10-25", [session("s", zone, "2026-10-25T01:30", "2026-10-25T03:00")]);
    expect(placements[0]).toMatchObject({ startRow: 6, rowSpan: 10 });
  });
});

describe("layoutTimetable — lanes for sessions sharing a column", () => {
  const zone = "Europe/Paris";

  it("puts overlapping sessions side by side and keeps later ones full width", () => {
    const { placements } = layout(zone, "2026-06-15", [
      session("a", zone, "2026-06-15T10:00", "2026-06-15T11:00"),
      session("b", zone, "2026-06-15T10:30", "2026-06-15T11:30"),
      session("c", zone, "2026-06-15T11:00", "2026-06-15T12:00"),
      session("d", zone, "2026-06-15T13:00", "2026-06-15T14:00"),
    ]);
    // a, b, c form one group (a–b and b–c overlap); c reuses a's lane once a has ended.
    expect(placements.map((p) => [p.session.id, p.lane, p.laneCount])).toEqual([
      ["a", 0, 2],
      ["b", 1, 2],
      ["c", 0, 2],
      ["d", 0, 1],
    ]);
  });

  it("keeps touching sessions in one lane, but splits sessions that share a grid row", () => {
    const touching = layout(zone, "2026-06-15", [
      session("a", zone, "2026-06-15T10:00", "2026-06-15T10:30"),
      session("b", zone, "2026-06-15T10:30", "2026-06-15T11:00"),
    ]);
    expect(touching.placements.map((p) => p.laneCount)).toEqual([1, 1]);
    // 10:00–10:05 and 10:05–10:10 do not overlap but would be drawn in the same 15-minute cell.
    const sameCell = layout(zone, "2026-06-15", [
      session("a", zone, "2026-06-15T10:00", "2026-06-15T10:05"),
      session("b", zone, "2026-06-15T10:05", "2026-06-15T10:10"),
    ]);
    expect(sameCell.placements.map((p) => [p.lane, p.laneCount])).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it("draws a session that ends before it starts as a single row so it can be found and fixed", () => {
    const { placements } = layout(zone, "2026-06-15", [session("bad", zone, "2026-06-15T10:00", "2026-06-15T09:00")]);
    expect(placements[0]).toMatchObject({ startRow: 40, rowSpan: 1 });
  });
});

describe("layoutTimetable — bad arguments", () => {
  it("refuses impossible days, granularities and windows", () => {
    expect(() => layout("Europe/Paris", "2026-02-30")).toThrow(RangeError);
    expect(() => layout("Europe/Paris", "15/06/2026")).toThrow(RangeError);
    expect(() => layout("Europe/Paris", "2026-06-15", [], { granularityMinutes: 0 })).toThrow(RangeError);
    expect(() => layout("Europe/Paris", "2026-06-15", [], { granularityMinutes: 7.5 })).toThrow(RangeError);
    expect(() => layout("Europe/Paris", "2026-06-15", [], { window: { from: "20:00", to: "08:00" } })).toThrow(RangeError);
    expect(() => layout("Europe/Paris", "2026-06-15", [], { window: { from: "8:00", to: "24:30" } })).toThrow(RangeError);
  });
});

describe("dayBounds", () => {
  it("gives the real span of a day in the zone", () => {
    const spring = dayBounds("2026-03-29", "Europe/Lisbon");
    expect(spring.startsAt.toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(spring.endsAt.toISOString()).toBe("2026-03-29T23:00:00.000Z");
    const autumn = dayBounds("2026-10-25", "Europe/Helsinki");
    expect((autumn.endsAt.getTime() - autumn.startsAt.getTime()) / 3_600_000).toBe(25);
  });
});

describe("moveSession / resizeSession", () => {
  const zone = "Europe/Paris";
  const hourLong = { startsAt: at("2026-03-27T10:00", zone), endsAt: at("2026-03-27T11:00", zone) };

  it("moves to a typed wall time and keeps the length in real minutes across the spring change", () => {
    const moved = moveSession(hourLong, "2026-03-29T01:30", zone);
    expect(moved).toEqual({ ok: true, startsAt: new Date("2026-03-29T00:30:00Z"), endsAt: new Date("2026-03-29T01:30:00Z") });
    // …which the wall clock reads as 01:30 CET → 03:30 CEST.
  });

  it("keeps the length in real minutes across the autumn change", () => {
    const moved = moveSession(hourLong, { year: 2026, month: 10, day: 25, hour: 1, minute: 30 }, zone);
    expect(moved).toEqual({ ok: true, startsAt: new Date("2026-10-24T23:30:00Z"), endsAt: new Date("2026-10-25T00:30:00Z") });
  });

  it("takes the first of a repeated wall time when typed, and an exact instant when dropped on a row", () => {
    const typed = moveSession(hourLong, "2026-10-25T02:30", zone);
    expect(typed.ok && typed.startsAt.toISOString()).toBe("2026-10-25T00:30:00.000Z"); // 02:30 CEST
    const row = layout(zone, "2026-10-25").rows.find((r) => r.label === "02:30 CET")!;
    const dropped = moveSession(hourLong, row.startsAt, zone);
    expect(dropped).toEqual({ ok: true, startsAt: new Date("2026-10-25T01:30:00Z"), endsAt: new Date("2026-10-25T02:30:00Z") });
  });

  it("refuses wall times that do not exist or do not parse", () => {
    const skipped = moveSession(hourLong, "2026-03-29T02:30", zone);
    expect(skipped).toEqual({ ok: false, error: expect.stringContaining("2026-03-29 02:30 does not exist in Europe/Paris") });
    expect(moveSession(hourLong, "tomorrow", zone).ok).toBe(false);
    expect(moveSession(hourLong, new Date(Number.NaN), zone).ok).toBe(false);
  });

  it("resizes to a typed end, counting real minutes across the gap", () => {
    const session = { startsAt: at("2026-03-29T01:00", zone), endsAt: at("2026-03-29T01:30", zone) };
    const resized = resizeSession(session, "2026-03-29T03:00", zone);
    expect(resized.ok && (resized.endsAt.getTime() - resized.startsAt.getTime()) / 60_000).toBe(60);
  });

  it("refuses to resize below the minimum length or before the start", () => {
    expect(resizeSession(hourLong, "2026-03-27T09:00", zone)).toEqual({ ok: false, error: expect.stringContaining("at least 5 minutes") });
    expect(resizeSession(hourLong, "2026-03-27T10:10", zone, 15).ok).toBe(false);
    expect(resizeSession(hourLong, "2026-03-27T10:15", zone, 15).ok).toBe(true);
  });

  it("nudges by real minutes for keyboard use", () => {
    expect(shiftSession(hourLong, -15)).toEqual({ startsAt: at("2026-03-27T09:45", zone), endsAt: at("2026-03-27T10:45", zone) });
    expect(resizeSessionBy(hourLong, 30)).toEqual({ ok: true, startsAt: hourLong.startsAt, endsAt: at("2026-03-27T11:30", zone) });
    expect(resizeSessionBy(hourLong, -60).ok).toBe(false);
  });
});

describe("editor days and visible hours", () => {
  it("offers every calendar day of the event in its zone, plus days holding sessions", async () => {
    const { editorDays } = await import("./timetable");
    const event = { startsAt: new Date("2026-10-24T07:00:00Z"), endsAt: new Date("2026-10-25T15:00:00Z"), timeZone: "Europe/Helsinki" };
    expect(editorDays(event, [{ startsAt: new Date("2026-10-27T08:00:00Z") }])).toEqual(["2026-10-24", "2026-10-25", "2026-10-27"]);
  });

  it("shows 08:00–19:00 by default and widens to the day's sessions", async () => {
    const { editorDayWindow } = await import("./timetable");
    expect(editorDayWindow("2026-03-29", "Europe/Paris", [])).toEqual({ from: "08:00", to: "19:00" });
    const early = { startsAt: new Date("2026-03-29T05:00:00Z"), endsAt: new Date("2026-03-29T19:30:00Z") }; // 07:00–21:30 CEST
    expect(editorDayWindow("2026-03-29", "Europe/Paris", [early])).toEqual({ from: "07:00", to: "22:00" });
  });
});
