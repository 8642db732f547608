import { describe, expect, it } from "vitest";
import { fromWallTime, parseLocalDateTime } from "~/domain/kernel/time/zoned";
import { displayTimeZone, filterSessions, formatSessionTime, groupSessionsByDay, parseAgendaFilter, type DisplaySession } from "./display";

const at = (local: string, zone: string) => fromWallTime(parseLocalDateTime(local)!, zone);

function session(id: string, zone: string, from: string, to: string, extra: Partial<DisplaySession> = {}): DisplaySession {
  return { id, title: id, startsAt: at(from, zone), endsAt: at(to, zone), ...extra };
}

const summary = (days: ReturnType<typeof groupSessionsByDay>) =>
  days.map((day) => [day.day, day.label, day.entries.map((entry) => `${entry.session.id} ${entry.time}`)]);

describe("formatSessionTime", () => {
  const paris = "Europe/Paris";

  it("shows start–end with the zone abbreviation", () => {
    expect(formatSessionTime(session("s", paris, "2026-03-03T09:00", "2026-03-03T10:30"), paris)).toBe("09:00–10:30 CET");
    expect(formatSessionTime(session("s", paris, "2026-07-03T09:00", "2026-07-03T10:30"), paris)).toBe("09:00–10:30 CEST");
  });

  it("gives each end its own abbreviation when the clocks change during the session", () => {
    expect(formatSessionTime(session("s", paris, "2026-03-29T01:30", "2026-03-29T03:30"), paris)).toBe("01:30 CET–03:30 CEST");
    expect(formatSessionTime({ startsAt: new Date("2026-10-25T00:30:00Z"), endsAt: new Date("2026-10-25T01:30:00Z") }, paris)).toBe("02:30 CEST–02:30 CET");
  });

  it("says when a session runs into the next day(s), but not when it ends exactly at midnight", () => {
    expect(formatSessionTime(session("s", paris, "2026-03-03T23:30", "2026-03-04T00:30"), paris)).toBe("23:30–00:30 CET (+1 day)");
    expect(formatSessionTime(session("s", paris, "2026-03-03T23:00", "2026-03-04T00:00"), paris)).toBe("23:00–00:00 CET");
    expect(formatSessionTime(session("s", paris, "2026-03-03T09:00", "2026-03-05T17:00"), paris)).toBe("09:00–17:00 CET (+2 days)");
  });
});

describe("groupSessionsByDay", () => {
  const lisbon = "Europe/Lisbon";
  const sessions = [
    session("late", lisbon, "2026-03-03T22:30", "2026-03-03T23:30"),
    session("morning", lisbon, "2026-03-04T09:00", "2026-03-04T10:00"),
    session("first", lisbon, "2026-03-03T09:00", "2026-03-03T10:00"),
    session("overnight", lisbon, "2026-03-03T23:30", "2026-03-04T00:30"),
  ];

  it("groups by start day in the event's zone, in time order", () => {
    expect(summary(groupSessionsByDay(sessions, lisbon))).toEqual([
      ["2026-03-03", "Tue, 3 Mar 2026", ["first 09:00–10:00 WET", "late 22:30–23:30 WET", "overnight 23:30–00:30 WET (+1 day)"]],
      ["2026-03-04", "Wed, 4 Mar 2026", ["morning 09:00–10:00 WET"]],
    ]);
  });

  it("regroups by the viewer's day: evening sessions in Lisbon are after midnight in Helsinki", () => {
    expect(summary(groupSessionsByDay(sessions, "Europe/Helsinki"))).toEqual([
      ["2026-03-03", "Tue, 3 Mar 2026", ["first 11:00–12:00 EET"]],
      ["2026-03-04", "Wed, 4 Mar 2026", ["late 00:30–01:30 EET", "overnight 01:30–02:30 EET", "morning 11:00–12:00 EET"]],
    ]);
  });

  it("moves early sessions to the previous day for viewers west of the event", () => {
    const early = [session("dawn", lisbon, "2026-03-04T02:00", "2026-03-04T03:00")];
    expect(summary(groupSessionsByDay(early, "America/New_York"))).toEqual([["2026-03-03", "Tue, 3 Mar 2026", ["dawn 21:00–22:00 GMT-5"]]]);
  });

  it("shows the right offset on each side of a DST change, in the event's zone and the viewer's", () => {
    const paris = "Europe/Paris";
    const weekend = [session("saturday", paris, "2026-03-28T10:00", "2026-03-28T11:00"), session("sunday", paris, "2026-03-29T10:00", "2026-03-29T11:00")];
    expect(summary(groupSessionsByDay(weekend, paris))).toEqual([
      ["2026-03-28", "Sat, 28 Mar 2026", ["saturday 10:00–11:00 CET"]],
      ["2026-03-29", "Sun, 29 Mar 2026", ["sunday 10:00–11:00 CEST"]],
    ]);
    expect(summary(groupSessionsByDay(weekend, "Europe/Lisbon"))).toEqual([
      ["2026-03-28", "Sat, 28 Mar 2026", ["saturday 09:00–10:00 WET"]],
      ["2026-03-29", "Sun, 29 Mar 2026", ["sunday 09:00–10:00 WEST"]],
    ]);
    expect(summary(groupSessionsByDay(weekend, "Europe/Helsinki"))).toEqual([
      ["2026-03-28", "Sat, 28 Mar 2026", ["saturday 11:00–12:00 EET"]],
      ["2026-03-29", "Sun, 29 Mar 2026", ["sunday 11:00–12:00 EEST"]],
    ]);
  });

  it("orders sessions starting together by end, then title", () => {
    const paris = "Europe/Paris";
    const days = groupSessionsByDay(
      [
        { ...session("b-long", paris, "2026-06-01T09:00", "2026-06-01T11:00"), title: "Alpha" },
        { ...session("c-short", paris, "2026-06-01T09:00", "2026-06-01T09:30"), title: "Zulu" },
        { ...session("a-long", paris, "2026-06-01T09:00", "2026-06-01T11:00"), title: "Bravo" },
      ],
      paris,
    );
    expect(days[0].entries.map((entry) => entry.session.id)).toEqual(["c-short", "b-long", "a-long"]);
  });

  it("returns no days for no sessions", () => {
    expect(groupSessionsByDay([], "Europe/Paris")).toEqual([]);
  });
});

