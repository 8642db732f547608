// Moves that fit one waiting pair into the schedule (step 4 of index.ts): alternating (Kempe)
// chains and ejection chains that move the meetings blocking it without dropping any, and
// exchanges that drop lighter meetings when the total grows. Each is journalled on the board,
// so a failed move is rolled back exactly.
import type { Board } from "./board";

/** Most meetings moved out of the way to fit one pair at one time (host's and guest's). */
const MAX_BLOCKERS = 2;
/** Meetings tried for freeing a table when every table is taken at the wanted time. */
const TABLE_CANDIDATES = 3;
/** Meetings looked at when choosing which one to move off a table. */
const TABLE_SCAN_LIMIT = 64;
/** Longest alternating chain followed (they are short in practice; this only guards odd input). */
const MAX_CHAIN = 64;

function classesOverlap(board: Board, a: number, b: number): boolean {
  return a === b || (board.model.classStart[a] < board.model.classEnd[b] && board.model.classStart[b] < board.model.classEnd[a]);
}

/** The movable meeting of `person` at class c (grid classes only), or -1. */
function meetingAt(board: Board, person: number, c: number): number {
  for (const m of board.personMeetings[person]) if (board.placedClass[m] === c) return m;
  return -1;
}

/**
 * Movable meetings that keep the pair's host or guest busy at class c, or null when a fixed
 * block (confirmed meeting, busy time) does.
 */
function blockersAt(board: Board, e: number, c: number): number[] | null {
  const blockers: number[] = [];
  for (const person of [board.model.edgeHost[e], board.model.edgeGuest[e]]) {
    const index = person * board.K + c;
    if (board.model.personFixed[index]) return null;
    if (board.personLoad[index] === 0) continue;
    for (const m of board.personMeetings[person]) {
      if (classesOverlap(board, board.placedClass[m], c) && !blockers.includes(m)) blockers.push(m);
    }
  }
  return blockers;
}

/**
 * Meetings whose removal frees a table at class c (the only meeting on their table there),
 * the most movable first — or, for exchanges, the lightest first.
 */
function tableBlockers(board: Board, c: number, limit: number, lightestFirst: boolean): number[] {
  const K = board.K;
  const candidates: Array<{ m: number; rank: number }> = [];
  let scanned = 0;
  for (const x of board.model.conflicts[c]) {
    for (const m of board.classMeetings[x]) {
      if (++scanned > TABLE_SCAN_LIMIT) break;
      const cell = board.placedTable[m] * K + c;
      if (board.tableLoad[cell] !== 1 || board.model.tableFixed[cell]) continue; // its table is held by more than m
      let freeElsewhere = 0;
      for (const other of board.model.edgeClasses[m]) if (other !== x && board.isFree(m, other)) freeElsewhere++;
      // To fit a pair without loss the meeting must be able to move; for an exchange it may just go.
      if (!lightestFirst && freeElsewhere === 0) continue;
      candidates.push({ m, rank: lightestFirst ? board.model.edgeWeight[m] * 1000 - freeElsewhere : -freeElsewhere });
    }
  }
  board.budget -= Math.ceil(scanned / 16); // scanning is search work too
  candidates.sort((a, b) => a.rank - b.rank || a.m - b.m);
  return candidates.slice(0, limit).map((candidate) => candidate.m);
}

/** Fits an unplaced pair, moving other meetings if needed; no meeting is dropped. */
export function attemptInsert(board: Board, e: number, depth: number): boolean {
  board.beginAttempt();
  // Same people, same meetings as at the last failed try: the search would fail again.
  if (board.failedInsertAt[e] === board.versionOf(e)) return false;
  board.budget = board.searchBudget;
  if (board.placeDirect(e) || tryAlternatingChain(board, e) || tryPlace(board, e, depth)) return true;
  board.failedInsertAt[e] = board.versionOf(e);
  return false;
}

/**
 * Kempe-chain move for two non-overlapping times a and b. One side of the pair is free at a,
 * the other is busy there with a meeting m1 but free at b: m1 moves to b; if its other person
 * is busy at b, that meeting moves to a; and so on, alternating, until someone is free. It is
 * the classic recolouring step of bipartite edge colouring, so the chain never comes back to
 * the pair and only the two times a and b are touched.
 */
export function tryAlternatingChain(board: Board, e: number): boolean {
  const model = board.model;
  const K = board.K;
  const ends = [model.edgeHost[e], model.edgeGuest[e]];
  for (const a of model.edgeClasses[e]) {
    if (model.conflicts[a].length !== 1 || board.freeTables[a] === 0) continue;
    const freeAtA = ends.map((person) => board.personLoad[person * K + a] === 0);
    if (freeAtA[0] === freeAtA[1]) continue; // both free is a direct placement; both busy is not this move
    const busyPerson = freeAtA[0] ? ends[1] : ends[0];
    if (model.personFixed[busyPerson * K + a]) continue;
    const first = meetingAt(board, busyPerson, a);
    if (first < 0) continue;
    for (const b of model.edgeClasses[first]) {
      if (b === a || model.conflicts[b].length !== 1 || board.personLoad[busyPerson * K + b] !== 0) continue;
      if (board.budget-- <= 0) return false;
      if (recolour(board, e, a, b, busyPerson, first)) return true;
    }
  }
  return false;
}

/**
 * Follows the chain from `first`, then lifts every meeting on it, places the pair at a and the
 * lifted meetings at their other time; rolls everything back if any of them may not go there
 * (its host has no slot then, someone is away, no table is free).
 */
