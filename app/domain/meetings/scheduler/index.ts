// The organiser's auto-scheduler for one roadshow stop: from mutual preferences and the hosts'
// free slots it proposes 1:1 meetings (host, guest, slot, table) that maximise the weight of
// mutually wanted meetings, never creating a conflict and never touching confirmed meetings.
//
// How it works (deterministic for a given seed):
//  1. Model (model.ts). Every distinct slot interval is a "time class"; two classes conflict
//     when their intervals overlap (on an ordinary grid a class only conflicts with itself).
//     Confirmed meetings and busy times are fixed blocks on people and tables.
//  2. Upper bound (bound.ts, solved by flow.ts): three flow relaxations, the smallest wins (see
//     ScheduleProposal.upperBound). The time-blind one's optimal pair set also guides the
//     ordering below.
//  3. Greedy (greedy.ts): pairs by weight (must-meet first), the bound's chosen pairs first,
//     scarcest (fewest possible times) first; each goes to the free time that the fewest other
//     waiting pairs of its two people could use.
//  4. Improvement passes (search.ts): each time slot re-solved exactly (max-weight matching of
//     the people free then), each person's day re-solved exactly (matching of their pairs to
//     times) (resolve.ts), alternating (Kempe) chains and ejection chains that move the
//     meetings blocking a pair, and exchanges that drop lighter meetings for a heavier pair
//     when the total grows (moves.ts).
//  5. Large-neighbourhood search (search.ts): ruin and recreate the days of the two people of a
//     random waiting pair, or re-solve one of those days; equal results are kept to cross
//     plateaus.
// Every change is journalled (board.ts), so a failed attempt is rolled back exactly, and the
// score never goes down. The search stops early when it reaches the upper bound.
import { createRandom } from "../random";
import { Board } from "./board";
import { computeUpperBound } from "./bound";
import { placeGreedily } from "./greedy";
import { buildModel } from "./model";
import { toProposal } from "./proposal";
import { improve, largeNeighbourhoodSearch } from "./search";
import type { ScheduleProposal, SchedulerInput, SchedulerOptions } from "./types";

export * from "./check";
export { maxWeightCapacitatedMatching, maxWeightFlow, type CapacitatedPair, type FlowArc } from "./flow";
export type * from "./types";
export * from "./weights";

const DEFAULTS = { seed: 1, searchDepth: 2, improvementPasses: 4, searchBudget: 400, ruinRounds: 10_000 };

export function scheduleMeetings(input: SchedulerInput, options: SchedulerOptions = {}): ScheduleProposal {
  const settings = { ...DEFAULTS, ...options };
  const model = buildModel(input);
  const bound = computeUpperBound(model);
  const board = new Board(model, settings.searchBudget);
  // One seeded stream: the greedy tie-break draws from it first, the large-neighbourhood rounds
  // after, so a seed fixes the whole run.
  const random = createRandom(settings.seed);
  const order = placeGreedily(board, bound.chosen, random);
  improve(board, order, bound.value, settings);
  largeNeighbourhoodSearch(board, order, bound.value, settings, random);
  return toProposal(board, bound);
}
