import { describe, expect, it } from "vitest";
import { attemptExchange, attemptInsert } from "./moves";
import { boardFor, both, pairOf, placementsOf, slot } from "./test-support";
import type { SchedulerInput } from "./types";

describe("attemptInsert", () => {
  it("follows an alternating chain: the blocking meeting moves to the other time", () => {
    const board = boardFor({
      hosts: [
        { id: "h1", slots: [slot(0)] },
        { id: "h2", slots: [slot(0), slot(1)] },
      ],
      guests: [{ id: "g1" }],
      preferences: [...both("h1", "g1", "WOULD_LIKE", "WOULD_LIKE"), ...both("h2", "g1", "MUST_MEET", "MUST_MEET")],
      tables: 1,
    });
    board.placeAt(pairOf(board, "h2", "g1"), 0); // the one time h1 has
    expect(attemptInsert(board, pairOf(board, "h1", "g1"), 2)).toBe(true);
    expect(placementsOf(board)).toEqual(["h1-g1@0", "h2-g1@1"]);
    expect(board.score).toBe(4);
  });

  // h3 can only meet g3 at 08:00, where g3 meets h1; h1's other time for g3 (08:30) is held by
  // h1–g4, which can go to 09:00. g3 is away at 09:00, so no two-time chain solves it.
  const blocked = () => {
    const board = boardFor({
      hosts: [
        { id: "h1", slots: [slot(0), slot(1), slot(2)] },
        { id: "h3", slots: [slot(0)] },
      ],
      guests: [
        { id: "g3", busy: [slot(2)] },
        { id: "g4", busy: [slot(0)] },
      ],
      preferences: [
        ...both("h1", "g3", "WOULD_LIKE", "WOULD_LIKE"),
        ...both("h1", "g4", "WOULD_LIKE", "WOULD_LIKE"),
        ...both("h3", "g3", "WOULD_LIKE", "WOULD_LIKE"),
      ],
      tables: 2,
    });
    board.placeAt(pairOf(board, "h1", "g3"), 0);
    board.placeAt(pairOf(board, "h1", "g4"), 1);
    return board;
  };

  it("follows an ejection chain when the blocker's only other time is taken too", () => {
    const board = blocked();
    expect(attemptInsert(board, pairOf(board, "h3", "g3"), 2)).toBe(true);
    expect(placementsOf(board)).toEqual(["h1-g3@1", "h1-g4@2", "h3-g3@0"]);
  });

  it("goes only as deep as asked, and does not retry until the pair's own people change", () => {
    const board = blocked();
    const pair = pairOf(board, "h3", "g3");
    expect(attemptInsert(board, pair, 1)).toBe(false);
    expect(placementsOf(board)).toEqual(["h1-g3@0", "h1-g4@1"]);
    expect(attemptInsert(board, pair, 2)).toBe(false); // remembered: nothing about h3 or g3 changed
    board.beginAttempt();
    board.unplace(pairOf(board, "h1", "g3"));
    board.placeAt(pairOf(board, "h1", "g3"), 0); // same place, but g3's meetings were touched
    expect(attemptInsert(board, pair, 2)).toBe(true);
  });

  it("never drops a meeting to fit a pair, and leaves everything as it was when it fails", () => {
    const board = boardFor({
      hosts: [{ id: "h1", slots: [slot(0)] }],
      guests: [{ id: "g1" }, { id: "g2" }],
      preferences: [...both("h1", "g1", "WOULD_LIKE", "WOULD_LIKE"), ...both("h1", "g2", "MUST_MEET", "MUST_MEET")],
      tables: 1,
    });
    board.placeAt(pairOf(board, "h1", "g1"), 0);
    expect(attemptInsert(board, pairOf(board, "h1", "g2"), 2)).toBe(false);
    expect(placementsOf(board)).toEqual(["h1-g1@0"]);
  });
});

describe("attemptExchange", () => {
  const oneSlot: SchedulerInput = {
    hosts: [{ id: "h1", slots: [slot(0)] }],
    guests: [{ id: "light" }, { id: "heavy" }],
    preferences: [...both("h1", "light", "WOULD_LIKE", "WOULD_LIKE"), ...both("h1", "heavy", "MUST_MEET", "MUST_MEET")],
    tables: 1,
  };

  it("gives up a lighter meeting for a heavier pair", () => {
    const board = boardFor(oneSlot);
    board.placeAt(pairOf(board, "h1", "light"), 0);
    expect(attemptExchange(board, pairOf(board, "h1", "heavy"), 2)).toBe(true);
    expect(placementsOf(board)).toEqual(["h1-heavy@0"]);
    expect(board.score).toBe(3);
  });

  it("never gives up a heavier meeting for a lighter pair", () => {
    const board = boardFor(oneSlot);
    board.placeAt(pairOf(board, "h1", "heavy"), 0);
    expect(attemptExchange(board, pairOf(board, "h1", "light"), 2)).toBe(false);
    expect(placementsOf(board)).toEqual(["h1-heavy@0"]);
  });

  it("trades one meeting for two when the room it leaves fits another waiting pair", () => {
    // h1–g1 blocks both h2–g1 (through g1) and h1–g2 (through h1); all weigh the same.
    const board = boardFor({
      hosts: [
        { id: "h1", slots: [slot(0)] },
        { id: "h2", slots: [slot(0)] },
      ],
      guests: [{ id: "g1" }, { id: "g2" }],
      preferences: [
        ...both("h1", "g1", "WOULD_LIKE", "WOULD_LIKE"),
        ...both("h2", "g1", "WOULD_LIKE", "WOULD_LIKE"),
        ...both("h1", "g2", "WOULD_LIKE", "WOULD_LIKE"),
      ],
      tables: 2,
    });
    board.placeAt(pairOf(board, "h1", "g1"), 0);
    expect(attemptExchange(board, pairOf(board, "h2", "g1"), 2)).toBe(true);
    expect(placementsOf(board)).toEqual(["h1-g2@0", "h2-g1@0"]);
    expect(board.score).toBe(2);
  });
});
