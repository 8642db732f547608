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
import { DomainError } from "~/domain/kernel/errors";
import { createRandom } from "./random";
import type { TimeInterval } from "./slots";

export type PreferenceLevel = "MUST_MEET" | "WOULD_LIKE" | "NO_THANKS";

/**
 * Weight of a mutually wanted meeting. Must-meet counts more, so the scheduler gives up two
 * "would like" meetings before one "must meet on both sides" (3 > 2 × 1) and prefers a
 * one-sided must-meet to a plain would-like; it is a weighting, not a strict priority:
 * three both-would-like meetings weigh as much as one both-must-meet.
 */
export const MEETING_WEIGHTS = { bothMustMeet: 3, oneMustMeet: 2, bothWouldLike: 1 } as const;

/**
 * 0 unless the pair is mutually wanted: both sides expressed interest (MUST_MEET or WOULD_LIKE)
 * and neither said NO_THANKS. A missing preference is not interest.
 */
export function mutualWeight(hostSays: PreferenceLevel | null | undefined, guestSays: PreferenceLevel | null | undefined): number {
  if (!hostSays || !guestSays || hostSays === "NO_THANKS" || guestSays === "NO_THANKS") return 0;
  const mustMeets = (hostSays === "MUST_MEET" ? 1 : 0) + (guestSays === "MUST_MEET" ? 1 : 0);
  return mustMeets === 2 ? MEETING_WEIGHTS.bothMustMeet : mustMeets === 1 ? MEETING_WEIGHTS.oneMustMeet : MEETING_WEIGHTS.bothWouldLike;
}

// ───────────────────────────── input and output ─────────────────────────────

export interface HostSlot extends TimeInterval {
  /** Echoed on the proposed meeting so the caller can tie it back to its slot. */
  id?: string;
}

export interface SchedulerHost {
  id: string;
  /** The host's free slots at the stop (typically expandAvailability's FREE slots). */
  slots: readonly HostSlot[];
  /** Times the host cannot meet (anything not already a confirmed meeting below). */
  busy?: readonly TimeInterval[];
}

export interface SchedulerGuest {
  id: string;
  busy?: readonly TimeInterval[];
}

/** Same shape as a MeetingPreference row. */
export interface PreferenceMark {
  fromUserId: string;
  toUserId: string;
  level: PreferenceLevel;
}

export interface ConfirmedMeeting extends TimeInterval {
  hostId: string;
  guestId: string;
  /** The table it holds; when unknown, the lowest table free for its whole time is counted as taken. */
  tableIndex?: number | null;
}

export interface SchedulerInput {
  hosts: readonly SchedulerHost[];
  guests: readonly SchedulerGuest[];
  preferences: readonly PreferenceMark[];
  /** Meeting points (tables) at the stop; each holds one meeting at a time. */
  tables: number;
  /** Already confirmed: they block their host, guest and table, and their pair is not proposed again. */
  confirmedMeetings?: readonly ConfirmedMeeting[];
}

export interface SchedulerOptions {
  /** Tie-breaking seed: same input and seed, same proposal. */
  seed?: number;
  /** Levels of the ejection chains (0 = plain greedy). */
  searchDepth?: number;
  /** Improvement passes over the unplaced pairs (0 = plain greedy). */
  improvementPasses?: number;
  /** Search steps allowed per attempt to fit one pair, which caps the running time. */
  searchBudget?: number;
  /** Large-neighbourhood (ruin-and-recreate) rounds after the improvement passes. */
  ruinRounds?: number;
}

export interface ProposedMeeting extends TimeInterval {
  hostId: string;
  guestId: string;
  slotId?: string;
  /** 0-based index into the stop's meeting points. */
  tableIndex: number;
  weight: number;
}

export interface UnscheduledPair {
  hostId: string;
  guestId: string;
  weight: number;
  /** NO_COMMON_TIME: no free slot of the host where the guest and a table could be; NO_ROOM: lost to other meetings. */
  reason: "NO_COMMON_TIME" | "NO_ROOM";
}

export type SchedulerWarningCode =
  | "UNKNOWN_PERSON"
  | "INVALID_INTERVAL"
  | "INVALID_TABLE_INDEX"
  | "CONFIRMED_TABLE_CLASH"
  | "TABLES_OVERBOOKED";

export interface SchedulerWarning {
  code: SchedulerWarningCode;
  message: string;
}

