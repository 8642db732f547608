// The organiser's auto-scheduler for one roadshow stop: from mutual preferences and the hosts'
// free slots it proposes 1:1 meetings (host, guest, slot, table) that maximise the weight of
// mutually wanted meetings, never creating a conflict and never touching confirmed meetings.
//
// How it works (deterministic for a given seed):
//  1. Model. Every distinct slot interval is a "time class"; two classes conflict when their
//     intervals overlap (on an ordinary grid a class only conflicts with itself). Confirmed
//     meetings and busy times are fixed blocks on people and tables.
//  2. Upper bound: three flow relaxations, the smallest wins (see ScheduleProposal.upperBound).
//     The time-blind one's optimal pair set also guides the ordering below.
//  3. Greedy: pairs by weight (must-meet first), the bound's chosen pairs first, scarcest
//     (fewest possible times) first; each goes to the free time that the fewest other waiting
//     pairs of its two people could use.
//  4. Improvement passes: each time slot re-solved exactly (max-weight matching of the people
//     free then), each person's day re-solved exactly (matching of their pairs to times),
//     alternating (Kempe) chains and ejection chains that move the meetings blocking a pair,
//     and exchanges that drop lighter meetings for a heavier pair when the total grows.
//  5. Large-neighbourhood search: ruin and recreate the days of the two people of a random
//     waiting pair, or re-solve one of those days; equal results are kept to cross plateaus.
// Every change is journalled, so a failed attempt is rolled back exactly, and the score never
// goes down. The search stops early when it reaches the upper bound.
import { createRandom } from "../random";
import { computeUpperBound, type UpperBound } from "./bound";
import { maxWeightCapacitatedMatching, type CapacitatedPair } from "./flow";
import { buildModel, type Model } from "./model";
import type {
  ProposedMeeting,
  ScheduleProposal,
  SchedulerInput,
  SchedulerOptions,
  SchedulerWarning,
  UnscheduledPair,
} from "./types";

export * from "./check";
export { maxWeightCapacitatedMatching, maxWeightFlow, type CapacitatedPair, type FlowArc } from "./flow";
export type * from "./types";
export * from "./weights";

const DEFAULTS = { seed: 1, searchDepth: 2, improvementPasses: 4, searchBudget: 400, ruinRounds: 10_000 };

// ───────────────────────────── entry point ─────────────────────────────

export function scheduleMeetings(input: SchedulerInput, options: SchedulerOptions = {}): ScheduleProposal {
  const settings = { ...DEFAULTS, ...options };
  const model = buildModel(input);
  const bound = computeUpperBound(model);
  const engine = new ScheduleEngine(model, settings.searchBudget);

  const random = createRandom(settings.seed);
  const tieBreak = Float64Array.from({ length: model.edgeCount }, () => random());
  // Heaviest first; then the pairs the bound's optimal pair set uses (the others only fill
  // what is left); then the pairs with the fewest possible times; then the seeded tie-break.
  const order = Array.from({ length: model.edgeCount }, (_, e) => e)
    .filter((e) => model.edgeClasses[e].length > 0)
    .sort(
      (a, b) =>
        model.edgeWeight[b] - model.edgeWeight[a] ||
        Number(bound.chosen[b]) - Number(bound.chosen[a]) ||
        model.edgeClasses[a].length - model.edgeClasses[b].length ||
        tieBreak[a] - tieBreak[b],
    );

  for (const e of order) engine.placeDirect(e);

  // Improvement passes, until nothing improves (searching is pointless once the bound is reached).
  for (let pass = 0; pass < settings.improvementPasses && settings.searchDepth > 0 && engine.score < bound.value; pass++) {
    let improved = false;
    for (let c = 0; c < model.classCount; c++) if (engine.reoptimizeClass(c)) improved = true;
    for (let person = 0; person < model.personIds.length; person++) if (engine.reoptimizePerson(person, true)) improved = true;
    // Without a free table anywhere no pair can be added without dropping one: only exchanges help.
    if (engine.hasFreeTable()) {
      for (const e of order) if (!engine.isPlaced(e) && engine.attemptInsert(e, settings.searchDepth)) improved = true;
    }
    for (const e of order) {
      if (engine.score >= bound.value) break;
      if (!engine.isPlaced(e) && engine.attemptExchange(e, settings.searchDepth)) improved = true;
    }
    if (!improved) break;
  }

  // Large-neighbourhood rounds around random waiting pairs: alternately ruin-and-recreate the
  // days of the pair's two people, or re-solve one of those days exactly. Equal-weight results
  // are kept, which lets the search drift across plateaus to where a gain is possible.
  const rank = new Int32Array(model.edgeCount);
  order.forEach((e, i) => (rank[e] = i));
  for (let round = 0; round < settings.ruinRounds && settings.searchDepth > 0 && engine.score < bound.value; round++) {
    let e = -1;
    for (let tries = 0; tries < 32 && e < 0; tries++) {
      const candidate = order[Math.floor(random() * order.length)];
      if (!engine.isPlaced(candidate)) e = candidate;
    }
    if (e < 0) break; // (almost) everything is placed
    if (round % 2 === 0) engine.ruinAndRecreate(e, rank);
    else engine.reoptimizePerson(random() < 0.5 ? model.edgeHost[e] : model.edgeGuest[e], true);
  }

  return engine.proposal(bound);
}

