// Small instances and helpers shared by the scheduler's step tests; the realistic ones come from
// sample-instance.ts. Kept out of *.test.ts so every step's tests can build the same cases.
import { createRandom, randomInt } from "../random";
import { Board } from "./board";
import { buildModel } from "./model";
import type { ConfirmedMeeting, PreferenceMark, ProposedMeeting, SchedulerHost, SchedulerInput } from "./types";
import { mutualWeight, type PreferenceLevel } from "./weights";

export const MINUTE = 60_000;
export const DAY = Date.parse("2026-05-04T08:00:00Z");
/** The i-th 30-minute slot of the day (plus an optional shift in minutes, for off-grid slots). */
export const slot = (i: number, shiftMinutes = 0, id?: string) => ({
  ...(id ? { id } : {}),
  startsAt: new Date(DAY + (i * 30 + shiftMinutes) * MINUTE),
  endsAt: new Date(DAY + (i * 30 + shiftMinutes + 30) * MINUTE),
});
export const both = (host: string, guest: string, hostSays: PreferenceLevel, guestSays: PreferenceLevel): PreferenceMark[] => [
  { fromUserId: host, toUserId: guest, level: hostSays },
  { fromUserId: guest, toUserId: host, level: guestSays },
];
export const pairsOf = (meetings: readonly ProposedMeeting[]) => meetings.map((m) => `${m.hostId}-${m.guestId}`).sort();

/** Tiny random instance; `offGrid` shifts some hosts' slots by 15 minutes. */
export function tinyInstance(seed: number, offGrid: boolean): SchedulerInput {
  const random = createRandom(seed);
  const hostCount = 1 + randomInt(random, 3);
  const guestCount = 1 + randomInt(random, 4);
  const levels: PreferenceLevel[] = ["MUST_MEET", "WOULD_LIKE", "WOULD_LIKE", "NO_THANKS"];
  const hosts: SchedulerHost[] = Array.from({ length: hostCount }, (_, h) => {
    const shift = offGrid && random() < 0.5 ? 15 : 0;
    const slots = [0, 1, 2].filter(() => random() < 0.7).map((i) => slot(i, shift, `h${h}-${i}`));
    return { id: `h${h}`, slots };
  });
  const guests = Array.from({ length: guestCount }, (_, g) => ({ id: `g${g}`, ...(random() < 0.25 ? { busy: [slot(randomInt(random, 3))] } : {}) }));
  const preferences: PreferenceMark[] = [];
  for (const host of hosts) {
    for (const guest of guests) {
      if (random() < 0.75) preferences.push({ fromUserId: host.id, toUserId: guest.id, level: levels[randomInt(random, levels.length)] });
      if (random() < 0.75) preferences.push({ fromUserId: guest.id, toUserId: host.id, level: levels[randomInt(random, levels.length)] });
    }
  }
  const tables = 1 + randomInt(random, 2);
  const confirmedMeetings: ConfirmedMeeting[] =
    random() < 0.4 ? [{ hostId: hosts[0].id, guestId: guests[0].id, ...slot(randomInt(random, 3)), tableIndex: randomInt(random, tables) }] : [];
  return { hosts, guests, preferences, tables, confirmedMeetings };
}

/** Best total weight over every conflict-free choice of (slot, table) or nothing per pair. */
export function bruteForceOptimum(input: SchedulerInput): number {
  const levels = new Map(input.preferences.map((p) => [`${p.fromUserId}>${p.toUserId}`, p.level]));
  const met = new Set((input.confirmedMeetings ?? []).map((m) => `${m.hostId}>${m.guestId}`));
  const pairs = input.hosts.flatMap((host) =>
    input.guests
      .filter((guest) => !met.has(`${host.id}>${guest.id}`))
      .map((guest) => ({ host, guest, weight: mutualWeight(levels.get(`${host.id}>${guest.id}`), levels.get(`${guest.id}>${host.id}`)) }))
      .filter((pair) => pair.weight > 0),
  );
  type Booking = { people: string[]; table: number; start: number; end: number };
  const fixed: Booking[] = [
    ...(input.confirmedMeetings ?? []).map((m) => ({
      people: [m.hostId, m.guestId],
      table: m.tableIndex ?? -1,
      start: m.startsAt.getTime(),
      end: m.endsAt.getTime(),
    })),
    ...input.guests.flatMap((g) => (g.busy ?? []).map((b) => ({ people: [g.id], table: -1, start: b.startsAt.getTime(), end: b.endsAt.getTime() }))),
  ];
  const chosen: Booking[] = [...fixed];
  const clashes = (b: Booking) => chosen.some((o) => o.start < b.end && b.start < o.end && (o.table === b.table || o.people.some((p) => b.people.includes(p))));
  let best = 0;
  const suffix = pairs.map((_, i) => pairs.slice(i).reduce((sum, p) => sum + p.weight, 0));
  const search = (i: number, score: number) => {
    if (score > best) best = score;
    if (i === pairs.length || score + suffix[i] <= best) return;
    const { host, guest, weight } = pairs[i];
    for (const s of host.slots) {
      for (let table = 0; table < input.tables; table++) {
        const booking = { people: [host.id, guest.id], table, start: s.startsAt.getTime(), end: s.endsAt.getTime() };
        if (clashes(booking)) continue;
        chosen.push(booking);
        search(i + 1, score + weight);
        chosen.pop();
      }
    }
    search(i + 1, score);
  };
  search(0, 0);
  return best;
}

/** An empty board on the input's model. */
export function boardFor(input: SchedulerInput, searchBudget = 400): Board {
  return new Board(buildModel(input), searchBudget);
}

/** The pair of this host and guest on the board's model (throws when they are not a pair). */
export function pairOf(board: Board, hostId: string, guestId: string): number {
  const { model } = board;
  for (let e = 0; e < model.edgeCount; e++) {
    if (model.personIds[model.edgeHost[e]] === hostId && model.personIds[model.edgeGuest[e]] === guestId) return e;
  }
  throw new Error(`${hostId} and ${guestId} are not a pair`);
}

/** The placed pairs as "host-guest@class", sorted. */
export function placementsOf(board: Board): string[] {
  const { model } = board;
  const placed: string[] = [];
  for (let e = 0; e < model.edgeCount; e++) {
    if (board.isPlaced(e)) placed.push(`${model.personIds[model.edgeHost[e]]}-${model.personIds[model.edgeGuest[e]]}@${board.placedClass[e]}`);
  }
  return placed.sort();
}