export interface ScheduleProposal {
  /** Sorted by start time, then table. */
  assignments: ProposedMeeting[];
  /** Sum of the weights of the proposed meetings. */
  score: number;
  /**
   * A score no schedule can beat: the smallest of three relaxations, each solved exactly as a
   * maximum-weight flow. Each is valid because any conflict-free schedule, read the right way,
   * is a feasible solution of it with the same weight:
   *  - time-blind: a set of mutually wanted pairs in which each host appears at most capH
   *    times (most pairwise non-overlapping free slots usable by any wanted guest), each guest at
   *    most capG times (most non-overlapping times it could meet a wanted host), with at most
   *    capTables pairs in all (Σ over tables of the most non-overlapping free times);
   *  - host clock: as time-blind, but every pair also takes one of its possible times, each host
   *    holds at most one meeting per time and each time at most its free tables; guests are only
   *    held to capG (their clashes are what this one forgets);
   *  - guest clock: the same with the roles swapped.
   * It ignores only the interplay of both clocks at once, so it is tight when one side's
   * capacity is what limits the meetings; when both sides' clocks bind (guests around for a
   * small part of the day), it can sit some percent above the true optimum.
   * Always at most hostSideBound and guestSideBound (Σ of each person's heaviest pairs).
   */
  upperBound: number;
  unscheduled: UnscheduledPair[];
  warnings: SchedulerWarning[];
  stats: {
    /** Mutually wanted pairs that have not met yet. */
    mutualPairs: number;
    /** Of those, pairs with at least one common time. */
    schedulablePairs: number;
    /** The three relaxations behind upperBound (see there). */
    timeBlindBound: number;
    hostClockBound: number;
    guestClockBound: number;
    /** Σ over hosts of its capH heaviest pairs; looser bound kept for the record. */
    hostSideBound: number;
    /** Σ over guests of its capG heaviest pairs; looser bound kept for the record. */
    guestSideBound: number;
    /** Proposed meetings by weight (3 = both must meet). */
    meetingsByWeight: Record<number, number>;
    /** Schedulable pairs by weight. */
    pairsByWeight: Record<number, number>;
  };
}

const DEFAULTS = { seed: 1, searchDepth: 2, improvementPasses: 4, searchBudget: 400, ruinRounds: 10_000 };
const MAX_TABLE_CELLS = 20_000_000;

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

// ───────────────────────────── model ─────────────────────────────

interface Model {
  warnings: SchedulerWarning[];
  personIds: string[];
  /** Time classes: distinct slot intervals, sorted by start then end. */
  classCount: number;
  classStart: Float64Array;
  classEnd: Float64Array;
  /** For each class, the classes overlapping it (itself included). */
  conflicts: Int32Array[];
  tables: number;
  /** personFixed[p * classCount + c]: person p cannot meet at class c (busy or confirmed). */
  personFixed: Uint8Array;
  tableFixed: Uint8Array;
  /** Slot id by host person and class. */
  slotIds: Map<number, string>;
  edgeCount: number;
  edgeHost: Int32Array;
  edgeGuest: Int32Array;
  edgeWeight: Int32Array;
  /** Classes at which the pair could meet before anything is scheduled. */
  edgeClasses: Int32Array[];
  /** Schedulable pairs of each person. */
  edgesByPerson: number[][];
  /** Pairs that could meet at each class. */
  edgesByClass: number[][];
  hostPersons: number[];
  guestPersons: number[];
  mutualPairs: number;
}

function validInterval(interval: TimeInterval | undefined): boolean {
  if (!interval || !(interval.startsAt instanceof Date) || !(interval.endsAt instanceof Date)) return false;
  const start = interval.startsAt.getTime();
  const end = interval.endsAt.getTime();
  return Number.isFinite(start) && Number.isFinite(end) && end > start;
}