// ───────────────────────────── search engine ─────────────────────────────

/** Most meetings moved out of the way to fit one pair at one time (host's and guest's). */
const MAX_BLOCKERS = 2;
/** Meetings tried for freeing a table when every table is taken at the wanted time. */
const TABLE_CANDIDATES = 3;
/** Meetings looked at when choosing which one to move off a table. */
const TABLE_SCAN_LIMIT = 64;
/** Longest alternating chain followed (they are short in practice; this only guards odd input). */
const MAX_CHAIN = 64;

class ScheduleEngine {
  private readonly K: number;
  private readonly personLoad: Int32Array;
  private readonly tableLoad: Int32Array;
  /** Tables with no meeting or confirmed meeting overlapping each class. */
  private readonly freeTables: Int32Array;
  private readonly placedClass: Int32Array;
  private readonly placedTable: Int32Array;
  private readonly personMeetings: number[][];
  /** Meetings placed at each class. */
  private readonly classMeetings: number[][];
  /** Position of each placed pair in its class's list, for O(1) removal. */
  private readonly classPosition: Int32Array;
  /** Classes with at least one free table. */
  private classesWithFreeTable = 0;
  /** waiting[p * K + c]: unplaced pairs of person p that could meet at class c. */
  private readonly waiting: Int32Array;
  /** Per person, bumped by every committed change to their meetings. */
  private readonly personVersion: Int32Array;
  /** Person versions (host + guest) at a pair's last failed insert / exchange, -1 if none. */
  private readonly failedInsertAt: Int32Array;
  private readonly failedExchangeAt: Int32Array;
  /** Undo log of the current attempt: (±(edge + 1), class, table) triples. */
  private readonly journal: number[] = [];
  private budget = 0;
  score = 0;

  constructor(
    private readonly model: Model,
    private readonly searchBudget: number,
  ) {
    const K = (this.K = model.classCount);
    this.personLoad = new Int32Array(model.personIds.length * K);
    for (let i = 0; i < model.personFixed.length; i++) this.personLoad[i] = model.personFixed[i];
    this.tableLoad = new Int32Array(model.tables * K);
    this.freeTables = new Int32Array(K);
    for (let t = 0; t < model.tables; t++) {
      for (let c = 0; c < K; c++) {
        this.tableLoad[t * K + c] = model.tableFixed[t * K + c];
        if (!model.tableFixed[t * K + c]) this.freeTables[c]++;
      }
    }
    this.placedClass = new Int32Array(model.edgeCount).fill(-1);
    this.placedTable = new Int32Array(model.edgeCount).fill(-1);
    this.personMeetings = model.personIds.map(() => []);
    this.classMeetings = Array.from({ length: K }, () => []);
    this.classPosition = new Int32Array(model.edgeCount);
    this.personVersion = new Int32Array(model.personIds.length);
    this.failedInsertAt = new Int32Array(model.edgeCount).fill(-1);
    this.failedExchangeAt = new Int32Array(model.edgeCount).fill(-1);
    for (let c = 0; c < K; c++) if (this.freeTables[c] > 0) this.classesWithFreeTable++;
    this.waiting = new Int32Array(model.personIds.length * K);
    for (let e = 0; e < model.edgeCount; e++) this.countWaiting(e, 1);
  }

  // ── queries ──

  isPlaced(e: number): boolean {
    return this.placedClass[e] >= 0;
  }

  hasFreeTable(): boolean {
    return this.classesWithFreeTable > 0;
  }

