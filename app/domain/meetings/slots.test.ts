import { describe, expect, it } from "vitest";
import { DomainError } from "~/domain/kernel/errors";
import { fromWallTime, type WallTime } from "~/domain/kernel/time/zoned";
import {
  assertValidAvailabilityWindows,
  availabilityError,
  durationMinutes,
  expandAvailabilities,
  expandAvailability,
  groupSlotsByDay,
  intervalsOverlap,
  labelInterval,
  validateAvailabilityWindows,
  type HostAvailabilityWindow,
  type StopSchedule,
} from "./slots";

const LISBON = "Europe/Lisbon";
const HELSINKI = "Europe/Helsinki";

function wall(zone: string, year: number, month: number, day: number, hour: number, minute = 0): Date {
  const time: WallTime = { year, month, day, hour, minute };
  return fromWallTime(time, zone);
}

const at = (iso: string) => new Date(iso);

describe("intervalsOverlap", () => {
  const nine = { startsAt: at("2026-05-04T09:00:00Z"), endsAt: at("2026-05-04T09:30:00Z") };
  it("treats intervals as half-open: back-to-back is not an overlap", () => {
    expect(intervalsOverlap(nine, { startsAt: at("2026-05-04T09:30:00Z"), endsAt: at("2026-05-04T10:00:00Z") })).toBe(false);
    expect(intervalsOverlap(nine, { startsAt: at("2026-05-04T08:30:00Z"), endsAt: at("2026-05-04T09:00:00Z") })).toBe(false);
  });
  it("sees partial, containing and identical overlaps both ways round", () => {
    const partial = { startsAt: at("2026-05-04T09:29:00Z"), endsAt: at("2026-05-04T10:00:00Z") };
    const containing = { startsAt: at("2026-05-04T08:00:00Z"), endsAt: at("2026-05-04T12:00:00Z") };
    for (const other of [partial, containing, nine]) {
      expect(intervalsOverlap(nine, other)).toBe(true);
      expect(intervalsOverlap(other, nine)).toBe(true);
    }
  });
});