function buildModel(input: SchedulerInput): Model {
  if (!Number.isInteger(input.tables) || input.tables < 0) {
    throw new DomainError("VALIDATION", "The number of tables must be a whole number, zero or more.", {
      fieldErrors: { tables: "Enter a whole number of tables." },
    });
  }
  const warnings: SchedulerWarning[] = [];
  const personIds: string[] = [];
  const personIndex = new Map<string, number>();
  const personOf = (id: string) => {
    let index = personIndex.get(id);
    if (index === undefined) {
      index = personIds.length;
      personIds.push(id);
      personIndex.set(id, index);
    }
    return index;
  };
  const hostPersons = input.hosts.map((host) => personOf(host.id));
  const guestPersons = input.guests.map((guest) => personOf(guest.id));
  const personCount = personIds.length;

  // Time classes from the hosts' valid slots.
  const classKey = (start: number, end: number) => `${start}/${end}`;
  const distinct = new Map<string, [number, number]>();
  input.hosts.forEach((host) => {
    for (const slot of host.slots) {
      if (!validInterval(slot)) {
        warnings.push({ code: "INVALID_INTERVAL", message: `A slot of host ${host.id} does not end after it starts; it was ignored.` });
        continue;
      }
      const start = slot.startsAt.getTime();
      const end = slot.endsAt.getTime();
      distinct.set(classKey(start, end), [start, end]);
    }
  });
  const sortedClasses = [...distinct.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const classCount = sortedClasses.length;
  const classStart = Float64Array.from(sortedClasses, (c) => c[0]);
  const classEnd = Float64Array.from(sortedClasses, (c) => c[1]);
  const classByKey = new Map(sortedClasses.map((c, index) => [classKey(c[0], c[1]), index]));
  const conflictLists: number[][] = sortedClasses.map((_, index) => [index]);
  for (let a = 0; a < classCount; a++) {
    // Sorted by start: later classes overlap `a` exactly while they start before it ends.
    for (let b = a + 1; b < classCount && classStart[b] < classEnd[a]; b++) {
      conflictLists[a].push(b);
      conflictLists[b].push(a);
    }
  }
  const conflicts = conflictLists.map((list) => Int32Array.from(list));

  const tables = input.tables;
  if (tables * classCount > MAX_TABLE_CELLS) {
    throw new DomainError("VALIDATION", "Too many tables and slot times to schedule at once.");
  }
  const personFixed = new Uint8Array(personCount * classCount);
  const tableFixed = new Uint8Array(tables * classCount);
  const overlappingClasses = (interval: TimeInterval) => {
    const start = interval.startsAt.getTime();
    const end = interval.endsAt.getTime();
    const found: number[] = [];
    for (let c = 0; c < classCount && classStart[c] < end; c++) if (classEnd[c] > start) found.push(c);
    return found;
  };
  const blockPerson = (person: number, interval: TimeInterval) => {
    for (const c of overlappingClasses(interval)) personFixed[person * classCount + c] = 1;
  };

  input.hosts.forEach((host, h) => host.busy?.forEach((busy) => (validInterval(busy) ? blockPerson(hostPersons[h], busy) : undefined)));
  input.guests.forEach((guest, g) => guest.busy?.forEach((busy) => (validInterval(busy) ? blockPerson(guestPersons[g], busy) : undefined)));

  // Confirmed meetings: block both people and a table; remember the pair.
  const metPairs = new Set<string>();
  const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  const tableBookings: TimeInterval[][] = Array.from({ length: tables }, () => []);
  const confirmed = [...(input.confirmedMeetings ?? [])];
  // Meetings that name their table claim it before the others are given the lowest free one.
  confirmed.sort((a, b) => Number(b.tableIndex != null) - Number(a.tableIndex != null));
  for (const meeting of confirmed) {
    if (!validInterval(meeting)) {
      warnings.push({ code: "INVALID_INTERVAL", message: `A confirmed meeting of ${meeting.hostId} with ${meeting.guestId} does not end after it starts; it was ignored.` });
      continue;
    }
    metPairs.add(pairKey(meeting.hostId, meeting.guestId));
    for (const id of [meeting.hostId, meeting.guestId]) {
      const person = personIndex.get(id);
      if (person === undefined) continue; // not part of this run: nothing of theirs to block
      blockPerson(person, meeting);
    }
    let table = meeting.tableIndex ?? -1;
    if (meeting.tableIndex != null && (!Number.isInteger(table) || table < 0 || table >= tables)) {
      warnings.push({ code: "INVALID_TABLE_INDEX", message: `A confirmed meeting names table ${meeting.tableIndex}, but the stop has ${tables}; a free table was counted instead.` });
      table = -1;
    }
    if (table >= 0 && tableBookings[table].some((other) => overlapsInterval(other, meeting))) {
      warnings.push({ code: "CONFIRMED_TABLE_CLASH", message: `Two confirmed meetings share table ${table} at the same time.` });
    }
    if (table < 0) table = tableBookings.findIndex((bookings) => !bookings.some((other) => overlapsInterval(other, meeting)));
    if (table < 0) {
      warnings.push({ code: "TABLES_OVERBOOKED", message: `More confirmed meetings than tables at ${meeting.startsAt.toISOString()}.` });
      continue;
    }
    tableBookings[table].push(meeting);
    for (const c of overlappingClasses(meeting)) tableFixed[table * classCount + c] = 1;
  }

  const tablesFreeAtClass = new Int32Array(classCount);
  for (let c = 0; c < classCount; c++) for (let t = 0; t < tables; t++) if (!tableFixed[t * classCount + c]) tablesFreeAtClass[c]++;

  // The classes each host can still offer, and the slot ids behind them.
  const slotIds = new Map<number, string>();
  const hostClasses: number[][] = input.hosts.map((host, h) => {
    const person = hostPersons[h];
    const classes = new Set<number>();
    for (const slot of host.slots) {
      if (!validInterval(slot)) continue;
      const c = classByKey.get(classKey(slot.startsAt.getTime(), slot.endsAt.getTime()))!;
      if (personFixed[person * classCount + c] || tablesFreeAtClass[c] === 0) continue;
      classes.add(c);
      if (slot.id !== undefined && !slotIds.has(person * classCount + c)) slotIds.set(person * classCount + c, slot.id);
    }
    return [...classes].sort((a, b) => a - b);
  });

  // Preferences by (from, to) person.
  const levels = new Map<number, PreferenceLevel>();
  const unknown = new Set<string>();
  for (const mark of input.preferences) {
    const from = personIndex.get(mark.fromUserId);
    const to = personIndex.get(mark.toUserId);
    if (from === undefined || to === undefined) {
      unknown.add(from === undefined ? mark.fromUserId : mark.toUserId);
      continue;
    }
    levels.set(from * personCount + to, mark.level);
  }
  if (unknown.size > 0) {
    warnings.push({ code: "UNKNOWN_PERSON", message: `${unknown.size} preference(s) name people who are neither hosts nor guests at this stop; they were ignored.` });
  }

  const guestRole = new Uint8Array(personCount);
  for (const person of guestPersons) guestRole[person] = 1;
  const seenPairs = new Set<number>();
  const edgeHost: number[] = [];
  const edgeGuest: number[] = [];
  const edgeWeight: number[] = [];
  const edgeClasses: Int32Array[] = [];
  let mutualPairs = 0;
  // Walk the hosts' marks (a host marks far fewer people than there are pairs).
  const marksByFrom = new Map<number, number[]>();
  for (const key of levels.keys()) {
    const from = Math.floor(key / personCount);
    const list = marksByFrom.get(from);
    if (list) list.push(key % personCount);
    else marksByFrom.set(from, [key % personCount]);
  }
  input.hosts.forEach((host, h) => {
    const hostPerson = hostPersons[h];
    for (const guestPerson of marksByFrom.get(hostPerson) ?? []) {
      if (guestPerson === hostPerson || !guestRole[guestPerson]) continue;
      const weight = mutualWeight(levels.get(hostPerson * personCount + guestPerson), levels.get(guestPerson * personCount + hostPerson));
      if (weight === 0) continue;
      const unordered = Math.min(hostPerson, guestPerson) * personCount + Math.max(hostPerson, guestPerson);
      if (seenPairs.has(unordered) || metPairs.has(pairKey(host.id, personIds[guestPerson]))) continue;
      seenPairs.add(unordered);
      mutualPairs++;
      edgeHost.push(hostPerson);
      edgeGuest.push(guestPerson);
      edgeWeight.push(weight);
      edgeClasses.push(Int32Array.from(hostClasses[h].filter((c) => !personFixed[guestPerson * classCount + c])));
    }
  });

  const edgesByPerson: number[][] = personIds.map(() => []);
  const edgesByClass: number[][] = sortedClasses.map(() => []);
  edgeClasses.forEach((classes, e) => {
    if (classes.length === 0) return;
    edgesByPerson[edgeHost[e]].push(e);
    edgesByPerson[edgeGuest[e]].push(e);
    for (const c of classes) edgesByClass[c].push(e);
  });

  return {
    warnings,
    personIds,
    edgesByPerson,
    edgesByClass,
    classCount,
    classStart,
    classEnd,
    conflicts,
    tables,
    personFixed,
    tableFixed,
    slotIds,
    edgeCount: edgeHost.length,
    edgeHost: Int32Array.from(edgeHost),
    edgeGuest: Int32Array.from(edgeGuest),
    edgeWeight: Int32Array.from(edgeWeight),
    edgeClasses,
    hostPersons,
    guestPersons,
    mutualPairs,
  };
}

function overlapsInterval(a: TimeInterval, b: TimeInterval): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

// ───────────────────────────── upper bound ─────────────────────────────

interface UpperBound {
  value: number;
  /** Pairs in the time-blind bound's optimal pair set. */
  chosen: Uint8Array;
  timeBlindBound: number;
  hostClockBound: number;
  guestClockBound: number;
  hostSideBound: number;
  guestSideBound: number;
}

/** Most pairwise non-overlapping intervals among the given classes (earliest end first is optimal). */
function mostNonOverlapping(model: Model, classes: Iterable<number>): number {
  const byEnd = [...classes].sort((a, b) => model.classEnd[a] - model.classEnd[b]);
  let count = 0;
  let lastEnd = -Infinity;
  for (const c of byEnd) {
    if (model.classStart[c] >= lastEnd) {
      count++;
      lastEnd = model.classEnd[c];
    }
  }
  return count;
}

function computeUpperBound(model: Model): UpperBound {
  const usableByPerson = new Map<number, Set<number>>();
  const usable = new Set<number>();
  const edgesByPerson = new Map<number, number[]>();
  for (let e = 0; e < model.edgeCount; e++) {
    if (model.edgeClasses[e].length === 0) continue;
    for (const person of [model.edgeHost[e], model.edgeGuest[e]]) {
      let classes = usableByPerson.get(person);
      if (!classes) usableByPerson.set(person, (classes = new Set()));
      for (const c of model.edgeClasses[e]) {
        classes.add(c);
        usable.add(c);
      }
      const edges = edgesByPerson.get(person);
      if (edges) edges.push(e);
      else edgesByPerson.set(person, [e]);
    }
  }
  const capacity = new Map<number, number>();
  for (const [person, classes] of usableByPerson) capacity.set(person, mostNonOverlapping(model, classes));
  let tableCapacity = 0;
  for (let t = 0; t < model.tables; t++) {
    tableCapacity += mostNonOverlapping(model, [...usable].filter((c) => !model.tableFixed[t * model.classCount + c]));
  }

  // Looser per-side bounds: each person's heaviest pairs up to its capacity.
  const sideBound = (persons: readonly number[]) => {
    let sum = 0;
    for (const person of new Set(persons)) {
      const weights = (edgesByPerson.get(person) ?? []).map((e) => model.edgeWeight[e]).sort((a, b) => b - a);
      for (let i = 0; i < Math.min(weights.length, capacity.get(person) ?? 0); i++) sum += weights[i];
    }
    return sum;
  };

  const hostNode = new Map<number, number>();
  const guestNode = new Map<number, number>();
  const leftCapacity: number[] = [];
  const rightCapacity: number[] = [];
  const pairs: CapacitatedPair[] = [];
  const pairEdge: number[] = [];
  for (let e = 0; e < model.edgeCount; e++) {
    if (model.edgeClasses[e].length === 0) continue;
    const host = model.edgeHost[e];
    const guest = model.edgeGuest[e];
    if (!hostNode.has(host)) {
      hostNode.set(host, leftCapacity.length);
      leftCapacity.push(capacity.get(host) ?? 0);
    }
    if (!guestNode.has(guest)) {
      guestNode.set(guest, rightCapacity.length);
      rightCapacity.push(capacity.get(guest) ?? 0);
    }
    pairs.push({ left: hostNode.get(host)!, right: guestNode.get(guest)!, weight: model.edgeWeight[e] });
    pairEdge.push(e);
  }
  const matching = maxWeightCapacitatedMatching(leftCapacity, rightCapacity, pairs, tableCapacity);
  const chosen = new Uint8Array(model.edgeCount);
  matching.chosen.forEach((isChosen, i) => (chosen[pairEdge[i]] = isChosen ? 1 : 0));
  const hostClockBound = clockBound(model, capacity, "guest");
  const guestClockBound = clockBound(model, capacity, "host");
  return {
    value: Math.min(matching.value, hostClockBound, guestClockBound),
    chosen,
    timeBlindBound: matching.value,
    hostClockBound,
    guestClockBound,
    hostSideBound: sideBound(model.hostPersons),
    guestSideBound: sideBound(model.guestPersons),
  };
}

/**
 * The time-aware relaxations: every pair takes one of its possible times, one side keeps "one
 * meeting per person per time" and each time keeps "no more meetings than free tables"; the
 * other side (`aggregated`) only keeps its capacity. Network:
 *   source → aggregated person [capacity] → pair [1, weight] → (other person, time) [1]
 *          → time [free tables] → sink.
 * Any conflict-free schedule is a flow of the same weight, so its maximum is an upper bound;
 * it is exact on the clock of one side, which the time-blind bound is not.
 */
function clockBound(model: Model, capacity: ReadonlyMap<number, number>, aggregated: "host" | "guest"): number {
  const K = model.classCount;
  const source = 0;
  const sink = 1;
  let nodeCount = 2;
  const classNode = Int32Array.from({ length: K }, () => nodeCount++);
  const arcs: FlowArc[] = [];
  for (let c = 0; c < K; c++) {
    let freeTables = 0;
    for (let t = 0; t < model.tables; t++) if (!model.tableFixed[t * K + c]) freeTables++;
    arcs.push({ from: classNode[c], to: sink, capacity: freeTables, weight: 0 });
  }
  const personNode = new Map<number, number>();
  const personTimeNode = new Map<number, number>();
  for (let e = 0; e < model.edgeCount; e++) {
    if (model.edgeClasses[e].length === 0) continue;
    const [capped, clocked] = aggregated === "host" ? [model.edgeHost[e], model.edgeGuest[e]] : [model.edgeGuest[e], model.edgeHost[e]];
    let cappedNode = personNode.get(capped);
    if (cappedNode === undefined) {
      personNode.set(capped, (cappedNode = nodeCount++));
      arcs.push({ from: source, to: cappedNode, capacity: capacity.get(capped) ?? 0, weight: 0 });
    }
    const pairNode = nodeCount++;
    arcs.push({ from: cappedNode, to: pairNode, capacity: 1, weight: model.edgeWeight[e] });
    for (const c of model.edgeClasses[e]) {
      const key = clocked * K + c;
      let timeNode = personTimeNode.get(key);
      if (timeNode === undefined) {
        personTimeNode.set(key, (timeNode = nodeCount++));
        arcs.push({ from: timeNode, to: classNode[c], capacity: 1, weight: 0 });
      }
      arcs.push({ from: pairNode, to: timeNode, capacity: 1, weight: 0 });
    }
  }
  return maxWeightFlow(nodeCount, source, sink, arcs).value;
}

export interface CapacitatedPair {
  left: number;
  right: number;
  weight: number;
}

/**
 * Maximum total weight of a subset of `pairs` (each used at most once) in which left node i
 * appears at most leftCapacity[i] times, right node j at most rightCapacity[j] times, and which
 * has at most totalCapacity pairs. Exact (see maxWeightFlow).
 */
export function maxWeightCapacitatedMatching(
  leftCapacity: readonly number[],
  rightCapacity: readonly number[],
  pairs: readonly CapacitatedPair[],
  totalCapacity: number,
): { value: number; chosen: boolean[] } {
  const superSource = 0;
  const source = 1;
  const leftBase = 2;
  const rightBase = leftBase + leftCapacity.length;
  const sink = rightBase + rightCapacity.length;
  const arcs: FlowArc[] = [{ from: superSource, to: source, capacity: totalCapacity, weight: 0 }];
  leftCapacity.forEach((capacity, i) => arcs.push({ from: source, to: leftBase + i, capacity, weight: 0 }));
  rightCapacity.forEach((capacity, j) => arcs.push({ from: rightBase + j, to: sink, capacity, weight: 0 }));
  const firstPairArc = arcs.length;
  for (const pair of pairs) arcs.push({ from: leftBase + pair.left, to: rightBase + pair.right, capacity: 1, weight: pair.weight });
  const { flow } = maxWeightFlow(sink + 1, superSource, sink, arcs);
  const chosen = pairs.map((_, i) => flow[firstPairArc + i] > 0);
  const value = pairs.reduce((sum, pair, i) => (chosen[i] ? sum + pair.weight : sum), 0);
  return { value, chosen };
}

export interface FlowArc {
  from: number;
  to: number;
  capacity: number;
  /** Gained per unit of flow; whole numbers (zero-cost arcs are recognised by exact equality). */
  weight: number;
}

/**
 * A flow from source to sink of maximum total weight (any amount of flow; stops when one more
 * unit would not add weight), in a network whose arcs, as given, form no cycle.
 * Min-cost flow (cost = −weight) by the primal–dual method: Dijkstra on reduced costs, then a
 * Dinic blocking flow on the arcs of reduced cost zero. The number of Dijkstra phases is the
 * number of distinct shortest-path costs, a handful when the weights are 1, 2 and 3.
 */
export function maxWeightFlow(nodeCount: number, source: number, sink: number, arcs: readonly FlowArc[]): { value: number; flow: number[] } {
  const head = new Int32Array(nodeCount).fill(-1);
  const arcCount = arcs.length * 2;
  const to = new Int32Array(arcCount);
  const next = new Int32Array(arcCount);
  const residual = new Float64Array(arcCount);
  const cost = new Float64Array(arcCount);
  arcs.forEach((arc, i) => {
    const forward = 2 * i;
    const backward = forward + 1;
    to[forward] = arc.to;
    residual[forward] = Math.max(0, arc.capacity);
    cost[forward] = -arc.weight;
    next[forward] = head[arc.from];
    head[arc.from] = forward;
    to[backward] = arc.from;
    residual[backward] = 0;
    cost[backward] = arc.weight;
    next[backward] = head[arc.to];
    head[arc.to] = backward;
  });

  // Feasible starting potentials: shortest distances in the initial acyclic network, by
  // relaxing the arcs in a topological order of the nodes.
  const potential = new Float64Array(nodeCount).fill(Infinity);
  const indegree = new Int32Array(nodeCount);
  for (const arc of arcs) indegree[arc.to]++;
  const order: number[] = [];
  for (let v = 0; v < nodeCount; v++) if (indegree[v] === 0) order.push(v);
  for (let i = 0; i < order.length; i++) {
    const u = order[i];
    for (let a = head[u]; a !== -1; a = next[a]) {
      if ((a & 1) === 1) continue;
      if (--indegree[to[a]] === 0) order.push(to[a]);
    }
  }
  potential[source] = 0;
  for (const u of order) {
    if (potential[u] === Infinity) continue;
    for (let a = head[u]; a !== -1; a = next[a]) {
      if ((a & 1) === 0 && residual[a] > 0 && potential[u] + cost[a] < potential[to[a]]) potential[to[a]] = potential[u] + cost[a];
    }
  }
  // Nodes the source cannot reach never carry flow; any potential keeping their arcs'
  // reduced costs non-negative will do, and the largest finite one does.
  let highest = 0;
  for (let v = 0; v < nodeCount; v++) if (potential[v] !== Infinity) highest = Math.max(highest, potential[v]);
  for (let v = 0; v < nodeCount; v++) if (potential[v] === Infinity) potential[v] = highest;

  const distance = new Float64Array(nodeCount);
  const level = new Int32Array(nodeCount);
  const cursor = new Int32Array(nodeCount);
  const queue = new Int32Array(nodeCount);
  const path = new Int32Array(nodeCount);
  const heap = new MinHeap();

  for (;;) {
    // Dijkstra on reduced costs (cost + potential[from] − potential[to] ≥ 0).
    distance.fill(Infinity);
    distance[source] = 0;
    heap.clear();
    heap.push(0, source);
    while (heap.size > 0) {
      const d = heap.peekKey();
      const u = heap.pop();
      if (d > distance[u]) continue;
      const base = d + potential[u];
      for (let arc = head[u]; arc !== -1; arc = next[arc]) {
        if (residual[arc] <= 0) continue;
        const v = to[arc];
        const candidate = base + cost[arc] - potential[v];
        if (candidate < distance[v]) {
          distance[v] = candidate;
          heap.push(candidate, v);
        }
      }
    }
    const sinkDistance = distance[sink];
    if (sinkDistance === Infinity) break;
    // Capping at the sink's distance keeps every reduced cost non-negative, reachable or not.
    for (let v = 0; v < nodeCount; v++) potential[v] += Math.min(distance[v], sinkDistance);
    if (potential[sink] - potential[source] >= 0) break; // the cheapest path adds no weight

    // Dinic on the admissible arcs (residual, reduced cost exactly zero).
    for (;;) {
      level.fill(-1);
      level[source] = 0;
      let queueEnd = 0;
      queue[queueEnd++] = source;
      for (let i = 0; i < queueEnd; i++) {
        const u = queue[i];
        for (let arc = head[u]; arc !== -1; arc = next[arc]) {
          const v = to[arc];
          if (level[v] < 0 && residual[arc] > 0 && cost[arc] + potential[u] - potential[v] === 0) {
            level[v] = level[u] + 1;
            queue[queueEnd++] = v;
          }
        }
      }
      if (level[sink] < 0) break;
      cursor.set(head);
      // Iterative depth-first search for augmenting paths in the level graph.
      let u = source;
      let depth = 0;
      for (;;) {
        if (u === sink) {
          let pushed = Infinity;
          for (let i = 0; i < depth; i++) pushed = Math.min(pushed, residual[path[i]]);
          for (let i = 0; i < depth; i++) {
            residual[path[i]] -= pushed;
            residual[path[i] ^ 1] += pushed;
          }
          u = source;
          depth = 0;
          continue;
        }
        let arc = cursor[u];
        for (; arc !== -1; arc = next[arc]) {
          const v = to[arc];
          if (residual[arc] > 0 && level[v] === level[u] + 1 && cost[arc] + potential[u] - potential[v] === 0) break;
        }
        cursor[u] = arc;
        if (arc !== -1) {
          path[depth++] = arc;
          u = to[arc];
          continue;
        }
        if (u === source) break;
        level[u] = -1; // dead end for the rest of this round
        u = to[path[--depth] ^ 1];
        cursor[u] = next[cursor[u]];
      }
    }
  }

  const flow = arcs.map((arc, i) => residual[2 * i + 1]);
  const value = arcs.reduce((sum, arc, i) => sum + arc.weight * flow[i], 0);
  return { value, flow };
}

/** Binary min-heap of (key, value) number pairs, for Dijkstra. */
class MinHeap {
  private keys: number[] = [];
  private values: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  clear(): void {
    this.keys.length = 0;
    this.values.length = 0;
  }
  push(key: number, value: number): void {
    const keys = this.keys;
    const values = this.values;
    let i = keys.length;
    keys.push(key);
    values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      values[i] = values[parent];
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }
  peekKey(): number {
    return this.keys[0];
  }
  /** Removes the entry with the smallest key and returns its value. */
  pop(): number {
    const keys = this.keys;
    const values = this.values;
    const top = values[0];
    const lastKey = keys.pop()!;
    const lastValue = values.pop()!;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && keys[child + 1] < keys[child]) child++;
        if (keys[child] >= lastKey) break;
        keys[i] = keys[child];
        values[i] = values[child];
        i = child;
      }
      keys[i] = lastKey;
      values[i] = lastValue;
    }
    return top;
  }
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

