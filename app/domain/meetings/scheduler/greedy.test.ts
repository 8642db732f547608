import { describe, expect, it } from "vitest";
import { createRandom } from "../random";
import { computeUpperBound } from "./bound";
import { placeGreedily, priorityOrder } from "./greedy";
import { buildModel, type Model } from "./model";
import { boardFor, both, placementsOf, slot } from "./test-support";
import type { SchedulerInput } from "./types";

const guestsIn = (model: Model, order: number[]) => order.map((e) => model.personIds[model.edgeGuest[e]]);

describe("priorityOrder", () => {
  // h1 is free all morning; "must" is a both-must-meet pair, "early" can only come at 08:00,
  // "any" at any time, "away" never.
  const input: SchedulerInput = {
    hosts: [{ id: "h1", slots: [slot(0), slot(1), slot(2)] }],
    guests: [{ id: "any" }, { id: "early", busy: [slot(1), slot(2)] }, { id: "must" }, { id: "away", busy: [slot(0), slot(1), slot(2)] }],
    preferences: [
      ...both("h1", "any", "WOULD_LIKE", "WOULD_LIKE"),
      ...both("h1", "early", "WOULD_LIKE", "WOULD_LIKE"),
      ...both("h1", "must", "MUST_MEET", "MUST_MEET"),
      ...both("h1", "away", "MUST_MEET", "MUST_MEET"),
    ],
    tables: 1,
  };
  const model = buildModel(input);
  const none = new Uint8Array(model.edgeCount);
  const edgeTo = (guestId: string) => model.edgeGuest.indexOf(model.personIds.indexOf(guestId));

  it("puts the heaviest first, then the scarcest, and leaves out pairs without a common time", () => {
    expect(guestsIn(model, priorityOrder(model, none, createRandom(1)))).toEqual(["must", "early", "any"]);
  });

  it("puts the bound's chosen pairs before scarcer ones of the same weight", () => {
    const chosen = new Uint8Array(model.edgeCount);
    chosen[edgeTo("any")] = 1;
    expect(guestsIn(model, priorityOrder(model, chosen, createRandom(1)))).toEqual(["must", "any", "early"]);
  });

  it("breaks the remaining ties by the seed, the same way each time", () => {
    const twins = buildModel({
      hosts: [{ id: "h1", slots: [slot(0)] }],
      guests: [{ id: "a" }, { id: "b" }],
      preferences: [...both("h1", "a", "WOULD_LIKE", "WOULD_LIKE"), ...both("h1", "b", "WOULD_LIKE", "WOULD_LIKE")],
      tables: 1,
    });
    const firsts = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) {
      const order = guestsIn(twins, priorityOrder(twins, new Uint8Array(2), createRandom(seed)));
      expect(guestsIn(twins, priorityOrder(twins, new Uint8Array(2), createRandom(seed)))).toEqual(order);
      firsts.add(order[0]);
    }
    expect(firsts).toEqual(new Set(["a", "b"]));
  });
});

describe("placeGreedily", () => {
  it("places in priority order without moving anything, so a lighter pair can lose its only time", () => {
    const input: SchedulerInput = {
      hosts: [{ id: "h1", slots: [slot(0)] }],
      guests: [{ id: "like" }, { id: "must" }],
      preferences: [...both("h1", "like", "WOULD_LIKE", "WOULD_LIKE"), ...both("h1", "must", "MUST_MEET", "MUST_MEET")],
      tables: 5,
    };
    const board = boardFor(input);
    const order = placeGreedily(board, computeUpperBound(board.model).chosen, createRandom(1));
    expect(guestsIn(board.model, order)).toEqual(["must", "like"]);
    expect(placementsOf(board)).toEqual(["h1-must@0"]);
  });

  it("leaves the time a scarcer pair needs free when it can", () => {
    // h2–g1 is heavier and goes first; 08:30 is the time no other waiting pair of h2 or g1 wants.
    const input: SchedulerInput = {
      hosts: [
        { id: "h1", slots: [slot(0)] },
        { id: "h2", slots: [slot(0), slot(1)] },
      ],
      guests: [{ id: "g1" }],
      preferences: [...both("h1", "g1", "WOULD_LIKE", "WOULD_LIKE"), ...both("h2", "g1", "MUST_MEET", "MUST_MEET")],
      tables: 1,
    };
    const board = boardFor(input);
    placeGreedily(board, computeUpperBound(board.model).chosen, createRandom(1));
    expect(placementsOf(board)).toEqual(["h1-g1@0", "h2-g1@1"]);
    expect(board.score).toBe(4);
  });
});