describe("expandAvailability", () => {
  const morning = {
    startsAt: at("2026-05-04T08:00:00Z"), // 09:00 in Lisbon (WEST)
    endsAt: at("2026-05-04T11:00:00Z"),
    slotMinutes: 30,
    bufferMinutes: 0,
  };

  it("splits a window into back-to-back slots labelled in the stop's zone", () => {
    const slots = expandAvailability(morning, { timeZone: LISBON });
    expect(slots.map((slot) => slot.label)).toEqual(["09:00–09:30", "09:30–10:00", "10:00–10:30", "10:30–11:00", "11:00–11:30", "11:30–12:00"]);
    expect(slots.every((slot) => slot.day === "2026-05-04" && slot.status === "FREE" && slot.zoneName === "WEST")).toBe(true);
  });

  it("labels the same slots in the viewer's own zone on request", () => {
    const slots = expandAvailability(morning, { timeZone: HELSINKI });
    expect(slots[0].label).toBe("11:00–11:30");
    expect(labelInterval(slots[0], "America/New_York")).toEqual({ day: "2026-05-04", label: "04:00–04:30", zoneName: "GMT-4" });
  });

  it("leaves the buffer between slots and never lets the last slot run past the window", () => {
    const slots = expandAvailability({ ...morning, slotMinutes: 25, bufferMinutes: 10 }, { timeZone: LISBON });
    // Starts every 35 min: 09:00, 09:35, 10:10, 10:45, 11:20 (ends 11:45), 11:55 would end 12:20 > 12:00.
    expect(slots.map((slot) => slot.label)).toEqual(["09:00–09:25", "09:35–10:00", "10:10–10:35", "10:45–11:10", "11:20–11:45"]);
    expect(slots.every((slot) => durationMinutes(slot) === 25)).toBe(true);
  });

  it("allows the buffer of the last slot to fall outside the window", () => {
    const slots = expandAvailability({ ...morning, endsAt: at("2026-05-04T09:00:00Z"), bufferMinutes: 30 }, { timeZone: LISBON });
    expect(slots.map((slot) => slot.label)).toEqual(["09:00–09:30"]);
  });

  it("gives no slot when the window is shorter than a slot", () => {
    expect(expandAvailability({ ...morning, endsAt: at("2026-05-04T08:20:00Z") }, { timeZone: LISBON })).toEqual([]);
  });

  it("marks slots that have started as PAST and those overlapping meetings or requests as TAKEN", () => {
    const slots = expandAvailability(morning, {
      timeZone: LISBON,
      now: at("2026-05-04T08:45:00Z"), // 09:45: the 09:30 slot has started
      taken: [
        { startsAt: at("2026-05-04T09:00:00Z"), endsAt: at("2026-05-04T09:30:00Z") }, // 10:00–10:30
        { startsAt: at("2026-05-04T10:10:00Z"), endsAt: at("2026-05-04T10:20:00Z") }, // inside 11:00–11:30
        { startsAt: at("2026-05-04T08:00:00Z"), endsAt: at("2026-05-04T08:30:00Z") }, // past anyway
      ],
    });
    expect(slots.map((slot) => slot.status)).toEqual(["PAST", "PAST", "TAKEN", "FREE", "TAKEN", "FREE"]);
  });

  it("a slot starting exactly now is still bookable; a meeting ending at the slot's start does not take it", () => {
    const slots = expandAvailability(morning, {
      timeZone: LISBON,
      now: at("2026-05-04T08:00:00Z"),
      taken: [{ startsAt: at("2026-05-04T07:30:00Z"), endsAt: at("2026-05-04T08:00:00Z") }],
    });
    expect(slots[0].status).toBe("FREE");
  });

  it("returns nothing for malformed windows instead of looping or inventing slots", () => {
    for (const broken of [
      { ...morning, slotMinutes: 0 },
      { ...morning, slotMinutes: -30 },
      { ...morning, slotMinutes: Number.NaN },
      { ...morning, slotMinutes: 12.5 },
      { ...morning, bufferMinutes: -5 },
      { ...morning, endsAt: morning.startsAt },
      { ...morning, startsAt: new Date("nonsense") },
    ]) {
      expect(expandAvailability(broken, { timeZone: LISBON })).toEqual([]);
    }
  });

  describe("on daylight-saving transition days", () => {
    it("Lisbon, 29 Mar 2026 (clocks go 01:00 → 02:00): every 30-min slot lasts 30 real minutes", () => {
      const window = { startsAt: wall(LISBON, 2026, 3, 29, 0), endsAt: wall(LISBON, 2026, 3, 29, 3), slotMinutes: 30, bufferMinutes: 0 };
      // 00:00 WET to 03:00 WEST is only two real hours: four slots, not six.
      expect(durationMinutes(window)).toBe(120);
      const slots = expandAvailability(window, { timeZone: LISBON });
      expect(slots.map((slot) => slot.startsAt.toISOString())).toEqual([
        "2026-03-29T00:00:00.000Z",
        "2026-03-29T00:30:00.000Z",
        "2026-03-29T01:00:00.000Z",
        "2026-03-29T01:30:00.000Z",
      ]);
      expect(slots.map((slot) => slot.label)).toEqual(["00:00–00:30", "00:30–02:00", "02:00–02:30", "02:30–03:00"]);
      expect(slots.map((slot) => slot.zoneName)).toEqual(["WET", "WET", "WEST", "WEST"]);
      expect(slots.every((slot) => durationMinutes(slot) === 30)).toBe(true);
    });

    it("Lisbon, 29 Mar 2026: a working-day window keeps its wall-clock times in summer time", () => {
      const window = { startsAt: wall(LISBON, 2026, 3, 29, 9), endsAt: wall(LISBON, 2026, 3, 29, 12), slotMinutes: 30, bufferMinutes: 15 };
      expect(window.startsAt.toISOString()).toBe("2026-03-29T08:00:00.000Z");
      const slots = expandAvailability(window, { timeZone: LISBON });
      expect(slots.map((slot) => slot.label)).toEqual(["09:00–09:30", "09:45–10:15", "10:30–11:00", "11:15–11:45"]);
    });

    it("Helsinki, 25 Oct 2026 (clocks go 04:00 → 03:00): the repeated hour holds its real slots", () => {
      // 02:00 EEST to 05:00 EET is four real hours: eight slots, two of them starting at 03:00 and 03:30.
      const window = { startsAt: wall(HELSINKI, 2026, 10, 25, 2), endsAt: wall(HELSINKI, 2026, 10, 25, 5), slotMinutes: 30, bufferMinutes: 0 };
      expect(durationMinutes(window)).toBe(240);
      const slots = expandAvailability(window, { timeZone: HELSINKI });
      expect(slots).toHaveLength(8);
      expect(slots.map((slot) => slot.label)).toEqual([
        "02:00–02:30",
        "02:30–03:00",
        "03:00–03:30",
        "03:30–03:00", // 00:30Z–01:00Z: ends as the clocks fall back
        "03:00–03:30",
        "03:30–04:00",
        "04:00–04:30",
        "04:30–05:00",
      ]);
      expect(slots.map((slot) => slot.zoneName)).toEqual(["EEST", "EEST", "EEST", "EEST", "EET", "EET", "EET", "EET"]);
      expect(slots.every((slot) => durationMinutes(slot) === 30 && slot.day === "2026-10-25")).toBe(true);
      const starts = slots.map((slot) => slot.startsAt.getTime());
      expect(new Set(starts).size).toBe(8);
    });

    it("Helsinki, 25 Oct 2026: slots with buffers stay evenly spaced in real time across the change", () => {
      // 03:00 EEST (00:00Z) to 04:00 EET (02:00Z): two real hours, the 03:00 hour lived twice.
      const window = { startsAt: wall(HELSINKI, 2026, 10, 25, 3), endsAt: wall(HELSINKI, 2026, 10, 25, 4), slotMinutes: 20, bufferMinutes: 10 };
      expect(window.endsAt.toISOString()).toBe("2026-10-25T02:00:00.000Z");
      const slots = expandAvailability(window, { timeZone: HELSINKI });
      const gaps = slots.slice(1).map((slot, i) => (slot.startsAt.getTime() - slots[i].startsAt.getTime()) / 60_000);
      expect(gaps.every((gap) => gap === 30)).toBe(true);
      expect(slots.map((slot) => slot.label)).toEqual(["03:00–03:20", "03:30–03:50", "03:00–03:20", "03:30–03:50"]);
    });
  });
});

