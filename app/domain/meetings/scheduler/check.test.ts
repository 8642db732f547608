import { describe, expect, it } from "vitest";
import { checkSchedule } from "./check";
import { both, slot } from "./test-support";
import type { ProposedMeeting, SchedulerInput } from "./types";

describe("checkSchedule", () => {
  const input: SchedulerInput = {
    hosts: [
      { id: "h1", slots: [slot(0), slot(1)] },
      { id: "h2", slots: [slot(0)] },
    ],
    guests: [{ id: "g1" }, { id: "g2" }],
    preferences: [
      ...both("h1", "g1", "WOULD_LIKE", "WOULD_LIKE"),
      ...both("h2", "g1", "WOULD_LIKE", "WOULD_LIKE"),
      ...both("h1", "g2", "MUST_MEET", "WOULD_LIKE"),
    ],
    tables: 1,
    confirmedMeetings: [{ hostId: "h2", guestId: "g2", ...slot(3), tableIndex: 0 }],
  };
  const meeting = (hostId: string, guestId: string, i: number, tableIndex: number, weight: number): ProposedMeeting => ({
    hostId,
    guestId,
    ...slot(i),
    tableIndex,
    weight,
  });
  const codes = (meetings: ProposedMeeting[]) =>
    checkSchedule(input, meetings)
      .map((c) => c.code)
      .sort();

  it("finds every kind of conflict", () => {
    expect(codes([meeting("h1", "g1", 0, 0, 1), meeting("h2", "g1", 0, 0, 1)])).toEqual(["PERSON_DOUBLE_BOOKED", "TABLE_DOUBLE_BOOKED", "TOO_MANY_AT_ONCE"]);
    expect(codes([meeting("h1", "g1", 0, 0, 1), meeting("h1", "g1", 1, 0, 1)])).toEqual(["PAIR_TWICE"]);
    expect(codes([meeting("h1", "g2", 2, 0, 2)])).toEqual(["NOT_A_FREE_SLOT"]);
    expect(codes([meeting("h2", "g2", 0, 0, 1)])).toEqual(["NOT_MUTUAL", "PAIR_TWICE"]);
    expect(codes([meeting("h1", "g2", 0, 0, 1)])).toEqual(["NOT_MUTUAL"]); // wrong weight
    expect(codes([meeting("h1", "g2", 0, 3, 2)])).toEqual(["TABLE_OUT_OF_RANGE"]);
    expect(codes([meeting("h1", "g1", 0, 0, 1), meeting("h1", "g2", 1, 0, 2)])).toEqual([]);
  });
});
