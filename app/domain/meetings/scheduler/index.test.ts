import { describe, expect, it } from "vitest";
import { DomainError } from "~/domain/kernel/errors";
import { createRandom, randomInt } from "../random";
import { checkSchedule, scheduleMeetings } from "./index";
import { generateSampleInstance } from "./sample-instance";
import { both, bruteForceOptimum, DAY, MINUTE, pairsOf, slot, tinyInstance } from "./test-support";
import type { SchedulerHost, SchedulerInput } from "./types";

describe("scheduleMeetings on small cases", () => {
  it("gives a host's slots to the guests it mutually wants, one table each time", () => {
    const input: SchedulerInput = {
      hosts: [{ id: "h1", slots: [slot(0, 0, "s0"), slot(1, 0, "s1")] }],
      guests: [{ id: "g1" }, { id: "g2" }, { id: "g3" }],
      preferences: [
        ...both("h1", "g1", "WOULD_LIKE", "WOULD_LIKE"),
        ...both("h1", "g2", "MUST_MEET", "WOULD_LIKE"),
        { fromUserId: "g3", toUserId: "h1", level: "MUST_MEET" }, // the host never answered: not mutual
      ],
      tables: 1,
    };
    const proposal = scheduleMeetings(input);
    expect(pairsOf(proposal.assignments)).toEqual(["h1-g1", "h1-g2"]);
    expect(proposal.score).toBe(3);
    expect(proposal.upperBound).toBe(3);
    expect(new Set(proposal.assignments.map((m) => m.slotId))).toEqual(new Set(["s0", "s1"]));
    expect(proposal.assignments.every((m) => m.tableIndex === 0)).toBe(true);
    expect(checkSchedule(input, proposal.assignments)).toEqual([]);
    expect(proposal.stats.mutualPairs).toBe(2);
  });

  it("prefers the both-must-meet pair when the host has one slot", () => {
    const input: SchedulerInput = {
      hosts: [{ id: "h1", slots: [slot(0)] }],
      guests: [{ id: "like" }, { id: "must" }, { id: "half" }],
      preferences: [
        ...both("h1", "like", "WOULD_LIKE", "WOULD_LIKE"),
        ...both("h1", "must", "MUST_MEET", "MUST_MEET"),
        ...both("h1", "half", "MUST_MEET", "WOULD_LIKE"),
      ],
      tables: 5,
    };
    const proposal = scheduleMeetings(input);
    expect(pairsOf(proposal.assignments)).toEqual(["h1-must"]);
    expect(proposal.unscheduled.map((u) => [u.guestId, u.weight, u.reason])).toEqual([
      ["half", 2, "NO_ROOM"],
      ["like", 1, "NO_ROOM"],
    ]);
  });

  it("never holds more meetings at once than there are tables", () => {
    const hosts: SchedulerHost[] = ["h1", "h2", "h3"].map((id) => ({ id, slots: [slot(0)] }));
    const input: SchedulerInput = {
      hosts,
      guests: [{ id: "g1" }, { id: "g2" }, { id: "g3" }],
      preferences: [
        ...both("h1", "g1", "WOULD_LIKE", "WOULD_LIKE"),
        ...both("h2", "g2", "MUST_MEET", "MUST_MEET"),
        ...both("h3", "g3", "MUST_MEET", "WOULD_LIKE"),
      ],
      tables: 2,
    };
    const proposal = scheduleMeetings(input);
    expect(pairsOf(proposal.assignments)).toEqual(["h2-g2", "h3-g3"]);
    expect(proposal.assignments.map((m) => m.tableIndex).sort()).toEqual([0, 1]);
    expect(proposal.upperBound).toBe(5);
  });

  it("moves a guest's meeting to make room (the guest is busy at the only time the host is free)", () => {
    // h1 only has slot 0; g1 wants h1 and h2; h2 has slots 0 and 1. Greedy by weight puts the
    // heavier h2–g1 first, possibly at slot 0; the search must move it to slot 1.
    const input: SchedulerInput = {
      hosts: [
        { id: "h1", slots: [slot(0)] },
        { id: "h2", slots: [slot(0), slot(1)] },
      ],
      guests: [{ id: "g1" }],
      preferences: [...both("h1", "g1", "WOULD_LIKE", "WOULD_LIKE"), ...both("h2", "g1", "MUST_MEET", "MUST_MEET")],
      tables: 1,
    };
    for (let seed = 1; seed <= 5; seed++) {
      const proposal = scheduleMeetings(input, { seed });
      expect(proposal.score).toBe(4);
      expect(proposal.assignments.find((m) => m.hostId === "h2")?.startsAt).toEqual(slot(1).startsAt);
    }
  });

  it("respects confirmed meetings: their people, their table, and their pair", () => {
    const input: SchedulerInput = {
      hosts: [
        { id: "h1", slots: [slot(0), slot(1)] },
        { id: "h2", slots: [slot(0), slot(1)] },
      ],
      guests: [{ id: "g1" }, { id: "g2" }],
      preferences: [
        ...both("h1", "g1", "MUST_MEET", "MUST_MEET"),
        ...both("h1", "g2", "WOULD_LIKE", "WOULD_LIKE"),
        ...both("h2", "g1", "WOULD_LIKE", "WOULD_LIKE"),
        ...both("h2", "g2", "WOULD_LIKE", "WOULD_LIKE"),
      ],
      tables: 2,
      // h1 and g1 already met at slot 0 on table 0; someone else holds table 1 at slot 1.
      confirmedMeetings: [
        { hostId: "h1", guestId: "g1", ...slot(0), tableIndex: 0 },
        { hostId: "x", guestId: "y", ...slot(1), tableIndex: 1 },
      ],
    };
    const proposal = scheduleMeetings(input);
    expect(checkSchedule(input, proposal.assignments)).toEqual([]);
    expect(pairsOf(proposal.assignments)).not.toContain("h1-g1");
    // Slot 0: only table 1 is free, h1 and g1 are busy → h2–g2 there. Slot 1: table 0 → one of h1–g2 / h2–g1.
    expect(proposal.assignments).toHaveLength(2);
    const atZero = proposal.assignments.filter((m) => m.startsAt.getTime() === slot(0).startsAt.getTime());
    expect(atZero).toEqual([expect.objectContaining({ hostId: "h2", guestId: "g2", tableIndex: 1 })]);
    expect(proposal.assignments.find((m) => m.startsAt.getTime() === slot(1).startsAt.getTime())?.tableIndex).toBe(0);
    expect(proposal.stats.mutualPairs).toBe(3); // h1–g1 has met already
  });

  it("counts a table for a confirmed meeting that names none", () => {
    const input: SchedulerInput = {
      hosts: [{ id: "h1", slots: [slot(0)] }],
      guests: [{ id: "g1" }],
      preferences: both("h1", "g1", "WOULD_LIKE", "WOULD_LIKE"),
      tables: 1,
      confirmedMeetings: [{ hostId: "x", guestId: "y", ...slot(0) }],
    };
    const proposal = scheduleMeetings(input);
    expect(proposal.assignments).toEqual([]);
    expect(proposal.unscheduled).toEqual([{ hostId: "h1", guestId: "g1", weight: 1, reason: "NO_COMMON_TIME" }]);
    expect(proposal.upperBound).toBe(0);
  });

  it("keeps guests' and hosts' busy times free, down to partial overlaps", () => {
    const input: SchedulerInput = {
      hosts: [{ id: "h1", slots: [slot(0), slot(1), slot(2)], busy: [{ startsAt: slot(2).startsAt, endsAt: new Date(slot(2).startsAt.getTime() + MINUTE) }] }],
      guests: [{ id: "g1", busy: [{ startsAt: new Date(slot(0).endsAt.getTime() - MINUTE), endsAt: slot(0).endsAt }] }, { id: "g2" }],
      preferences: [...both("h1", "g1", "WOULD_LIKE", "WOULD_LIKE"), ...both("h1", "g2", "WOULD_LIKE", "WOULD_LIKE")],
      tables: 1,
    };
    const proposal = scheduleMeetings(input);
    expect(checkSchedule(input, proposal.assignments)).toEqual([]);
    expect(proposal.score).toBe(2);
    expect(proposal.assignments.find((m) => m.guestId === "g1")?.startsAt).toEqual(slot(1).startsAt);
    expect(proposal.assignments.find((m) => m.guestId === "g2")?.startsAt).toEqual(slot(0).startsAt);
  });

  it("handles slots off the grid: a guest is never in two overlapping meetings, a table never double-booked", () => {
    // h1 has 09:00–09:30, h2 09:15–09:45: g1 cannot meet both; g2 can meet h2.
    const input: SchedulerInput = {
      hosts: [
        { id: "h1", slots: [slot(0)] },
        { id: "h2", slots: [slot(0, 15)] },
      ],
      guests: [{ id: "g1" }, { id: "g2" }],
      preferences: [
        ...both("h1", "g1", "WOULD_LIKE", "WOULD_LIKE"),
        ...both("h2", "g1", "WOULD_LIKE", "WOULD_LIKE"),
        ...both("h2", "g2", "WOULD_LIKE", "WOULD_LIKE"),
      ],
      tables: 1,
    };
    const oneTable = scheduleMeetings(input);
    expect(checkSchedule(input, oneTable.assignments)).toEqual([]);
    expect(oneTable.score).toBe(1); // one table and overlapping times: only one meeting fits
    const twoTables = scheduleMeetings({ ...input, tables: 2 });
    expect(pairsOf(twoTables.assignments)).toEqual(["h1-g1", "h2-g2"]);
    expect(new Set(twoTables.assignments.map((m) => m.tableIndex)).size).toBe(2);
  });

  it("does not pair a person with themselves or propose a pair twice when roles overlap", () => {
    const input: SchedulerInput = {
      hosts: [
        { id: "a", slots: [slot(0), slot(1)] },
        { id: "b", slots: [slot(0), slot(1)] },
      ],
      guests: [{ id: "a" }, { id: "b" }],
      preferences: [...both("a", "b", "MUST_MEET", "MUST_MEET"), { fromUserId: "a", toUserId: "a", level: "MUST_MEET" }],
      tables: 3,
    };
    const proposal = scheduleMeetings(input);
    expect(proposal.assignments).toHaveLength(1);
    expect(checkSchedule(input, proposal.assignments)).toEqual([]);
  });

  it("echoes slot ids, sorts by time then table, and reports what it could not place", () => {
    const input: SchedulerInput = {
      hosts: [{ id: "h1", slots: [slot(1, 0, "late"), slot(0, 0, "early")] }],
      guests: [{ id: "g1", busy: [slot(0), slot(1)] }, { id: "g2" }, { id: "g3" }],
      preferences: [
        ...both("h1", "g1", "MUST_MEET", "MUST_MEET"),
        ...both("h1", "g2", "WOULD_LIKE", "WOULD_LIKE"),
        ...both("h1", "g3", "WOULD_LIKE", "WOULD_LIKE"),
      ],
      tables: 1,
    };
    const proposal = scheduleMeetings(input);
    expect(proposal.assignments.map((m) => m.slotId)).toEqual(["early", "late"]);
    expect(proposal.unscheduled).toEqual([{ hostId: "h1", guestId: "g1", weight: 3, reason: "NO_COMMON_TIME" }]);
    expect(proposal.stats).toMatchObject({ mutualPairs: 3, schedulablePairs: 2, meetingsByWeight: { 1: 2, 2: 0, 3: 0 } });
  });

  it("warns about data it had to ignore", () => {
    const input: SchedulerInput = {
      hosts: [{ id: "h1", slots: [slot(0), { startsAt: slot(1).endsAt, endsAt: slot(1).startsAt }] }],
      guests: [{ id: "g1" }],
      preferences: [...both("h1", "g1", "WOULD_LIKE", "WOULD_LIKE"), { fromUserId: "stranger", toUserId: "h1", level: "MUST_MEET" }],
      tables: 1,
      confirmedMeetings: [
        { hostId: "x", guestId: "y", ...slot(3), tableIndex: 7 },
        { hostId: "p", guestId: "q", ...slot(4), tableIndex: 0 },
        { hostId: "r", guestId: "s", ...slot(4), tableIndex: 0 },
        { hostId: "t", guestId: "u", ...slot(5) },
        { hostId: "v", guestId: "w", ...slot(5) },
      ],
    };
    const codes = scheduleMeetings(input)
      .warnings.map((w) => w.code)
      .sort();
    expect(codes).toEqual(["CONFIRMED_TABLE_CLASH", "INVALID_INTERVAL", "INVALID_TABLE_INDEX", "TABLES_OVERBOOKED", "UNKNOWN_PERSON"]);
  });

  it("refuses a nonsensical number of tables with the shared validation error", () => {
    const input: SchedulerInput = { hosts: [], guests: [], preferences: [], tables: -1 };
    expect(() => scheduleMeetings(input)).toThrow(DomainError);
    expect(() => scheduleMeetings({ ...input, tables: 2.5 })).toThrow(/whole number/);
  });

  it("copes with nothing to do", () => {
    const empty = scheduleMeetings({ hosts: [], guests: [], preferences: [], tables: 0 });
    expect(empty).toMatchObject({ assignments: [], score: 0, upperBound: 0, unscheduled: [] });
    const noTables = scheduleMeetings({
      hosts: [{ id: "h", slots: [slot(0)] }],
      guests: [{ id: "g" }],
      preferences: both("h", "g", "MUST_MEET", "MUST_MEET"),
      tables: 0,
    });
    expect(noTables.assignments).toEqual([]);
    expect(noTables.unscheduled[0].reason).toBe("NO_COMMON_TIME");
  });
});

