// Step 3 of index.ts: the starting schedule. Pairs are placed one by one, without moving any
// other meeting, in an order that makes the later search's job small: weight first, so nothing
// heavy waits behind something light.
import type { Board } from "./board";
import type { Model } from "./model";

/**
 * The order in which pairs are placed and later searched. Heaviest first; then the pairs the
 * bound's optimal pair set uses (the others only fill what is left); then the pairs with the
 * fewest possible times; then the seeded tie-break. Pairs without a common time are left out.
 */
export function priorityOrder(model: Model, chosen: Uint8Array, random: () => number): number[] {
  const tieBreak = Float64Array.from({ length: model.edgeCount }, () => random());
  return Array.from({ length: model.edgeCount }, (_, e) => e)
    .filter((e) => model.edgeClasses[e].length > 0)
    .sort(
      (a, b) =>
        model.edgeWeight[b] - model.edgeWeight[a] ||
        Number(chosen[b]) - Number(chosen[a]) ||
        model.edgeClasses[a].length - model.edgeClasses[b].length ||
        tieBreak[a] - tieBreak[b],
    );
}

/** Places every pair that still fits directly (see Board.placeDirect), in priority order; returns that order. */
export function placeGreedily(board: Board, chosen: Uint8Array, random: () => number): number[] {
  const order = priorityOrder(board.model, chosen, random);
  for (const e of order) board.placeDirect(e);
  return order;
}
