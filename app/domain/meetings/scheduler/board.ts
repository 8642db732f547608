// The schedule under construction, shared by the greedy start and every search move: who meets
// whom when and at which table, with the loads that make "is this pair free at this time" O(1).
// Every change goes through a journal so a move that fails is undone exactly, and every
// committed change bumps the versions of the people it touched so a move that failed on them
// is not retried until something about them changes.
import type { Model } from "./model";

export class Board {
  readonly model: Model;
  /** Search steps allowed per attempt to fit one pair (SchedulerOptions.searchBudget). */
  readonly searchBudget: number;
  readonly K: number;
  readonly personLoad: Int32Array;
  readonly tableLoad: Int32Array;
  /** Tables with no meeting or confirmed meeting overlapping each class. */
  readonly freeTables: Int32Array;
  readonly placedClass: Int32Array;
  readonly placedTable: Int32Array;
  readonly personMeetings: number[][];
  /** Meetings placed at each class. */
  readonly classMeetings: number[][];
  /** Position of each placed pair in its class's list, for O(1) removal. */
  private readonly classPosition: Int32Array;
  /** Classes with at least one free table. */
  private classesWithFreeTable = 0;
  /** waiting[p * K + c]: unplaced pairs of person p that could meet at class c. */
  private readonly waiting: Int32Array;
  /** Per person, bumped by every committed change to their meetings. */
  private readonly personVersion: Int32Array;
  /** Person versions (host + guest) at a pair's last failed insert / exchange, -1 if none. */
  readonly failedInsertAt: Int32Array;
  readonly failedExchangeAt: Int32Array;
  /** Undo log of the current attempt: (±(edge + 1), class, table) triples. */
  private readonly journal: number[] = [];
  /** Search steps left in the current attempt. */
  budget = 0;
  score = 0;

  constructor(model: Model, searchBudget: number) {
    this.model = model;
    this.searchBudget = searchBudget;
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

  isFree(e: number, c: number): boolean {
    const K = this.K;
    return this.personLoad[this.model.edgeHost[e] * K + c] === 0 && this.personLoad[this.model.edgeGuest[e] * K + c] === 0 && this.freeTables[c] > 0;
  }

  firstFreeTable(c: number): number {
    if (this.freeTables[c] === 0) return -1;
    for (let t = 0; t < this.model.tables; t++) if (this.tableLoad[t * this.K + c] === 0) return t;
    return -1;
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

  place(e: number, c: number, t: number): void {
    this.rawPlace(e, c, t);
    this.journal.push(e + 1, c, t);
  }

  unplace(e: number): void {
    this.journal.push(-(e + 1), this.placedClass[e], this.placedTable[e]);
    this.rawUnplace(e);
  }

  /** Where the journal stands, for rolling back only part of an attempt. */
  mark(): number {
    return this.journal.length;
  }

  rollback(mark: number): void {
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
  beginAttempt(): void {
    const journal = this.journal;
    for (let i = 0; i < journal.length; i += 3) {
      const e = Math.abs(journal[i]) - 1;
      this.personVersion[this.model.edgeHost[e]]++;
      this.personVersion[this.model.edgeGuest[e]]++;
    }
    journal.length = 0;
  }

  /** Changes whenever a committed attempt touched the pair's host or guest. */
  versionOf(e: number): number {
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

  // ── direct placement: no other meeting moves ──

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
}

function removeItem(list: number[], item: number): void {
  const index = list.indexOf(item);
  list[index] = list[list.length - 1];
  list.pop();
}