// ───────────────────────────── independent check ─────────────────────────────

export type ScheduleConflictCode =
  | "PERSON_DOUBLE_BOOKED"
  | "TABLE_DOUBLE_BOOKED"
  | "TOO_MANY_AT_ONCE"
  | "NOT_A_FREE_SLOT"
  | "PAIR_TWICE"
  | "NOT_MUTUAL"
  | "TABLE_OUT_OF_RANGE";

export interface ScheduleConflict {
  code: ScheduleConflictCode;
  message: string;
}

/**
 * Every rule a proposal must keep, checked from scratch with plain interval comparisons and no
 * code shared with the scheduler: the organiser's screen re-checks a proposal with it before
 * confirming, and the tests use it on every instance they generate.
 */
export function checkSchedule(input: SchedulerInput, assignments: readonly ProposedMeeting[]): ScheduleConflict[] {
  const conflicts: ScheduleConflict[] = [];
  const confirmed = input.confirmedMeetings ?? [];
  const when = (interval: TimeInterval) => `${interval.startsAt.toISOString()}–${interval.endsAt.toISOString()}`;

  // People: proposed and confirmed meetings, plus busy times, never overlap.
  const byPerson = new Map<string, Array<{ interval: TimeInterval; proposed: boolean }>>();
  const addFor = (person: string, interval: TimeInterval, proposed: boolean) => {
    const list = byPerson.get(person);
    if (list) list.push({ interval, proposed });
    else byPerson.set(person, [{ interval, proposed }]);
  };
  for (const meeting of assignments) {
    addFor(meeting.hostId, meeting, true);
    addFor(meeting.guestId, meeting, true);
  }
  for (const meeting of confirmed) {
    addFor(meeting.hostId, meeting, false);
    addFor(meeting.guestId, meeting, false);
  }
  for (const person of [...input.hosts, ...input.guests]) for (const busy of person.busy ?? []) addFor(person.id, busy, false);
  for (const [person, items] of byPerson) {
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        if ((items[i].proposed || items[j].proposed) && overlapsInterval(items[i].interval, items[j].interval)) {
          conflicts.push({ code: "PERSON_DOUBLE_BOOKED", message: `${person} has two meetings at ${when(items[i].interval)} and ${when(items[j].interval)}.` });
        }
      }
    }
  }

  // Tables: in range, never double-booked, never more meetings at once than tables.
  const byTable = new Map<number, TimeInterval[]>();
  for (const meeting of [...assignments, ...confirmed]) {
    const table = meeting.tableIndex;
    if (table == null) continue;
    if (!Number.isInteger(table) || table < 0 || table >= input.tables) {
      conflicts.push({ code: "TABLE_OUT_OF_RANGE", message: `Table ${table} does not exist (the stop has ${input.tables}).` });
      continue;
    }
    const list = byTable.get(table) ?? [];
    for (const other of list) {
      if (overlapsInterval(other, meeting)) conflicts.push({ code: "TABLE_DOUBLE_BOOKED", message: `Table ${table} has two meetings at ${when(meeting)}.` });
    }
    list.push(meeting);
    byTable.set(table, list);
  }
  const edges = [...assignments, ...confirmed].flatMap((meeting) => [
    { at: meeting.startsAt.getTime(), delta: 1 },
    { at: meeting.endsAt.getTime(), delta: -1 },
  ]);
  edges.sort((a, b) => a.at - b.at || a.delta - b.delta); // ends before starts at the same instant
  let running = 0;
  for (const edge of edges) {
    running += edge.delta;
    if (running > input.tables) {
      conflicts.push({ code: "TOO_MANY_AT_ONCE", message: `${running} meetings at ${new Date(edge.at).toISOString()} but only ${input.tables} tables.` });
      break;
    }
  }

  // Slots, pairs, preferences.
  const hostSlots = new Map(input.hosts.map((host) => [host.id, host.slots]));
  const levels = new Map(input.preferences.map((mark) => [`${mark.fromUserId}\u0000${mark.toUserId}`, mark.level]));
  const pairs = new Set(confirmed.map((meeting) => [meeting.hostId, meeting.guestId].sort().join("\u0000")));
  for (const meeting of assignments) {
    const slots = hostSlots.get(meeting.hostId) ?? [];
    if (!slots.some((slot) => slot.startsAt.getTime() === meeting.startsAt.getTime() && slot.endsAt.getTime() === meeting.endsAt.getTime())) {
      conflicts.push({ code: "NOT_A_FREE_SLOT", message: `${meeting.hostId} has no slot at ${when(meeting)}.` });
    }
    const pair = [meeting.hostId, meeting.guestId].sort().join("\u0000");
    if (pairs.has(pair)) conflicts.push({ code: "PAIR_TWICE", message: `${meeting.hostId} and ${meeting.guestId} meet twice.` });
    pairs.add(pair);
    const weight = mutualWeight(levels.get(`${meeting.hostId}\u0000${meeting.guestId}`), levels.get(`${meeting.guestId}\u0000${meeting.hostId}`));
    if (weight === 0 || weight !== meeting.weight) {
      conflicts.push({ code: "NOT_MUTUAL", message: `${meeting.hostId} and ${meeting.guestId} are not mutually wanted with weight ${meeting.weight}.` });
    }
  }
  return conflicts;
}
