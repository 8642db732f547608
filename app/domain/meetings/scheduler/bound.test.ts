import { describe, expect, it } from "vitest";
import { computeUpperBound } from "./bound";
import { buildModel } from "./model";
import { both, bruteForceOptimum, slot } from "./test-support";
import type { SchedulerInput } from "./types";

const boundOf = (input: SchedulerInput) => {
  const model = buildModel(input);
  const bound = computeUpperBound(model);
  const chosenPairs = Array.from({ length: model.edgeCount }, (_, e) => e)
    .filter((e) => bound.chosen[e])
    .map((e) => `${model.personIds[model.edgeHost[e]]}-${model.personIds[model.edgeGuest[e]]}`);
  return { ...bound, chosen: chosenPairs };
};

describe("computeUpperBound", () => {
  it("takes the host clock when a host's wanted guests can only come at the same time", () => {
    // h1 is free at both times, so the time-blind bound lets it meet its two must-meet guests;
    // but both can only come at 08:00, so one of them has to give way to the would-like g2.
    const input: SchedulerInput = {
      hosts: [{ id: "h1", slots: [slot(0), slot(1)] }],
      guests: [
        { id: "g1", busy: [slot(1)] },
        { id: "g3", busy: [slot(1)] },
        { id: "g2", busy: [slot(0)] },
      ],
      preferences: [
        ...both("h1", "g1", "MUST_MEET", "MUST_MEET"),
        ...both("h1", "g3", "MUST_MEET", "MUST_MEET"),
        ...both("h1", "g2", "WOULD_LIKE", "WOULD_LIKE"),
      ],
      tables: 5,
    };
    const bound = boundOf(input);
    expect(bound).toMatchObject({ value: 4, timeBlindBound: 6, hostClockBound: 4, guestClockBound: 6, hostSideBound: 6, guestSideBound: 7 });
    expect(bound.chosen).toEqual(["h1-g1", "h1-g3"]);
    expect(bruteForceOptimum(input)).toBe(4);
  });

  it("takes the guest clock when a guest's wanted hosts are only free at the same time", () => {
    const input: SchedulerInput = {
      hosts: [
        { id: "h1", slots: [slot(0)] },
        { id: "h3", slots: [slot(0)] },
        { id: "h2", slots: [slot(1)] },
      ],
      guests: [{ id: "g1" }],
      preferences: [
        ...both("h1", "g1", "MUST_MEET", "MUST_MEET"),
        ...both("h3", "g1", "MUST_MEET", "MUST_MEET"),
        ...both("h2", "g1", "WOULD_LIKE", "WOULD_LIKE"),
      ],
      tables: 5,
    };
    expect(boundOf(input)).toMatchObject({ value: 4, timeBlindBound: 6, hostClockBound: 6, guestClockBound: 4, hostSideBound: 7, guestSideBound: 6 });
    expect(bruteForceOptimum(input)).toBe(4);
  });

  it("counts the tables: no more pairs than table-times, heaviest first", () => {
    const input: SchedulerInput = {
      hosts: [
        { id: "h1", slots: [slot(0)] },
        { id: "h2", slots: [slot(0)] },
      ],
      guests: [{ id: "g1" }, { id: "g2" }],
      preferences: [...both("h1", "g1", "WOULD_LIKE", "WOULD_LIKE"), ...both("h2", "g2", "MUST_MEET", "MUST_MEET")],
      tables: 1,
    };
    const bound = boundOf(input);
    expect(bound).toMatchObject({ value: 3, timeBlindBound: 3, hostClockBound: 3, guestClockBound: 3, hostSideBound: 4, guestSideBound: 4 });
    expect(bound.chosen).toEqual(["h2-g2"]);
  });

  it("gives overlapping off-grid times to a person only once", () => {
    // 08:00–08:30 and 08:15–08:45 cannot both be met by g1; one table is free for each.
    const input: SchedulerInput = {
      hosts: [
        { id: "h1", slots: [slot(0)] },
        { id: "h2", slots: [slot(0, 15)] },
      ],
      guests: [{ id: "g1" }],
      preferences: [...both("h1", "g1", "MUST_MEET", "WOULD_LIKE"), ...both("h2", "g1", "WOULD_LIKE", "WOULD_LIKE")],
      tables: 2,
    };
    expect(boundOf(input)).toMatchObject({ value: 2, timeBlindBound: 2, guestSideBound: 2 });
  });

  it("is zero when nothing can be scheduled", () => {
    const input: SchedulerInput = {
      hosts: [{ id: "h", slots: [slot(0)] }],
      guests: [{ id: "g" }],
      preferences: both("h", "g", "MUST_MEET", "MUST_MEET"),
      tables: 0,
    };
    expect(boundOf(input)).toMatchObject({ value: 0, timeBlindBound: 0, hostClockBound: 0, guestClockBound: 0, chosen: [] });
  });
});
