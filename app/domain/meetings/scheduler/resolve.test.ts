import { describe, expect, it } from "vitest";
import { reoptimizeClass, reoptimizePerson } from "./resolve";
import { boardFor, both, pairOf, placementsOf, slot } from "./test-support";
import type { SchedulerInput } from "./types";

describe("reoptimizeClass", () => {
  // At 08:00, h1–g1 (1) blocks both h1–g2 (3) and h2–g1 (3).
  const crossed = (tables: number): SchedulerInput => ({
    hosts: [
      { id: "h1", slots: [slot(0)] },
      { id: "h2", slots: [slot(0)] },
    ],
    guests: [{ id: "g1" }, { id: "g2" }],
    preferences: [
      ...both("h1", "g1", "WOULD_LIKE", "WOULD_LIKE"),
      ...both("h1", "g2", "MUST_MEET", "MUST_MEET"),
      ...both("h2", "g1", "MUST_MEET", "MUST_MEET"),
    ],
    tables,
  });

  it("replaces a time's meetings by the heaviest matching of the people free then", () => {
    const board = boardFor(crossed(2));
    board.placeAt(pairOf(board, "h1", "g1"), 0);
    expect(reoptimizeClass(board, 0)).toBe(true);
    expect(placementsOf(board)).toEqual(["h1-g2@0", "h2-g1@0"]);
    expect(board.score).toBe(6);
  });

  it("holds the matching to the free tables", () => {
    const board = boardFor(crossed(1));
    board.placeAt(pairOf(board, "h1", "g1"), 0);
    expect(reoptimizeClass(board, 0)).toBe(true);
    expect(board.score).toBe(3);
    expect(placementsOf(board)).toHaveLength(1);
  });

  it("keeps the time as it was when the matching does not weigh more", () => {
    const board = boardFor(crossed(2));
    board.placeAt(pairOf(board, "h1", "g2"), 0);
    board.placeAt(pairOf(board, "h2", "g1"), 0);
    expect(reoptimizeClass(board, 0)).toBe(false);
    expect(placementsOf(board)).toEqual(["h1-g2@0", "h2-g1@0"]);
  });
});

describe("reoptimizePerson", () => {
  // g1 can only come at 08:00; g2 at either time.
  const input: SchedulerInput = {
    hosts: [{ id: "h1", slots: [slot(0), slot(1)] }],
    guests: [{ id: "g1", busy: [slot(1)] }, { id: "g2" }],
    preferences: [...both("h1", "g1", "WOULD_LIKE", "WOULD_LIKE"), ...both("h1", "g2", "WOULD_LIKE", "WOULD_LIKE")],
    tables: 1,
  };
  const h1 = (board: ReturnType<typeof boardFor>) => board.model.personIds.indexOf("h1");

  it("re-assigns a person's pairs to times as a heaviest matching", () => {
    const board = boardFor(input);
    board.placeAt(pairOf(board, "h1", "g2"), 0);
    expect(reoptimizePerson(board, h1(board), false)).toBe(true);
    expect(placementsOf(board)).toEqual(["h1-g1@0", "h1-g2@1"]);
  });

  it("reports no gain on an equal day, keeping the new one only when asked to", () => {
    const board = boardFor(input);
    board.placeAt(pairOf(board, "h1", "g1"), 0);
    board.placeAt(pairOf(board, "h1", "g2"), 1);
    expect(reoptimizePerson(board, h1(board), false)).toBe(false);
    expect(reoptimizePerson(board, h1(board), true)).toBe(false);
    expect(board.score).toBe(2);
    expect(placementsOf(board)).toEqual(["h1-g1@0", "h1-g2@1"]);
  });
});
