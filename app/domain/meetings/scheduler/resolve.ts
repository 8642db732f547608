// Exact re-solves (step 4 of index.ts): one time, or one person's day, is lifted out of the
// schedule and refilled by a maximum-weight matching, which no sequence of single moves would
// find when several meetings have to change places at once.
import type { Board } from "./board";
import { maxWeightCapacitatedMatching, type CapacitatedPair } from "./flow";

/**
 * Re-solves one time class exactly: its meetings are lifted and replaced by a maximum-weight
 * matching of the hosts and guests free at that time (pairs met at another time excluded,
 * at most the free tables). Kept only if the total weight grows.
 */
export function reoptimizeClass(board: Board, c: number): boolean {
  board.beginAttempt();
  const before = board.score;
  for (const e of board.model.edgesByClass[c]) if (board.placedClass[e] === c) board.unplace(e);
  const K = board.K;
  const hostNode = new Map<number, number>();
  const guestNode = new Map<number, number>();
  const pairs: CapacitatedPair[] = [];
  const pairEdges: number[] = [];
  for (const e of board.model.edgesByClass[c]) {
    const host = board.model.edgeHost[e];
    const guest = board.model.edgeGuest[e];
    if (board.placedClass[e] >= 0 || board.personLoad[host * K + c] !== 0 || board.personLoad[guest * K + c] !== 0) continue;
    if (!hostNode.has(host)) hostNode.set(host, hostNode.size);
    if (!guestNode.has(guest)) guestNode.set(guest, guestNode.size);
    pairs.push({ left: hostNode.get(host)!, right: guestNode.get(guest)!, weight: board.model.edgeWeight[e] });
    pairEdges.push(e);
  }
  const ones = (n: number) => new Array<number>(n).fill(1);
  const matching = maxWeightCapacitatedMatching(ones(hostNode.size), ones(guestNode.size), pairs, board.freeTables[c]);
  matching.chosen.forEach((isChosen, i) => {
    if (isChosen) board.place(pairEdges[i], c, board.firstFreeTable(c));
  });
  if (board.score > before) return true;
  board.rollback(0);
  return false;
}

/**
 * Re-solves one person's day exactly: their meetings are lifted and their pairs re-assigned
 * to times by a maximum-weight matching of pairs to times at which the other person and a
 * table are free. Kept if the total weight grows, or stays equal when `keepEqual` (which lets
 * a search drift across equally good schedules).
 */
export function reoptimizePerson(board: Board, person: number, keepEqual: boolean): boolean {
  board.beginAttempt();
  const before = board.score;
  for (const m of [...board.personMeetings[person]]) board.unplace(m);
  const K = board.K;
  const pairs: CapacitatedPair[] = [];
  const pairEdges: number[] = [];
  const pairClasses: number[] = [];
  const waiting = board.model.edgesByPerson[person];
  waiting.forEach((e, i) => {
    if (board.isPlaced(e)) return;
    for (const c of board.model.edgeClasses[e]) {
      if (!board.isFree(e, c)) continue;
      pairs.push({ left: i, right: c, weight: board.model.edgeWeight[e] });
      pairEdges.push(e);
      pairClasses.push(c);
    }
  });
  const matching = maxWeightCapacitatedMatching(new Array(waiting.length).fill(1), new Array(K).fill(1), pairs, waiting.length);
  matching.chosen.forEach((isChosen, i) => {
    if (isChosen) board.placeAt(pairEdges[i], pairClasses[i]);
  });
  if (board.score > before || (keepEqual && board.score === before)) return board.score > before;
  board.rollback(0);
  return false;
}
