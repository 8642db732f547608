import { describe, expect, it } from "vitest";
import { DomainError } from "~/domain/kernel/errors";
import { buildModel, type Model } from "./model";
import { both, MINUTE, slot } from "./test-support";
import type { SchedulerInput } from "./types";

/** The model's pairs as "host-guest:weight@classes", in edge order. */
const edgesOf = (model: Model) =>
  Array.from(
    { length: model.edgeCount },
    (_, e) => `${model.personIds[model.edgeHost[e]]}-${model.personIds[model.edgeGuest[e]]}:${model.edgeWeight[e]}@${[...model.edgeClasses[e]].join(",")}`,
  );
const personOf = (model: Model, id: string) => model.personIds.indexOf(id);

describe("buildModel", () => {
  it("turns the distinct slot intervals into time classes sorted by start, with their overlaps", () => {
    const model = buildModel({
      hosts: [
        { id: "h1", slots: [slot(1), slot(0)] },
        { id: "h2", slots: [slot(0), slot(0, 15)] },
      ],
      guests: [],
      preferences: [],
      tables: 1,
    });
    expect(model.classCount).toBe(3); // h1's and h2's slot(0) are one class
    expect([...model.classStart]).toEqual([slot(0).startsAt, slot(0, 15).startsAt, slot(1).startsAt].map((d) => d.getTime()));
    // 08:15–08:45 overlaps both neighbours; back-to-back 08:00–08:30 and 08:30–09:00 do not.
    expect(model.conflicts.map((list) => [...list].sort())).toEqual([
      [0, 1],
      [0, 1, 2],
      [1, 2],
    ]);
  });

  it("blocks busy times and confirmed meetings on their people and tables, down to partial overlaps", () => {
    const input: SchedulerInput = {
      hosts: [
        { id: "h1", slots: [slot(0), slot(1), slot(2)] },
        { id: "h2", slots: [slot(0), slot(1), slot(2)] },
      ],
      guests: [{ id: "g1", busy: [{ startsAt: new Date(slot(0).endsAt.getTime() - MINUTE), endsAt: slot(0).endsAt }] }, { id: "g2" }],
      preferences: [...both("h1", "g1", "WOULD_LIKE", "WOULD_LIKE"), ...both("h2", "g2", "MUST_MEET", "MUST_MEET")],
      tables: 2,
      confirmedMeetings: [
        { hostId: "x", guestId: "y", ...slot(2) }, // names no table: takes the lowest one free then
        { hostId: "h2", guestId: "g2", ...slot(1), tableIndex: 0 },
      ],
    };
    const model = buildModel(input);
    const K = model.classCount;
    const fixed = (id: string) => [0, 1, 2].filter((c) => model.personFixed[personOf(model, id) * K + c]);
    expect(fixed("g1")).toEqual([0]);
    expect(fixed("h2")).toEqual([1]);
    expect(fixed("g2")).toEqual([1]);
    expect(fixed("h1")).toEqual([]);
    // The meeting naming table 0 claims it first, so the unnamed one at slot 2 also gets table 0.
    expect([0, 1].map((t) => [0, 1, 2].filter((c) => model.tableFixed[t * K + c]))).toEqual([[1, 2], []]);
    // h2 and g2 have met: their pair is not proposed again, nor counted as waiting.
    expect(edgesOf(model)).toEqual(["h1-g1:1@1,2"]);
    expect(model.mutualPairs).toBe(1);
    expect(model.warnings).toEqual([]);
  });

  it("makes one pair of each mutually wanted host and guest, never a person with themselves", () => {
    const model = buildModel({
      hosts: [
        { id: "a", slots: [slot(0)] },
        { id: "b", slots: [slot(0)] },
        { id: "h", slots: [slot(0)] },
      ],
      guests: [{ id: "a" }, { id: "b" }, { id: "no" }, { id: "silent" }, { id: "half" }],
      preferences: [
        ...both("a", "b", "MUST_MEET", "MUST_MEET"),
        { fromUserId: "a", toUserId: "a", level: "MUST_MEET" },
        ...both("h", "no", "MUST_MEET", "NO_THANKS"),
        { fromUserId: "h", toUserId: "silent", level: "MUST_MEET" },
        ...both("h", "half", "WOULD_LIKE", "MUST_MEET"),
      ],
      tables: 1,
    });
    expect(edgesOf(model)).toEqual(["a-b:3@0", "h-half:2@0"]);
    expect(model.edgesByClass[0]).toEqual([0, 1]);
    expect(model.edgesByPerson[personOf(model, "b")]).toEqual([0]);
  });

  it("keeps a pair without a common time out of the search but counts it as mutual", () => {
    const model = buildModel({
      hosts: [{ id: "h", slots: [slot(0, 0, "only")] }],
      guests: [{ id: "g", busy: [slot(0)] }],
      preferences: both("h", "g", "MUST_MEET", "MUST_MEET"),
      tables: 1,
    });
    expect(edgesOf(model)).toEqual(["h-g:3@"]);
    expect(model.mutualPairs).toBe(1);
    expect(model.edgesByPerson.every((list) => list.length === 0)).toBe(true);
    expect(model.slotIds.get(personOf(model, "h") * model.classCount + 0)).toBe("only");
  });

  it("drops a host's time when confirmed meetings hold every table then", () => {
    const model = buildModel({
      hosts: [{ id: "h", slots: [slot(0), slot(1)] }],
      guests: [{ id: "g" }],
      preferences: both("h", "g", "WOULD_LIKE", "WOULD_LIKE"),
      tables: 1,
      confirmedMeetings: [{ hostId: "x", guestId: "y", ...slot(0), tableIndex: 0 }],
    });
    expect(edgesOf(model)).toEqual(["h-g:1@1"]);
  });

  it("warns about what it ignores and says which table rule broke", () => {
    const model = buildModel({
      hosts: [{ id: "h", slots: [{ startsAt: slot(0).endsAt, endsAt: slot(0).startsAt }] }],
      guests: [],
      preferences: [{ fromUserId: "nobody", toUserId: "h", level: "WOULD_LIKE" }],
      tables: 1,
      confirmedMeetings: [
        { hostId: "p", guestId: "q", ...slot(1), tableIndex: 3 },
        { hostId: "r", guestId: "s", ...slot(2), tableIndex: 0 },
        { hostId: "t", guestId: "u", ...slot(2), tableIndex: 0 },
        { hostId: "v", guestId: "w", ...slot(2) },
        { hostId: "b", guestId: "c", startsAt: slot(3).endsAt, endsAt: slot(3).startsAt },
      ],
    });
    expect(model.warnings.map((w) => w.code)).toEqual([
      "INVALID_INTERVAL",
      "INVALID_TABLE_INDEX",
      "CONFIRMED_TABLE_CLASH",
      "TABLES_OVERBOOKED",
      "INVALID_INTERVAL",
      "UNKNOWN_PERSON",
    ]);
    expect(model.classCount).toBe(0);
  });

  it("refuses a table count it cannot hold, before allocating for it", () => {
    const input: SchedulerInput = { hosts: [{ id: "h", slots: [slot(0), slot(1)] }], guests: [], preferences: [], tables: 10_000_001 };
    expect(() => buildModel(input)).toThrow(DomainError);
    expect(() => buildModel(input)).toThrow(/Too many tables/);
    expect(() => buildModel({ ...input, tables: Number.NaN })).toThrow(/whole number/);
  });
});