describe("expandAvailabilities and groupSlotsByDay", () => {
  it("merges windows in time order and groups by the stop's calendar day", () => {
    // 23:30 UTC is already the next day in Helsinki.
    const windows = [
      { startsAt: at("2026-06-02T07:00:00Z"), endsAt: at("2026-06-02T08:00:00Z"), slotMinutes: 30, bufferMinutes: 0 },
      { startsAt: at("2026-06-01T20:30:00Z"), endsAt: at("2026-06-01T21:30:00Z"), slotMinutes: 30, bufferMinutes: 0 },
    ];
    const slots = expandAvailabilities(windows, { timeZone: HELSINKI });
    expect(slots.map((slot) => slot.label)).toEqual(["23:30–00:00", "00:00–00:30", "10:00–10:30", "10:30–11:00"]);
    const days = groupSlotsByDay(slots);
    expect(days.map((group) => [group.day, group.slots.length])).toEqual([
      ["2026-06-01", 1],
      ["2026-06-02", 3],
    ]);
  });
});

describe("validateAvailabilityWindows", () => {
  const stop: StopSchedule = {
    city: "Lisbon",
    timeZone: LISBON,
    startsAt: at("2026-05-04T07:00:00Z"), // 08:00 WEST
    endsAt: at("2026-05-05T17:00:00Z"), // 18:00 WEST next day
  };
  const now = at("2026-04-20T12:00:00Z");
  const window = (start: string, end: string, extra: Partial<HostAvailabilityWindow> = {}): HostAvailabilityWindow => ({
    hostId: "host-a",
    startsAt: at(start),
    endsAt: at(end),
    slotMinutes: 30,
    bufferMinutes: 5,
    ...extra,
  });
  const codes = (problems: { code: string; windowIndex: number }[]) => problems.map((p) => `${p.windowIndex}:${p.code}`);

  it("accepts good windows, including back-to-back ones", () => {
    const problems = validateAvailabilityWindows(
      [window("2026-05-04T08:00:00Z", "2026-05-04T11:00:00Z"), window("2026-05-04T11:00:00Z", "2026-05-04T12:00:00Z")],
      stop,
      now,
      { existing: [window("2026-05-04T12:00:00Z", "2026-05-04T13:00:00Z", { id: "w1" })] },
    );
    expect(problems).toEqual([]);
  });

  it("accepts a window exactly as long as the stop", () => {
    expect(validateAvailabilityWindows([window("2026-05-04T07:00:00Z", "2026-05-05T17:00:00Z")], stop, now)).toEqual([]);
  });

  it("refuses a window in the past with a message in the stop's zone", () => {
    const problems = validateAvailabilityWindows([window("2026-05-04T08:00:00Z", "2026-05-04T09:00:00Z")], stop, at("2026-05-04T08:10:00Z"));
    expect(codes(problems)).toEqual(["0:IN_PAST"]);
    expect(problems[0].message).toBe("The window Mon, 4 May 2026, 09:00–10:00 WEST starts in the past.");
  });

  it("refuses windows starting before or ending after the stop", () => {
    const problems = validateAvailabilityWindows(
      [
        window("2026-05-04T06:30:00Z", "2026-05-04T08:00:00Z"),
        window("2026-05-05T16:00:00Z", "2026-05-05T17:30:00Z"),
        window("2026-06-01T08:00:00Z", "2026-06-01T09:00:00Z"),
      ],
      stop,
      now,
    );
    expect(codes(problems)).toEqual(["0:OUTSIDE_STOP", "1:OUTSIDE_STOP", "2:OUTSIDE_STOP"]);
    expect(problems[0].message).toContain("not within the Lisbon stop (Mon, 4 May 2026, 08:00 – Tue, 5 May 2026, 18:00 WEST)");
  });

  it("refuses an overlap with a saved window of the same host, naming it", () => {
    const problems = validateAvailabilityWindows([window("2026-05-04T08:00:00Z", "2026-05-04T09:00:00Z")], stop, now, {
      existing: [
        window("2026-05-04T08:30:00Z", "2026-05-04T10:00:00Z", { id: "saved-1" }),
        window("2026-05-04T08:00:00Z", "2026-05-04T09:00:00Z", { id: "other-host", hostId: "host-b" }),
      ],
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "OVERLAPS_EXISTING", windowIndex: 0, overlapsWindowId: "saved-1" });
    expect(problems[0].message).toContain("overlaps your availability Mon, 4 May 2026, 09:30–11:00 WEST");
  });

  it("refuses two submitted windows that overlap each other, once, on the later one", () => {
    const problems = validateAvailabilityWindows(
      [window("2026-05-04T08:00:00Z", "2026-05-04T10:00:00Z"), window("2026-05-04T09:00:00Z", "2026-05-04T11:00:00Z")],
      stop,
      now,
    );
    expect(problems).toEqual([expect.objectContaining({ code: "OVERLAPS_EXISTING", windowIndex: 1, overlapsWindowIndex: 0 })]);
  });

  it("does not compare a window being edited with its own saved copy", () => {
    const edited = window("2026-05-04T08:30:00Z", "2026-05-04T10:00:00Z", { id: "w1" });
    const saved = window("2026-05-04T08:00:00Z", "2026-05-04T09:00:00Z", { id: "w1" });
    expect(validateAvailabilityWindows([edited], stop, now, { existing: [saved] })).toEqual([]);
  });

  it("refuses slot lengths and buffers out of range or not whole minutes", () => {
    const problems = validateAvailabilityWindows(
      [
        window("2026-05-04T08:00:00Z", "2026-05-04T12:00:00Z", { slotMinutes: 5 }),
        window("2026-05-04T13:00:00Z", "2026-05-04T15:00:00Z", { slotMinutes: 300 }),
        window("2026-05-05T08:00:00Z", "2026-05-05T09:00:00Z", { slotMinutes: 22.5 }),
        window("2026-05-05T09:00:00Z", "2026-05-05T10:00:00Z", { bufferMinutes: -1 }),
        window("2026-05-05T10:00:00Z", "2026-05-05T11:00:00Z", { bufferMinutes: 121 }),
        window("2026-05-05T11:00:00Z", "2026-05-05T12:00:00Z", { slotMinutes: Number.NaN }),
      ],
      stop,
      now,
    );
    expect(codes(problems)).toEqual([
      "0:INVALID_LENGTH",
      "1:INVALID_LENGTH",
      "1:TOO_SHORT",
      "2:INVALID_LENGTH",
      "3:INVALID_BUFFER",
      "4:INVALID_BUFFER",
      "5:INVALID_LENGTH",
    ]);
  });

  it("refuses a window shorter than one slot", () => {
    const problems = validateAvailabilityWindows([window("2026-05-04T08:00:00Z", "2026-05-04T08:20:00Z")], stop, now);
    expect(codes(problems)).toEqual(["0:TOO_SHORT"]);
    expect(problems[0].message).toContain("shorter than one 30-minute slot");
  });

  it("refuses a window that ends before it starts, without piling up other messages", () => {
    expect(codes(validateAvailabilityWindows([window("2026-05-04T09:00:00Z", "2026-05-04T08:00:00Z")], stop, now))).toEqual(["0:INVALID_RANGE"]);
    expect(codes(validateAvailabilityWindows([window("2026-05-04T09:00:00Z", "2026-05-04T09:00:00Z")], stop, now))).toEqual(["0:INVALID_RANGE"]);
    expect(codes(validateAvailabilityWindows([{ ...window("2026-05-04T09:00:00Z", "2026-05-04T10:00:00Z"), startsAt: new Date("x") }], stop, now))).toEqual([
      "0:INVALID_RANGE",
    ]);
  });

  it("reports several problems of one window together", () => {
    const problems = validateAvailabilityWindows([window("2026-05-04T06:00:00Z", "2026-05-04T06:10:00Z")], stop, at("2026-05-04T12:00:00Z"));
    expect(codes(problems)).toEqual(["0:IN_PAST", "0:OUTSIDE_STOP", "0:TOO_SHORT"]);
  });

  it("reports an unknown stop zone and still checks the windows", () => {
    const problems = validateAvailabilityWindows([window("2026-05-04T06:00:00Z", "2026-05-04T09:00:00Z")], { ...stop, timeZone: "Mars/Olympus" }, now);
    expect(codes(problems)).toEqual(["-1:INVALID_TIME_ZONE", "0:OUTSIDE_STOP"]);
  });

  it("turns problems into the shared VALIDATION error with one field error per window", () => {
    const windows = [window("2026-05-04T06:00:00Z", "2026-05-04T06:10:00Z"), window("2026-05-04T09:00:00Z", "2026-05-04T10:00:00Z")];
    const problems = validateAvailabilityWindows(windows, stop, now);
    const error = availabilityError(problems);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(["windows.0"]);
    expect(error.fieldErrors?.["windows.0"]).toContain("not within the Lisbon stop");
    expect(error.fieldErrors?.["windows.0"]).toContain("shorter than one 30-minute slot");
    expect(() => assertValidAvailabilityWindows(windows, stop, now)).toThrow(DomainError);
    expect(() => assertValidAvailabilityWindows([windows[1]], stop, now)).not.toThrow();
  });
});
