import { describe, expect, it } from "vitest";
import { computeUpperBound } from "./bound";
import { toProposal } from "./proposal";
import { boardFor, both, pairOf, slot } from "./test-support";
import type { SchedulerInput } from "./types";

describe("toProposal", () => {
  // h1 publishes named slots, h2 an unnamed one; g3 is away all morning.
  const input: SchedulerInput = {
    hosts: [
      { id: "h1", slots: [slot(1, 0, "h1-late"), slot(0, 0, "h1-early")] },
      { id: "h2", slots: [slot(0)] },
    ],
    guests: [{ id: "g1" }, { id: "g2" }, { id: "g3", busy: [slot(0), slot(1)] }],
    preferences: [
      ...both("h1", "g1", "MUST_MEET", "WOULD_LIKE"),
      ...both("h2", "g2", "WOULD_LIKE", "WOULD_LIKE"),
      ...both("h1", "g2", "WOULD_LIKE", "WOULD_LIKE"),
      ...both("h2", "g1", "MUST_MEET", "MUST_MEET"),
      ...both("h1", "g3", "MUST_MEET", "MUST_MEET"),
      { fromUserId: "nobody", toUserId: "h1", level: "MUST_MEET" },
    ],
    tables: 2,
  };

  it("dates the meetings, echoes slot ids, and sorts by time then table", () => {
    const board = boardFor(input);
    board.placeAt(pairOf(board, "h1", "g1"), 1);
    board.placeAt(pairOf(board, "h2", "g1"), 0); // table 0
    board.placeAt(pairOf(board, "h1", "g2"), 0); // table 1
    const proposal = toProposal(board, computeUpperBound(board.model));
    expect(proposal.assignments).toEqual([
      { hostId: "h2", guestId: "g1", ...slot(0), tableIndex: 0, weight: 3 },
      { hostId: "h1", guestId: "g2", slotId: "h1-early", ...slot(0), tableIndex: 1, weight: 1 },
      { hostId: "h1", guestId: "g1", slotId: "h1-late", ...slot(1), tableIndex: 0, weight: 2 },
    ]);
    expect(proposal.score).toBe(6);
  });

  it("says why each pair was left out, heaviest first, and carries the bound and the model's warnings", () => {
    const board = boardFor(input);
    board.placeAt(pairOf(board, "h1", "g1"), 1);
    const bound = computeUpperBound(board.model);
    const proposal = toProposal(board, bound);
    expect(proposal.unscheduled).toEqual([
      { hostId: "h1", guestId: "g3", weight: 3, reason: "NO_COMMON_TIME" },
      { hostId: "h2", guestId: "g1", weight: 3, reason: "NO_ROOM" },
      { hostId: "h1", guestId: "g2", weight: 1, reason: "NO_ROOM" },
      { hostId: "h2", guestId: "g2", weight: 1, reason: "NO_ROOM" },
    ]);
    expect(proposal.upperBound).toBe(bound.value);
    expect(proposal.stats).toEqual({
      mutualPairs: 5,
      schedulablePairs: 4,
      timeBlindBound: bound.timeBlindBound,
      hostClockBound: bound.hostClockBound,
      guestClockBound: bound.guestClockBound,
      hostSideBound: bound.hostSideBound,
      guestSideBound: bound.guestSideBound,
      meetingsByWeight: { 1: 0, 2: 1, 3: 0 },
      pairsByWeight: { 1: 2, 2: 1, 3: 1 },
    });
    expect(proposal.warnings.map((w) => w.code)).toEqual(["UNKNOWN_PERSON"]);
  });
});
