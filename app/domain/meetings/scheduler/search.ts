// Steps 4 and 5 of index.ts: improve the greedy schedule until it stops improving or reaches the
// upper bound, then wander around it with large-neighbourhood rounds. The score never goes down:
// every move either gains, or (where said) keeps an equal score, or is rolled back.
import type { Board } from "./board";
import { attemptExchange, attemptInsert, tryAlternatingChain } from "./moves";
import { reoptimizeClass, reoptimizePerson } from "./resolve";
import type { SchedulerOptions } from "./types";

type SearchSettings = Required<Pick<SchedulerOptions, "searchDepth" | "improvementPasses" | "ruinRounds">>;

/**
 * Improvement passes over the pairs in priority order, until nothing improves (searching is
 * pointless once the bound is reached).
 */
export function improve(board: Board, order: readonly number[], target: number, settings: SearchSettings): void {
  const model = board.model;
  for (let pass = 0; pass < settings.improvementPasses && settings.searchDepth > 0 && board.score < target; pass++) {
    let improved = false;
    for (let c = 0; c < model.classCount; c++) if (reoptimizeClass(board, c)) improved = true;
    for (let person = 0; person < model.personIds.length; person++) if (reoptimizePerson(board, person, true)) improved = true;
    // Without a free table anywhere no pair can be added without dropping one: only exchanges help.
    if (board.hasFreeTable()) {
      for (const e of order) if (!board.isPlaced(e) && attemptInsert(board, e, settings.searchDepth)) improved = true;
    }
    for (const e of order) {
      if (board.score >= target) break;
      if (!board.isPlaced(e) && attemptExchange(board, e, settings.searchDepth)) improved = true;
    }
    if (!improved) break;
  }
}

/**
 * Large-neighbourhood rounds around random waiting pairs: alternately ruin-and-recreate the
 * days of the pair's two people, or re-solve one of those days exactly. Equal-weight results
 * are kept, which lets the search drift across plateaus to where a gain is possible.
 */
export function largeNeighbourhoodSearch(board: Board, order: readonly number[], target: number, settings: SearchSettings, random: () => number): void {
  const model = board.model;
  const rank = new Int32Array(model.edgeCount);
  order.forEach((e, i) => (rank[e] = i));
  for (let round = 0; round < settings.ruinRounds && settings.searchDepth > 0 && board.score < target; round++) {
    let e = -1;
    for (let tries = 0; tries < 32 && e < 0; tries++) {
      const candidate = order[Math.floor(random() * order.length)];
      if (!board.isPlaced(candidate)) e = candidate;
    }
    if (e < 0) break; // (almost) everything is placed
    if (round % 2 === 0) ruinAndRecreate(board, e, rank);
    else reoptimizePerson(board, random() < 0.5 ? model.edgeHost[e] : model.edgeGuest[e], true);
  }
}

/**
 * Lifts every meeting of the waiting pair's host and guest, then puts back the waiting pair
 * first, the lifted meetings next and any other waiting pair of those people last (each in
 * the scheduler's priority order). Kept when the total weight does not drop, so the search can
 * also wander across equally good schedules; returns whether it grew.
 */
export function ruinAndRecreate(board: Board, e: number, rank: Int32Array): boolean {
  board.beginAttempt();
  const before = board.score;
  const host = board.model.edgeHost[e];
  const guest = board.model.edgeGuest[e];
  const lifted = [...board.personMeetings[host], ...board.personMeetings[guest]];
  for (const m of lifted) board.unplace(m);
  const others = new Set<number>();
  for (const person of [host, guest]) for (const f of board.model.edgesByPerson[person]) if (f !== e && !board.isPlaced(f)) others.add(f);
  const byRank = (a: number, b: number) => rank[a] - rank[b];
  const lift = new Set(lifted);
  const rest = [...others].filter((f) => !lift.has(f)).sort(byRank);
  for (const f of [e, ...lifted.sort(byRank), ...rest]) {
    if (board.isPlaced(f)) continue;
    board.budget = board.searchBudget;
    if (!board.placeDirect(f)) tryAlternatingChain(board, f);
  }
  if (board.score >= before) return board.score > before;
  board.rollback(0);
  return false;
}