function recolour(board: Board, e: number, a: number, b: number, busyPerson: number, first: number): boolean {
  const model = board.model;
  const K = board.K;
  const moves: Array<[meeting: number, target: number]> = [];
  let meeting = first;
  let from = a;
  let to = b;
  let pivot = model.edgeHost[meeting] === busyPerson ? model.edgeGuest[meeting] : model.edgeHost[meeting];
  for (;;) {
    moves.push([meeting, to]);
    if (moves.length > MAX_CHAIN || model.personFixed[pivot * K + to]) return false;
    if (board.personLoad[pivot * K + to] === 0) break;
    const next = meetingAt(board, pivot, to);
    // A meeting seen before would mean the chain loops (only possible when someone is both a
    // host and a guest): give up rather than move it twice.
    if (next < 0 || next === e || moves.some(([seen]) => seen === next)) return false;
    meeting = next;
    pivot = model.edgeHost[meeting] === pivot ? model.edgeGuest[meeting] : model.edgeHost[meeting];
    [from, to] = [to, from];
  }
  const mark = board.mark();
  for (const [m] of moves) board.unplace(m);
  const placeIfFree = (m: number, c: number) => {
    if (!board.isFree(m, c) || !model.edgeClasses[m].includes(c)) return false;
    board.place(m, c, board.firstFreeTable(c));
    return true;
  };
  if (placeIfFree(e, a) && moves.every(([m, c]) => placeIfFree(m, c))) return true;
  board.rollback(mark);
  return false;
}

/**
 * Ejection chain: fits the pair at one of its times by lifting the (at most MAX_BLOCKERS)
 * meetings of its people there, or one more off a table when none is free, then re-fits each
 * lifted meeting the same way, one level shallower.
 */
function tryPlace(board: Board, e: number, depth: number): boolean {
  if (board.placeDirect(e)) return true;
  if (depth <= 0) return false;
  const mark = board.mark();
  for (const c of board.model.edgeClasses[e]) {
    if (board.budget-- <= 0) return false;
    const blockers = blockersAt(board, e, c);
    if (blockers === null || blockers.length > MAX_BLOCKERS) continue;
    if (blockers.length === 0 && board.freeTables[c] > 0) continue; // would have been placed directly
    for (const b of blockers) board.unplace(b);
    const table = board.firstFreeTable(c);
    if (table >= 0) {
      board.place(e, c, table);
      if (replaceAll(board, blockers, depth - 1)) return true;
      board.rollback(mark);
      continue;
    }
    // Moving a meeting off a table only helps if some time still has a free table to take it.
    if (blockers.length < MAX_BLOCKERS && board.hasFreeTable()) {
      for (const tableBlocker of tableBlockers(board, c, TABLE_CANDIDATES, false)) {
        const inner = board.mark();
        board.unplace(tableBlocker);
        board.place(e, c, board.firstFreeTable(c));
        if (replaceAll(board, [...blockers, tableBlocker], depth - 1)) return true;
        board.rollback(inner);
      }
    }
    board.rollback(mark);
  }
  return false;
}

function replaceAll(board: Board, meetings: readonly number[], depth: number): boolean {
  for (const m of meetings) if (!tryPlace(board, m, depth)) return false;
  return true;
}

/**
 * Fits an unplaced pair at a time where it displaces up to two lighter meetings, then tries to
 * re-fit those elsewhere; kept only if the total weight grows.
 */
export function attemptExchange(board: Board, e: number, depth: number): boolean {
  board.beginAttempt();
  if (board.failedExchangeAt[e] === board.versionOf(e)) return false;
  if (tryExchange(board, e, depth)) return true;
  board.failedExchangeAt[e] = board.versionOf(e);
  return false;
}

function tryExchange(board: Board, e: number, depth: number): boolean {
  board.budget = board.searchBudget;
  const weight = board.model.edgeWeight[e];
  for (const c of board.model.edgeClasses[e]) {
    if (board.budget-- <= 0) return false;
    const ejected = blockersAt(board, e, c);
    if (ejected === null || ejected.length > MAX_BLOCKERS) continue;
    let lost = 0;
    for (const b of ejected) lost += board.model.edgeWeight[b];
    for (const b of ejected) board.unplace(b);
    if (board.firstFreeTable(c) < 0) {
      const tableBlocker = tableBlockers(board, c, 1, true)[0];
      if (tableBlocker === undefined) {
        board.rollback(0);
        continue;
      }
      board.unplace(tableBlocker);
      ejected.push(tableBlocker);
      lost += board.model.edgeWeight[tableBlocker];
    }
    // A heavier meeting is never given up for a lighter pair.
    if (ejected.some((b) => board.model.edgeWeight[b] > weight)) {
      board.rollback(0);
      continue;
    }
    board.place(e, c, board.firstFreeTable(c));
    let gain = weight - lost;
    for (const b of ejected) if (tryPlace(board, b, depth - 1)) gain += board.model.edgeWeight[b];
    // Still no gain: the room an ejected meeting left may fit other waiting pairs of its
    // host or guest (one meeting out, two in).
    for (let i = 0; gain <= 0 && i < ejected.length; i++) {
      const b = ejected[i];
      if (board.isPlaced(b)) continue;
      for (const person of [board.model.edgeHost[b], board.model.edgeGuest[b]]) {
        for (const f of board.model.edgesByPerson[person]) {
          if (gain > 0) break;
          if (f !== b && !board.isPlaced(f) && board.placeDirect(f)) gain += board.model.edgeWeight[f];
        }
      }
    }
    if (gain > 0) return true;
    board.rollback(0);
  }
  return false;
}