// ───────────────────────────── exact optimum on tiny instances ─────────────────────────────

describe("scheduleMeetings against the exact optimum (tiny instances, brute force)", () => {
  for (const offGrid of [false, true]) {
    it(`finds the optimum and bounds it from above (${offGrid ? "slots off the grid" : "common slot grid"})`, () => {
      let instancesWithMeetings = 0;
      for (let seed = 1; seed <= 150; seed++) {
        const input = tinyInstance(seed * 7919 + (offGrid ? 1 : 0), offGrid);
        const optimum = bruteForceOptimum(input);
        const proposal = scheduleMeetings(input, { seed });
        expect(checkSchedule(input, proposal.assignments), `seed ${seed}`).toEqual([]);
        expect(proposal.upperBound, `seed ${seed}`).toBeGreaterThanOrEqual(optimum);
        expect(proposal.score, `seed ${seed}`).toBe(optimum);
        if (optimum > 0) instancesWithMeetings++;
      }
      expect(instancesWithMeetings).toBeGreaterThan(75); // the instances are not trivially empty
    });
  }
});

// ───────────────────────────── properties on realistic instances ─────────────────────────────

// Whole searches on realistic instances take seconds each; on a loaded two-core machine the
// default 5 s limit measured the machine, not the scheduler (speed is for `npm run bench`).
describe("scheduleMeetings on generated roadshow instances", { timeout: 60_000 }, () => {
  const variants = [
    { name: "everyone all day, plenty of tables", tables: 30, guestPresence: 1, confirmedShare: 0.02 },
    { name: "few tables", tables: 8, guestPresence: 1, confirmedShare: 0.05 },
    { name: "guests around part of the day", tables: 20, guestPresence: 0.4, confirmedShare: 0.05 },
    { name: "many confirmed meetings", tables: 12, guestPresence: 0.7, confirmedShare: 0.3 },
  ];
  for (const variant of variants) {
    it(`never creates a conflict and stays under the bound: ${variant.name}`, () => {
      for (const seed of [1, 2, 3]) {
        const input = generateSampleInstance({ hosts: 24, guests: 72, slots: 8, seed, ...variant });
        const proposal = scheduleMeetings(input, { seed });
        expect(checkSchedule(input, proposal.assignments)).toEqual([]);
        expect(proposal.score).toBe(proposal.assignments.reduce((sum, m) => sum + m.weight, 0));
        expect(proposal.score).toBeLessThanOrEqual(proposal.upperBound);
        expect(proposal.upperBound).toBeLessThanOrEqual(Math.min(proposal.stats.hostSideBound, proposal.stats.guestSideBound));
        expect(proposal.upperBound).toBe(Math.min(proposal.stats.timeBlindBound, proposal.stats.hostClockBound, proposal.stats.guestClockBound));
        expect(proposal.assignments.length + proposal.unscheduled.length).toBe(proposal.stats.mutualPairs);
        const confirmedPairs = new Set((input.confirmedMeetings ?? []).map((m) => `${m.hostId}-${m.guestId}`));
        expect(proposal.assignments.some((m) => confirmedPairs.has(`${m.hostId}-${m.guestId}`))).toBe(false);
        expect(proposal.assignments.every((m) => Number.isInteger(m.tableIndex) && m.tableIndex >= 0 && m.tableIndex < input.tables)).toBe(true);
        // Plain greedy is never better than the full search.
        expect(scheduleMeetings(input, { seed, searchDepth: 0 }).score).toBeLessThanOrEqual(proposal.score);
      }
    });
  }

  it("never creates a conflict when hosts publish different slot lengths and offsets", () => {
    for (const seed of [11, 12, 13, 14]) {
      const random = createRandom(seed);
      const base = generateSampleInstance({ hosts: 16, guests: 48, slots: 8, tables: 10, seed });
      const lengths = [20, 25, 30, 45];
      const hosts = base.hosts.map((host) => {
        const length = lengths[randomInt(random, lengths.length)];
        const offset = randomInt(random, 4) * 5;
        const count = Math.floor(240 / (length + 5));
        return {
          id: host.id,
          slots: Array.from({ length: count }, (_, i) => ({
            startsAt: new Date(DAY + (offset + i * (length + 5)) * MINUTE),
            endsAt: new Date(DAY + (offset + i * (length + 5) + length) * MINUTE),
          })),
        };
      });
      const input: SchedulerInput = { ...base, hosts, confirmedMeetings: [] };
      const proposal = scheduleMeetings(input, { seed });
      expect(checkSchedule(input, proposal.assignments)).toEqual([]);
      expect(proposal.score).toBeGreaterThan(0);
      expect(proposal.score).toBeLessThanOrEqual(proposal.upperBound);
    }
  });

  it("is deterministic for a seed", () => {
    const input = generateSampleInstance({ hosts: 24, guests: 72, slots: 8, tables: 10, seed: 5, guestPresence: 0.5 });
    const first = scheduleMeetings(input, { seed: 9 });
    const second = scheduleMeetings(input, { seed: 9 });
    expect(second.assignments).toEqual(first.assignments);
    expect(second.score).toBe(first.score);
  });

  it("reaches at least 95 % of the bound on a realistic mid-size stop", () => {
    const input = generateSampleInstance({ hosts: 60, guests: 180, slots: 16, tables: 48, seed: 3 });
    const proposal = scheduleMeetings(input);
    expect(checkSchedule(input, proposal.assignments)).toEqual([]);
    expect(proposal.score / proposal.upperBound).toBeGreaterThanOrEqual(0.95);
    // Must-meet-on-both-sides pairs come first: none is left out while a lighter one is in.
    expect(proposal.stats.meetingsByWeight[3]).toBe(proposal.stats.pairsByWeight[3]);
  });
});
