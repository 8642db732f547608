import { describe, expect, it } from "vitest";
import { attendanceShare, certificateDecision, formatHours, initialsOf } from "./certificates";

const at = (h: number) => new Date(Date.UTC(2026, 2, 3, h));
const sessions = [
  { startsAt: at(9), endsAt: at(12), attended: true },
  { startsAt: at(13), endsAt: at(14), attended: false },
];
const base = { confirmed: true, checkedIn: false, eventEnded: true, event: { startsAt: at(9), endsAt: at(17) }, sessions, minSharePct: 50 };

describe("certificates", () => {
  it("measures the share of the sessions' time attended", () => {
    expect(attendanceShare(sessions)).toEqual({ attendedMinutes: 180, totalMinutes: 240, pct: 75 });
    expect(attendanceShare([]).pct).toBe(0);
  });
  it("grants a check-in the sessions' time, online attendance its own time above the share", () => {
    expect(certificateDecision({ ...base, checkedIn: true })).toEqual({ ok: true, minutes: 240, basis: "check-in" });
    expect(certificateDecision({ ...base, checkedIn: true, sessions: [] })).toEqual({ ok: true, minutes: 480, basis: "check-in" });
    expect(certificateDecision(base)).toEqual({ ok: true, minutes: 180, basis: "online" });
    expect(certificateDecision({ ...base, minSharePct: 80 })).toMatchObject({ ok: false });
    expect(certificateDecision({ ...base, eventEnded: false })).toMatchObject({ ok: false });
    expect(certificateDecision({ ...base, confirmed: false, checkedIn: true })).toMatchObject({ ok: false });
    expect(certificateDecision({ ...base, minSharePct: 0, sessions: sessions.map((s) => ({ ...s, attended: false })) })).toMatchObject({ ok: false });
  });
  it("shows initials only and hours in words", () => {
    expect(initialsOf("ana maria silva")).toBe("A. S.");
    expect(initialsOf("Željko")).toBe("Ž.");
    expect(formatHours(390)).toBe("6 hours 30 minutes");
    expect(formatHours(60)).toBe("1 hour");
  });
});
