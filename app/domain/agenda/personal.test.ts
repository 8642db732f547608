import { describe, expect, it } from "vitest";
import { overlapsWithPicks, pickOverlapWarning, type PickableSession } from "./personal";

const utc = (time: string) => new Date(`2026-06-01T${time}:00Z`);
const pick = (id: string, from: string, to: string, extra: Partial<PickableSession> = {}): PickableSession => ({
  id,
  title: `Talk ${id}`,
  startsAt: utc(from),
  endsAt: utc(to),
  status: "PUBLISHED",
  ...extra,
});

describe("overlapsWithPicks", () => {
  const candidate = pick("new", "10:00", "11:00");

  it("finds picks that overlap, earliest first", () => {
    const picks = [pick("late", "10:45", "12:00"), pick("early", "09:30", "10:15"), pick("inside", "10:15", "10:30")];
    expect(overlapsWithPicks(candidate, picks).map((p) => p.id)).toEqual(["early", "inside", "late"]);
  });

  it("ignores touching picks, the session itself and cancelled picks", () => {
    const picks = [
      pick("before", "09:00", "10:00"),
      pick("after", "11:00", "12:00"),
      pick("new", "10:00", "11:00"),
      pick("cancelled", "10:00", "11:00", { status: "CANCELLED" }),
    ];
    expect(overlapsWithPicks(candidate, picks)).toEqual([]);
  });

  it("has nothing to warn about when the session itself is cancelled", () => {
    expect(overlapsWithPicks({ ...candidate, status: "CANCELLED" }, [pick("other", "10:00", "11:00")])).toEqual([]);
  });

  it("compares instants, so picks from events in other zones are caught", () => {
    // 12:30 in Helsinki (EEST) is 09:30 UTC: it overlaps a 10:00 UTC session.
    const helsinkiPick = { id: "hel", title: "Helsinki", startsAt: new Date("2026-06-01T12:30:00+03:00"), endsAt: new Date("2026-06-01T13:30:00+03:00") };
    expect(overlapsWithPicks(candidate, [helsinkiPick])).toEqual([helsinkiPick]);
  });
});

describe("pickOverlapWarning", () => {
  it("is null without overlaps", () => {
    expect(pickOverlapWarning([], "Europe/Lisbon")).toBeNull();
  });

  it("names the overlapping pick with its time in the chosen zone", () => {
    expect(pickOverlapWarning([pick("a", "09:30", "10:15")], "Europe/Lisbon")).toBe("This overlaps with “Talk a” (10:30–11:15 WEST) in your agenda.");
  });

  it("lists several overlapping picks", () => {
    expect(pickOverlapWarning([pick("a", "09:30", "10:15"), pick("b", "10:30", "11:30")], "Europe/Paris")).toBe(
      "This overlaps with 2 sessions in your agenda: “Talk a” (11:30–12:15 CEST), “Talk b” (12:30–13:30 CEST).",
    );
  });
});