  private isFree(e: number, c: number): boolean {
    const K = this.K;
    return this.personLoad[this.model.edgeHost[e] * K + c] === 0 && this.personLoad[this.model.edgeGuest[e] * K + c] === 0 && this.freeTables[c] > 0;
  }

  private firstFreeTable(c: number): number {
    if (this.freeTables[c] === 0) return -1;
    for (let t = 0; t < this.model.tables; t++) if (this.tableLoad[t * this.K + c] === 0) return t;
    return -1;
  }

  private classesOverlap(a: number, b: number): boolean {
    return a === b || (this.model.classStart[a] < this.model.classEnd[b] && this.model.classStart[b] < this.model.classEnd[a]);
  }

  /** The movable meeting of `person` at class c (grid classes only), or -1. */
  private meetingAt(person: number, c: number): number {
    for (const m of this.personMeetings[person]) if (this.placedClass[m] === c) return m;
    return -1;
  }

  /**
   * Movable meetings that keep the pair's host or guest busy at class c, or null when a fixed
   * block (confirmed meeting, busy time) does.
   */
  private blockersAt(e: number, c: number): number[] | null {
    const blockers: number[] = [];
    for (const person of [this.model.edgeHost[e], this.model.edgeGuest[e]]) {
      const index = person * this.K + c;
      if (this.model.personFixed[index]) return null;
      if (this.personLoad[index] === 0) continue;
      for (const m of this.personMeetings[person]) {
        if (this.classesOverlap(this.placedClass[m], c) && !blockers.includes(m)) blockers.push(m);
      }
    }
    return blockers;
  }

  /**
   * Meetings whose removal frees a table at class c (the only meeting on their table there),
   * the most movable first — or, for exchanges, the lightest first.
   */
  private tableBlockers(c: number, limit: number, lightestFirst: boolean): number[] {
    const K = this.K;
    const candidates: Array<{ m: number; rank: number }> = [];
    let scanned = 0;
    for (const x of this.model.conflicts[c]) {
      for (const m of this.classMeetings[x]) {
        if (++scanned > TABLE_SCAN_LIMIT) break;
        const cell = this.placedTable[m] * K + c;
        if (this.tableLoad[cell] !== 1 || this.model.tableFixed[cell]) continue; // its table is held by more than m
        let freeElsewhere = 0;
        for (const other of this.model.edgeClasses[m]) if (other !== x && this.isFree(m, other)) freeElsewhere++;
        // To fit a pair without loss the meeting must be able to move; for an exchange it may just go.
        if (!lightestFirst && freeElsewhere === 0) continue;
        candidates.push({ m, rank: lightestFirst ? this.model.edgeWeight[m] * 1000 - freeElsewhere : -freeElsewhere });
      }
    }
    this.budget -= Math.ceil(scanned / 16); // scanning is search work too
    candidates.sort((a, b) => a.rank - b.rank || a.m - b.m);
    return candidates.slice(0, limit).map((candidate) => candidate.m);
  }

  // ── state changes: raw ones for rollback, journalled ones for attempts ──

  private rawPlace(e: number, c: number, t: number): void {
    const K = this.K;
    const host = this.model.edgeHost[e] * K;
    const guest = this.model.edgeGuest[e] * K;
    const table = t * K;
    for (const x of this.model.conflicts[c]) {
      this.personLoad[host + x]++;
      this.personLoad[guest + x]++;
      if (this.tableLoad[table + x]++ === 0 && --this.freeTables[x] === 0) this.classesWithFreeTable--;
    }
    this.placedClass[e] = c;
    this.placedTable[e] = t;
    this.countWaiting(e, -1);
    this.personMeetings[this.model.edgeHost[e]].push(e);
    this.personMeetings[this.model.edgeGuest[e]].push(e);
    this.classPosition[e] = this.classMeetings[c].length;
    this.classMeetings[c].push(e);
    this.score += this.model.edgeWeight[e];
  }

