// Step 1: the instance as the search sees it. Every distinct slot interval becomes a "time class"
// (two classes conflict when their intervals overlap; on an ordinary grid a class only conflicts
// with itself), people and pairs become small integers, and confirmed meetings and busy times
// become fixed blocks on people and tables, so the later steps work on typed arrays, not Dates.
import { DomainError } from "~/domain/kernel/errors";
import { intervalsOverlap, type TimeInterval } from "../slots";
import type { SchedulerInput, SchedulerWarning } from "./types";
import { mutualWeight, type PreferenceLevel } from "./weights";

const MAX_TABLE_CELLS = 20_000_000;

export interface Model {
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

export function buildModel(input: SchedulerInput): Model {
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
      warnings.push({
        code: "INVALID_INTERVAL",
        message: `A confirmed meeting of ${meeting.hostId} with ${meeting.guestId} does not end after it starts; it was ignored.`,
      });
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
      warnings.push({
        code: "INVALID_TABLE_INDEX",
        message: `A confirmed meeting names table ${meeting.tableIndex}, but the stop has ${tables}; a free table was counted instead.`,
      });
      table = -1;
    }
    if (table >= 0 && tableBookings[table].some((other) => intervalsOverlap(other, meeting))) {
      warnings.push({ code: "CONFIRMED_TABLE_CLASH", message: `Two confirmed meetings share table ${table} at the same time.` });
    }
    if (table < 0) table = tableBookings.findIndex((bookings) => !bookings.some((other) => intervalsOverlap(other, meeting)));
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
    warnings.push({
      code: "UNKNOWN_PERSON",
      message: `${unknown.size} preference(s) name people who are neither hosts nor guests at this stop; they were ignored.`,
    });
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
