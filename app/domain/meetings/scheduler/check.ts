import { intervalsOverlap, type TimeInterval } from "../slots";
import type { ProposedMeeting, SchedulerInput } from "./types";
import { mutualWeight } from "./weights";

export type ScheduleConflictCode =
  "PERSON_DOUBLE_BOOKED" | "TABLE_DOUBLE_BOOKED" | "TOO_MANY_AT_ONCE" | "NOT_A_FREE_SLOT" | "PAIR_TWICE" | "NOT_MUTUAL" | "TABLE_OUT_OF_RANGE";

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
        if ((items[i].proposed || items[j].proposed) && intervalsOverlap(items[i].interval, items[j].interval)) {
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
      if (intervalsOverlap(other, meeting)) conflicts.push({ code: "TABLE_DOUBLE_BOOKED", message: `Table ${table} has two meetings at ${when(meeting)}.` });
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
