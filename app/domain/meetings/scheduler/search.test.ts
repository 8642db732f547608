import { describe, expect, it } from "vitest";
import { createRandom } from "../random";
import type { Board } from "./board";
import { computeUpperBound } from "./bound";
import { checkSchedule } from "./check";
import { placeGreedily } from "./greedy";
import { toProposal } from "./proposal";
import { generateSampleInstance } from "./sample-instance";
import { improve, largeNeighbourhoodSearch, ruinAndRecreate } from "./search";
import { boardFor, both, pairOf, placementsOf, slot } from "./test-support";
import type { SchedulerInput } from "./types";

const settings = { searchDepth: 2, improvementPasses: 4, ruinRounds: 200 };

/** A generated stop where both sides' clocks bind, so greedy leaves work for the search. */
function greedyStart(seed: number) {
  const input = generateSampleInstance({ hosts: 16, guests: 48, slots: 8, tables: 12, seed, guestPresence: 0.4 });
  const board = boardFor(input);
  const bound = computeUpperBound(board.model);
  const random = createRandom(seed);
  const order = placeGreedily(board, bound.chosen, random);
  return { input, board, bound, order, random };
}
const conflictsOf = (input: SchedulerInput, board: Board, bound = computeUpperBound(board.model)) => checkSchedule(input, toProposal(board, bound).assignments);

describe("improve", () => {
  // At 08:00 the would-like h1–g1 blocks two both-must-meet pairs.
  const input: SchedulerInput = {
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
    tables: 2,
  };
  const badStart = () => {
    const board = boardFor(input);
    board.placeAt(pairOf(board, "h1", "g1"), 0);
    const order = [pairOf(board, "h1", "g2"), pairOf(board, "h2", "g1"), pairOf(board, "h1", "g1")];
    return { board, order };
  };

  it("improves a bad start up to the bound", () => {
    const { board, order } = badStart();
    improve(board, order, computeUpperBound(board.model).value, settings);
    expect(placementsOf(board)).toEqual(["h1-g2@0", "h2-g1@0"]);
  });

  it("does nothing without search depth or once the target is reached", () => {
    for (const [depth, target] of [
      [0, 6],
      [2, 1],
    ]) {
      const { board, order } = badStart();
      improve(board, order, target, { ...settings, searchDepth: depth });
      expect(placementsOf(board)).toEqual(["h1-g1@0"]);
    }
  });

  it("never lowers the score nor creates a conflict on a generated stop", () => {
    let gained = 0;
    for (const seed of [1, 2]) {
      const { input, board, bound, order } = greedyStart(seed);
      const greedy = board.score;
      improve(board, order, bound.value, settings);
      expect(board.score).toBeGreaterThanOrEqual(greedy);
      expect(board.score).toBeLessThanOrEqual(bound.value);
      expect(conflictsOf(input, board, bound)).toEqual([]);
      gained += board.score - greedy;
    }
    expect(gained).toBeGreaterThan(0); // the stops leave the passes something to do
  });
});

describe("ruinAndRecreate", () => {
  it("keeps any result that does not weigh less, and nothing that does", () => {
    const { input, board, order } = greedyStart(3);
    const rank = new Int32Array(board.model.edgeCount);
    order.forEach((e, i) => (rank[e] = i));
    let attempts = 0;
    for (const e of order) {
      if (board.isPlaced(e)) continue;
      const before = board.score;
      const grew = ruinAndRecreate(board, e, rank);
      expect(board.score).toBeGreaterThanOrEqual(before);
      expect(grew).toBe(board.score > before);
      attempts++;
    }
    expect(attempts).toBeGreaterThan(0);
    expect(conflictsOf(input, board)).toEqual([]);
  });
});

describe("largeNeighbourhoodSearch", () => {
  it("only climbs, stays within the bound and the rules, and repeats itself for a seed", () => {
    const runs = [1, 2].map(() => {
      const { input, board, bound, order, random } = greedyStart(4);
      improve(board, order, bound.value, settings);
      const improved = board.score;
      largeNeighbourhoodSearch(board, order, bound.value, settings, random);
      expect(board.score).toBeGreaterThanOrEqual(improved);
      expect(board.score).toBeLessThanOrEqual(bound.value);
      expect(conflictsOf(input, board, bound)).toEqual([]);
      return placementsOf(board);
    });
    expect(runs[1]).toEqual(runs[0]);
  });
});