describe("displayTimeZone", () => {
  it("uses the event's zone unless the viewer's is asked for and valid", () => {
    expect(displayTimeZone("Europe/Lisbon", "Europe/Helsinki", "event")).toBe("Europe/Lisbon");
    expect(displayTimeZone("Europe/Lisbon", "Europe/Helsinki", "viewer")).toBe("Europe/Helsinki");
    expect(displayTimeZone("Europe/Lisbon", "Mars/Olympus_Mons", "viewer")).toBe("Europe/Lisbon");
    expect(displayTimeZone("Europe/Lisbon", null, "viewer")).toBe("Europe/Lisbon");
  });
});

describe("filterSessions", () => {
  const zone = "Europe/Paris";
  const sessions = [
    session("mobility-talk", zone, "2026-06-01T09:00", "2026-06-01T10:00", { trackId: "t1", themes: ["MOBILITY"], format: "TALK" }),
    session("energy-panel", zone, "2026-06-01T10:00", "2026-06-01T11:00", { trackId: "t2", themes: ["ENERGY", "GOVERNANCE"], format: "PANEL" }),
    session("coffee", zone, "2026-06-01T11:00", "2026-06-01T11:30", { trackId: null, themes: [], format: "BREAK" }),
  ];
  const ids = (filtered: DisplaySession[]) => filtered.map((s) => s.id);

  it("keeps everything without a filter or with empty lists", () => {
    expect(ids(filterSessions(sessions, {}))).toEqual(["mobility-talk", "energy-panel", "coffee"]);
    expect(ids(filterSessions(sessions, { trackIds: [], themes: [], formats: [] }))).toHaveLength(3);
  });

  it("matches any chosen value within a facet", () => {
    expect(ids(filterSessions(sessions, { trackIds: ["t1", "t2"] }))).toEqual(["mobility-talk", "energy-panel"]);
    expect(ids(filterSessions(sessions, { themes: ["GOVERNANCE"] }))).toEqual(["energy-panel"]);
    expect(ids(filterSessions(sessions, { formats: ["BREAK", "TALK"] }))).toEqual(["mobility-talk", "coffee"]);
  });

  it("requires every facet that is set", () => {
    expect(ids(filterSessions(sessions, { trackIds: ["t1", "t2"], themes: ["ENERGY"], formats: ["PANEL"] }))).toEqual(["energy-panel"]);
    expect(ids(filterSessions(sessions, { trackIds: ["t1"], formats: ["PANEL"] }))).toEqual([]);
  });
});

describe("parseAgendaFilter", () => {
  it("reads repeated parameters and drops unknown values", () => {
    const filter = parseAgendaFilter(new URLSearchParams("track=t1&track=t2&track=&theme=MOBILITY&theme=PARTY&format=TALK&format=talk&theme=MOBILITY"));
    expect(filter).toEqual({ trackIds: ["t1", "t2"], themes: ["MOBILITY"], formats: ["TALK"] });
  });

  it("is empty for a bare agenda link", () => {
    expect(parseAgendaFilter(new URLSearchParams(""))).toEqual({ trackIds: [], themes: [], formats: [] });
  });
});
