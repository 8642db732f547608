import { describe, expect, it } from "vitest";
import type { Board } from "./board";
import { generateSampleInstance } from "./sample-instance";
import { boardFor, both, pairOf, placementsOf, slot } from "./test-support";

const snapshot = (board: Board) => ({
  score: board.score,
  placedClass: [...board.placedClass],
  placedTable: [...board.placedTable],
  personLoad: [...board.personLoad],
  tableLoad: [...board.tableLoad],
  freeTables: [...board.freeTables],
  hasFreeTable: board.hasFreeTable(),
  personMeetings: board.personMeetings.map((list) => [...list].sort()),
  classMeetings: board.classMeetings.map((list) => [...list].sort()),
});

describe("Board", () => {
  it("rolls an attempt back to exactly where it started", () => {
    const board = boardFor(generateSampleInstance({ hosts: 6, guests: 18, slots: 4, tables: 3, seed: 4 }));
    const pairs = Array.from({ length: board.model.edgeCount }, (_, e) => e);
    for (const e of pairs.slice(0, Math.floor(pairs.length / 2))) board.placeDirect(e);
    board.beginAttempt();
    const before = snapshot(board);
    expect(before.score).toBeGreaterThan(0);

    const placed = pairs.filter((e) => board.isPlaced(e));
    for (const e of placed.slice(0, 3)) board.unplace(e);
    const mark = board.mark();
    for (const e of pairs) board.placeDirect(e);
    board.rollback(mark);
    for (const e of pairs.slice(0, 5)) if (board.isPlaced(e)) board.unplace(e);
    board.rollback(0);

    expect(snapshot(board)).toEqual(before);
  });

  it("places a pair at the time the fewest other waiting pairs of its people could use", () => {
    // g2 can only come at 08:00, so h1–g1 takes 08:30 and leaves 08:00 to h1–g2.
    const board = boardFor({
      hosts: [{ id: "h1", slots: [slot(0), slot(1)] }],
      guests: [{ id: "g1" }, { id: "g2", busy: [slot(1)] }],
      preferences: [...both("h1", "g1", "MUST_MEET", "MUST_MEET"), ...both("h1", "g2", "WOULD_LIKE", "WOULD_LIKE")],
      tables: 1,
    });
    expect(board.placeDirect(pairOf(board, "h1", "g1"))).toBe(true);
    expect(board.placeDirect(pairOf(board, "h1", "g2"))).toBe(true);
    expect(placementsOf(board)).toEqual(["h1-g1@1", "h1-g2@0"]);
    expect(board.score).toBe(4);
  });

  it("breaks a tie by the time with more free tables", () => {
    const board = boardFor({
      hosts: [{ id: "h1", slots: [slot(0), slot(1)] }],
      guests: [{ id: "g1" }],
      preferences: both("h1", "g1", "WOULD_LIKE", "WOULD_LIKE"),
      tables: 2,
      confirmedMeetings: [{ hostId: "x", guestId: "y", ...slot(0), tableIndex: 0 }],
    });
    board.placeDirect(pairOf(board, "h1", "g1"));
    expect(placementsOf(board)).toEqual(["h1-g1@1"]);
    expect(board.placedTable[pairOf(board, "h1", "g1")]).toBe(0);
  });

  it("places at a given time only when both people and a table are free", () => {
    const board = boardFor({
      hosts: [
        { id: "h1", slots: [slot(0)] },
        { id: "h2", slots: [slot(0), slot(1)] },
      ],
      guests: [{ id: "g1" }, { id: "g2" }],
      preferences: [
        ...both("h1", "g1", "WOULD_LIKE", "WOULD_LIKE"),
        ...both("h2", "g1", "WOULD_LIKE", "WOULD_LIKE"),
        ...both("h2", "g2", "WOULD_LIKE", "WOULD_LIKE"),
      ],
      tables: 1,
    });
    expect(board.placeAt(pairOf(board, "h1", "g1"), 0)).toBe(true);
    expect(board.placeAt(pairOf(board, "h2", "g1"), 1)).toBe(true);
    expect(board.placeAt(pairOf(board, "h2", "g2"), 0)).toBe(false); // the only table is taken
    expect(board.placeAt(pairOf(board, "h2", "g2"), 1)).toBe(false); // h2 is taken
    expect(board.hasFreeTable()).toBe(false);
    expect(board.placeDirect(pairOf(board, "h2", "g2"))).toBe(false);
  });

  it("moves the version of the people a committed attempt touched, and only theirs", () => {
    const board = boardFor({
      hosts: [
        { id: "h1", slots: [slot(0)] },
        { id: "h2", slots: [slot(0)] },
      ],
      guests: [{ id: "g1" }, { id: "g2" }],
      preferences: [...both("h1", "g1", "WOULD_LIKE", "WOULD_LIKE"), ...both("h2", "g2", "WOULD_LIKE", "WOULD_LIKE")],
      tables: 2,
    });
    const [first, second] = [pairOf(board, "h1", "g1"), pairOf(board, "h2", "g2")];
    const versions = () => [board.versionOf(first), board.versionOf(second)];
    const start = versions();

    board.beginAttempt();
    board.placeDirect(first);
    board.rollback(0);
    board.beginAttempt(); // nothing left to commit: a rolled-back attempt changes no version
    expect(versions()).toEqual(start);

    board.placeDirect(first);
    board.beginAttempt();
    expect(board.versionOf(first)).toBeGreaterThan(start[0]);
    expect(board.versionOf(second)).toBe(start[1]);
  });
});