  private rawUnplace(e: number): void {
    const K = this.K;
    const c = this.placedClass[e];
    const t = this.placedTable[e];
    const host = this.model.edgeHost[e] * K;
    const guest = this.model.edgeGuest[e] * K;
    const table = t * K;
    for (const x of this.model.conflicts[c]) {
      this.personLoad[host + x]--;
      this.personLoad[guest + x]--;
      if (--this.tableLoad[table + x] === 0 && this.freeTables[x]++ === 0) this.classesWithFreeTable++;
    }
    this.placedClass[e] = -1;
    this.placedTable[e] = -1;
    this.countWaiting(e, 1);
    removeItem(this.personMeetings[this.model.edgeHost[e]], e);
    removeItem(this.personMeetings[this.model.edgeGuest[e]], e);
    const list = this.classMeetings[c];
    const last = list.pop()!;
    if (last !== e) {
      list[this.classPosition[e]] = last;
      this.classPosition[last] = this.classPosition[e];
    }
    this.score -= this.model.edgeWeight[e];
  }

  private place(e: number, c: number, t: number): void {
    this.rawPlace(e, c, t);
    this.journal.push(e + 1, c, t);
  }

  private unplace(e: number): void {
    this.journal.push(-(e + 1), this.placedClass[e], this.placedTable[e]);
    this.rawUnplace(e);
  }

  private rollback(mark: number): void {
    const journal = this.journal;
    while (journal.length > mark) {
      const t = journal.pop()!;
      const c = journal.pop()!;
      const code = journal.pop()!;
      if (code > 0) this.rawUnplace(code - 1);
      else this.rawPlace(-code - 1, c, t);
    }
  }

  /** Commits the previous attempt: every person it changed gets a new version. */
  private beginAttempt(): void {
    const journal = this.journal;
    for (let i = 0; i < journal.length; i += 3) {
      const e = Math.abs(journal[i]) - 1;
      this.personVersion[this.model.edgeHost[e]]++;
      this.personVersion[this.model.edgeGuest[e]]++;
    }
    journal.length = 0;
  }

  /** Changes whenever a committed attempt touched the pair's host or guest. */
  private versionOf(e: number): number {
    return this.personVersion[this.model.edgeHost[e]] + this.personVersion[this.model.edgeGuest[e]];
  }

  private countWaiting(e: number, delta: number): void {
    const host = this.model.edgeHost[e] * this.K;
    const guest = this.model.edgeGuest[e] * this.K;
    for (const c of this.model.edgeClasses[e]) {
      this.waiting[host + c] += delta;
      this.waiting[guest + c] += delta;
    }
  }

  // ── moves ──

  /**
   * Places a waiting pair at a time where both people and a table are free, choosing the time
   * the fewest other waiting pairs of these two people could use (it spoils the least), then
   * the one with the most free tables.
   */
  placeDirect(e: number): boolean {
    if (this.isPlaced(e)) return false;
    const K = this.K;
    const host = this.model.edgeHost[e] * K;
    const guest = this.model.edgeGuest[e] * K;
    let best = -1;
    let bestContest = Infinity;
    for (const c of this.model.edgeClasses[e]) {
      if (!this.isFree(e, c)) continue;
      const contest = this.waiting[host + c] + this.waiting[guest + c];
      if (contest < bestContest || (contest === bestContest && this.freeTables[c] > this.freeTables[best])) {
        best = c;
        bestContest = contest;
      }
    }
    if (best < 0) return false;
    this.place(e, best, this.firstFreeTable(best));
    return true;
  }

  /** Places the pair at class c if it is free there. */
  placeAt(e: number, c: number): boolean {
    if (!this.isFree(e, c)) return false;
    this.place(e, c, this.firstFreeTable(c));
    return true;
  }

  /** Fits an unplaced pair, moving other meetings if needed; no meeting is dropped. */
  attemptInsert(e: number, depth: number): boolean {
    this.beginAttempt();
    // Same people, same meetings as at the last failed try: the search would fail again.
    if (this.failedInsertAt[e] === this.versionOf(e)) return false;
    this.budget = this.searchBudget;
    if (this.placeDirect(e) || this.tryAlternatingChain(e) || this.tryPlace(e, depth)) return true;
    this.failedInsertAt[e] = this.versionOf(e);
    return false;
  }

