import { describe, expect, it } from "vitest";
import { describeOpening, joinWindow, parseJoinLeadMinutes, parseReminderOffsets, planReminders } from "./webinar";

const at = (iso: string) => new Date(iso);
const session = { startsAt: at("2026-03-29T12:00:00Z"), endsAt: at("2026-03-29T13:30:00Z") };

describe("joinWindow", () => {
  it("opens the lead time before the start and closes at the end (exclusive)", () => {
    expect(joinWindow(session, at("2026-03-29T11:44:59Z")).state).toBe("NOT_YET");
    expect(joinWindow(session, at("2026-03-29T11:45:00Z")).state).toBe("OPEN");
    expect(joinWindow(session, at("2026-03-29T13:29:59Z")).state).toBe("OPEN");
    expect(joinWindow(session, at("2026-03-29T13:30:00Z")).state).toBe("ENDED");
    expect(joinWindow(session, at("2026-03-29T11:00:00Z"), 60).state).toBe("OPEN");
    expect(joinWindow(session, at("2026-03-29T11:00:00Z")).opensAt.toISOString()).toBe("2026-03-29T11:45:00.000Z");
  });

  it("describes the opening in the reader's zone, across the Paris spring-forward day", () => {
    // 29 March 2026: Paris goes from CET to CEST at 01:00 UTC.
    expect(describeOpening(at("2026-03-29T11:45:00Z"), "Europe/Paris")).toBe("Sun, 29 Mar 2026 at 13:45 CEST");
    expect(describeOpening(at("2026-03-29T00:45:00Z"), "Europe/Paris")).toBe("Sun, 29 Mar 2026 at 01:45 CET");
    expect(describeOpening(at("2026-03-29T11:45:00Z"), "Europe/Lisbon")).toBe("Sun, 29 Mar 2026 at 12:45 WEST");
  });
});

describe("planReminders", () => {
  it("plans 24 h and 15 min before the start", () => {
    const planned = planReminders(session.startsAt, at("2026-03-20T00:00:00Z"));
    expect(planned).toEqual([
      { label: "24h", sendAfter: at("2026-03-28T12:00:00Z") },
      { label: "15m", sendAfter: at("2026-03-29T11:45:00Z") },
    ]);
  });

  it("drops reminders whose moment has passed and plans nothing once started", () => {
    expect(planReminders(session.startsAt, at("2026-03-29T10:00:00Z")).map((r) => r.label)).toEqual(["15m"]);
    expect(planReminders(session.startsAt, at("2026-03-29T11:50:00Z"))).toEqual([]);
    expect(planReminders(session.startsAt, at("2026-03-29T12:00:00Z"))).toEqual([]);
  });

  it("counts real time across a clock change: 24 h before a Monday-after-DST start", () => {
    // Helsinki springs forward on 29 March 2026; 24 real hours before 30 March 10:00 EEST
    // is 29 March 10:00 EEST, which is 07:00 UTC.
    const planned = planReminders(at("2026-03-30T07:00:00Z"), at("2026-03-01T00:00:00Z"));
    expect(planned[0].sendAfter.toISOString()).toBe("2026-03-29T07:00:00.000Z");
  });
});

describe("settings", () => {
  it("reads reminder offsets and falls back on nonsense", () => {
    expect(parseReminderOffsets("15m, 24h")).toEqual([
      { label: "24h", minutesBefore: 1440 },
      { label: "15m", minutesBefore: 15 },
    ]);
    expect(parseReminderOffsets("2d,30")).toEqual([
      { label: "2d", minutesBefore: 2880 },
      { label: "30m", minutesBefore: 30 },
    ]);
    expect(parseReminderOffsets("soon").map((o) => o.label)).toEqual(["24h", "15m"]);
    expect(parseReminderOffsets(undefined).map((o) => o.label)).toEqual(["24h", "15m"]);
    expect(parseReminderOffsets("0m").map((o) => o.label)).toEqual(["24h", "15m"]);
  });

  it("reads the join lead time", () => {
    expect(parseJoinLeadMinutes("30")).toBe(30);
    expect(parseJoinLeadMinutes("")).toBe(15);
    expect(parseJoinLeadMinutes("-5")).toBe(15);
    expect(parseJoinLeadMinutes("99999")).toBe(15);
  });
});