  /**
   * Kempe-chain move for two non-overlapping times a and b. One side of the pair is free at a,
   * the other is busy there with a meeting m1 but free at b: m1 moves to b; if its other person
   * is busy at b, that meeting moves to a; and so on, alternating, until someone is free. It is
   * the classic recolouring step of bipartite edge colouring, so the chain never comes back to
   * the pair and only the two times a and b are touched.
   */
  private tryAlternatingChain(e: number): boolean {
    const model = this.model;
    const K = this.K;
    const ends = [model.edgeHost[e], model.edgeGuest[e]];
    for (const a of model.edgeClasses[e]) {
      if (model.conflicts[a].length !== 1 || this.freeTables[a] === 0) continue;
      const freeAtA = ends.map((person) => this.personLoad[person * K + a] === 0);
      if (freeAtA[0] === freeAtA[1]) continue; // both free is a direct placement; both busy is not this move
      const busyPerson = freeAtA[0] ? ends[1] : ends[0];
      if (model.personFixed[busyPerson * K + a]) continue;
      const first = this.meetingAt(busyPerson, a);
      if (first < 0) continue;
      for (const b of model.edgeClasses[first]) {
        if (b === a || model.conflicts[b].length !== 1 || this.personLoad[busyPerson * K + b] !== 0) continue;
        if (this.budget-- <= 0) return false;
        if (this.recolour(e, a, b, busyPerson, first)) return true;
      }
    }
    return false;
  }

  /**
   * Follows the chain from `first`, then lifts every meeting on it, places the pair at a and the
   * lifted meetings at their other time; rolls everything back if any of them may not go there
   * (its host has no slot then, someone is away, no table is free).
   */
  private recolour(e: number, a: number, b: number, busyPerson: number, first: number): boolean {
    const model = this.model;
    const K = this.K;
    const moves: Array<[meeting: number, target: number]> = [];
    let meeting = first;
    let from = a;
    let to = b;
    let pivot = model.edgeHost[meeting] === busyPerson ? model.edgeGuest[meeting] : model.edgeHost[meeting];
    for (;;) {
      moves.push([meeting, to]);
      if (moves.length > MAX_CHAIN || model.personFixed[pivot * K + to]) return false;
      if (this.personLoad[pivot * K + to] === 0) break;
      const next = this.meetingAt(pivot, to);
      // A meeting seen before would mean the chain loops (only possible when someone is both a
      // host and a guest): give up rather than move it twice.
      if (next < 0 || next === e || moves.some(([seen]) => seen === next)) return false;
      meeting = next;
      pivot = model.edgeHost[meeting] === pivot ? model.edgeGuest[meeting] : model.edgeHost[meeting];
      [from, to] = [to, from];
    }
    const mark = this.journal.length;
    for (const [m] of moves) this.unplace(m);
    const placeIfFree = (m: number, c: number) => {
      if (!this.isFree(m, c) || !model.edgeClasses[m].includes(c)) return false;
      this.place(m, c, this.firstFreeTable(c));
      return true;
    };
    if (placeIfFree(e, a) && moves.every(([m, c]) => placeIfFree(m, c))) return true;
    this.rollback(mark);
    return false;
  }

  private tryPlace(e: number, depth: number): boolean {
    if (this.placeDirect(e)) return true;
    if (depth <= 0) return false;
    const mark = this.journal.length;
    for (const c of this.model.edgeClasses[e]) {
      if (this.budget-- <= 0) return false;
      const blockers = this.blockersAt(e, c);
      if (blockers === null || blockers.length > MAX_BLOCKERS) continue;
      if (blockers.length === 0 && this.freeTables[c] > 0) continue; // would have been placed directly
      for (const b of blockers) this.unplace(b);
      const table = this.firstFreeTable(c);
      if (table >= 0) {
        this.place(e, c, table);
        if (this.replaceAll(blockers, depth - 1)) return true;
        this.rollback(mark);
        continue;
      }
      // Moving a meeting off a table only helps if some time still has a free table to take it.
      if (blockers.length < MAX_BLOCKERS && this.classesWithFreeTable > 0) {
        for (const tableBlocker of this.tableBlockers(c, TABLE_CANDIDATES, false)) {
          const inner = this.journal.length;
          this.unplace(tableBlocker);
          this.place(e, c, this.firstFreeTable(c));
          if (this.replaceAll([...blockers, tableBlocker], depth - 1)) return true;
          this.rollback(inner);
        }
      }
      this.rollback(mark);
    }
    return false;
  }

  private replaceAll(meetings: readonly number[], depth: number): boolean {
    for (const m of meetings) if (!this.tryPlace(m, depth)) return false;
    return true;
  }

  /**
   * Fits an unplaced pair at a time where it displaces up to two lighter meetings, then tries to
   * re-fit those elsewhere; kept only if the total weight grows.
   */
  attemptExchange(e: number, depth: number): boolean {
    this.beginAttempt();
    if (this.failedExchangeAt[e] === this.versionOf(e)) return false;
    if (this.tryExchange(e, depth)) return true;
    this.failedExchangeAt[e] = this.versionOf(e);
    return false;
  }

  private tryExchange(e: number, depth: number): boolean {
    this.budget = this.searchBudget;
    const weight = this.model.edgeWeight[e];
    for (const c of this.model.edgeClasses[e]) {
      if (this.budget-- <= 0) return false;
      const ejected = this.blockersAt(e, c);
      if (ejected === null || ejected.length > MAX_BLOCKERS) continue;
      let lost = 0;
      for (const b of ejected) lost += this.model.edgeWeight[b];
      for (const b of ejected) this.unplace(b);
      if (this.firstFreeTable(c) < 0) {
        const tableBlocker = this.tableBlockers(c, 1, true)[0];
        if (tableBlocker === undefined) {
          this.rollback(0);
          continue;
        }
        this.unplace(tableBlocker);
        ejected.push(tableBlocker);
        lost += this.model.edgeWeight[tableBlocker];
      }
      // A heavier meeting is never given up for a lighter pair.
      if (ejected.some((b) => this.model.edgeWeight[b] > weight)) {
        this.rollback(0);
        continue;
      }
      this.place(e, c, this.firstFreeTable(c));
      let gain = weight - lost;
      for (const b of ejected) if (this.tryPlace(b, depth - 1)) gain += this.model.edgeWeight[b];
      // Still no gain: the room an ejected meeting left may fit other waiting pairs of its
      // host or guest (one meeting out, two in).
      for (let i = 0; gain <= 0 && i < ejected.length; i++) {
        const b = ejected[i];
        if (this.isPlaced(b)) continue;
        for (const person of [this.model.edgeHost[b], this.model.edgeGuest[b]]) {
          for (const f of this.model.edgesByPerson[person]) {
            if (gain > 0) break;
            if (f !== b && !this.isPlaced(f) && this.placeDirect(f)) gain += this.model.edgeWeight[f];
          }
        }
      }
      if (gain > 0) return true;
      this.rollback(0);
    }
    return false;
  }

  /**
   * Re-solves one time class exactly: its meetings are lifted and replaced by a maximum-weight
   * matching of the hosts and guests free at that time (pairs met at another time excluded,
   * at most the free tables). Kept only if the total weight grows.
   */
  reoptimizeClass(c: number): boolean {
    this.beginAttempt();
    const before = this.score;
    for (const e of this.model.edgesByClass[c]) if (this.placedClass[e] === c) this.unplace(e);
    const K = this.K;
    const hostNode = new Map<number, number>();
    const guestNode = new Map<number, number>();
    const pairs: CapacitatedPair[] = [];
    const pairEdges: number[] = [];
    for (const e of this.model.edgesByClass[c]) {
      const host = this.model.edgeHost[e];
      const guest = this.model.edgeGuest[e];
      if (this.placedClass[e] >= 0 || this.personLoad[host * K + c] !== 0 || this.personLoad[guest * K + c] !== 0) continue;
      if (!hostNode.has(host)) hostNode.set(host, hostNode.size);
      if (!guestNode.has(guest)) guestNode.set(guest, guestNode.size);
      pairs.push({ left: hostNode.get(host)!, right: guestNode.get(guest)!, weight: this.model.edgeWeight[e] });
      pairEdges.push(e);
    }
    const ones = (n: number) => new Array<number>(n).fill(1);
    const matching = maxWeightCapacitatedMatching(ones(hostNode.size), ones(guestNode.size), pairs, this.freeTables[c]);
    matching.chosen.forEach((isChosen, i) => {
      if (isChosen) this.place(pairEdges[i], c, this.firstFreeTable(c));
    });
    if (this.score > before) return true;
    this.rollback(0);
    return false;
  }

  /**
   * Re-solves one person's day exactly: their meetings are lifted and their pairs re-assigned
   * to times by a maximum-weight matching of pairs to times at which the other person and a
   * table are free. Kept if the total weight grows, or stays equal when `keepEqual` (which lets
   * a search drift across equally good schedules).
   */
  reoptimizePerson(person: number, keepEqual: boolean): boolean {
    this.beginAttempt();
    const before = this.score;
    for (const m of [...this.personMeetings[person]]) this.unplace(m);
    const K = this.K;
    const pairs: CapacitatedPair[] = [];
    const pairEdges: number[] = [];
    const pairClasses: number[] = [];
    const waiting = this.model.edgesByPerson[person];
    waiting.forEach((e, i) => {
      if (this.isPlaced(e)) return;
      for (const c of this.model.edgeClasses[e]) {
        if (!this.isFree(e, c)) continue;
        pairs.push({ left: i, right: c, weight: this.model.edgeWeight[e] });
        pairEdges.push(e);
        pairClasses.push(c);
      }
    });
    const matching = maxWeightCapacitatedMatching(new Array(waiting.length).fill(1), new Array(K).fill(1), pairs, waiting.length);
    matching.chosen.forEach((isChosen, i) => {
      if (isChosen) this.placeAt(pairEdges[i], pairClasses[i]);
    });
    if (this.score > before || (keepEqual && this.score === before)) return this.score > before;
    this.rollback(0);
    return false;
  }

  /**
   * Lifts every meeting of the waiting pair's host and guest, then puts back the waiting pair
   * first, the lifted meetings next and any other waiting pair of those people last (each in
   * the scheduler's priority order). Kept when the total weight does not drop, so the search can
   * also wander across equally good schedules; returns whether it grew.
   */
  ruinAndRecreate(e: number, rank: Int32Array): boolean {
    this.beginAttempt();
    const before = this.score;
    const host = this.model.edgeHost[e];
    const guest = this.model.edgeGuest[e];
    const lifted = [...this.personMeetings[host], ...this.personMeetings[guest]];
    for (const m of lifted) this.unplace(m);
    const others = new Set<number>();
    for (const person of [host, guest]) for (const f of this.model.edgesByPerson[person]) if (f !== e && !this.isPlaced(f)) others.add(f);
    const byRank = (a: number, b: number) => rank[a] - rank[b];
    const lift = new Set(lifted);
    const rest = [...others].filter((f) => !lift.has(f)).sort(byRank);
    for (const f of [e, ...lifted.sort(byRank), ...rest]) {
      if (this.isPlaced(f)) continue;
      this.budget = this.searchBudget;
      if (!this.placeDirect(f)) this.tryAlternatingChain(f);
    }
    if (this.score >= before) return this.score > before;
    this.rollback(0);
    return false;
  }

  proposal(bound: UpperBound): ScheduleProposal {
    const model = this.model;
    const assignments: ProposedMeeting[] = [];
    const unscheduled: UnscheduledPair[] = [];
    const meetingsByWeight: Record<number, number> = { 1: 0, 2: 0, 3: 0 };
    const pairsByWeight: Record<number, number> = { 1: 0, 2: 0, 3: 0 };
    let schedulablePairs = 0;
    for (let e = 0; e < model.edgeCount; e++) {
      const hostId = model.personIds[model.edgeHost[e]];
      const guestId = model.personIds[model.edgeGuest[e]];
      const weight = model.edgeWeight[e];
      if (model.edgeClasses[e].length > 0) {
        schedulablePairs++;
        pairsByWeight[weight]++;
      }
      const c = this.placedClass[e];
      if (c < 0) {
        unscheduled.push({ hostId, guestId, weight, reason: model.edgeClasses[e].length === 0 ? "NO_COMMON_TIME" : "NO_ROOM" });
        continue;
      }
      meetingsByWeight[weight]++;
      const slotId = model.slotIds.get(model.edgeHost[e] * this.K + c);
      assignments.push({
        hostId,
        guestId,
        ...(slotId !== undefined ? { slotId } : {}),
        startsAt: new Date(model.classStart[c]),
        endsAt: new Date(model.classEnd[c]),
        tableIndex: this.placedTable[e],
        weight,
      });
    }
    assignments.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.tableIndex - b.tableIndex);
    unscheduled.sort((a, b) => b.weight - a.weight || a.hostId.localeCompare(b.hostId) || a.guestId.localeCompare(b.guestId));
    return {
      assignments,
      score: this.score,
      upperBound: bound.value,
      unscheduled,
      warnings: model.warnings,
      stats: {
        mutualPairs: model.mutualPairs,
        schedulablePairs,
        timeBlindBound: bound.timeBlindBound,
        hostClockBound: bound.hostClockBound,
        guestClockBound: bound.guestClockBound,
        hostSideBound: bound.hostSideBound,
        guestSideBound: bound.guestSideBound,
        meetingsByWeight,
        pairsByWeight,
      },
    };
  }
}

function removeItem(list: number[], item: number): void {
  const index = list.indexOf(item);
  list[index] = list[list.length - 1];
  list.pop();
}
