// Seeded, realistic scheduler instances for tests and the benchmark.
//
// Independent random picks would make almost no pair mutual (8/200 × 25/600 ≈ 0.2 %), which is
// neither realistic nor a test of anything. At a real roadshow the two sides are correlated:
// guests ask for the investors whose themes match theirs, a few investors are very popular, and
// investors mostly say yes to people who asked for them. The generator models exactly that:
//  - themes: each host has 2–3 of the 7 themes, each guest 1–2;
//  - popularity: host h is picked with weight ∝ 1/(1 + rank)^0.6 × (1 + 2 × shared themes);
//  - each guest wishes for ~`guestWishes` hosts (±3), the first two as MUST_MEET, and now and
//    then says NO_THANKS to one host;
//  - each host marks ~`hostWishes` guests (±8): `reciprocity` (65 %) among the guests who asked for it
//    (theme-weighted), the rest among the others; a fifth of its picks are MUST_MEET;
//  - availability: `slots` slots of `slotMinutes`, half in the morning and half in the
//    afternoon; ~15 % of hosts only come in the morning, ~15 % only in the afternoon, and every
//    host loses 0–2 slots to other commitments;
//  - guests are around for `guestPresence` of the day (default all of it), busy otherwise;
//  - ~`confirmedShare` of the host slots already hold a confirmed meeting (with a table).
import { THEMES, type ThemeName } from "~/domain/kernel/vocabulary";
import { createRandom, randomInt, shuffleInPlace } from "../random";
import type { ConfirmedMeeting, HostSlot, PreferenceMark, SchedulerInput } from "./types";

export interface SampleInstanceOptions {
  hosts: number;
  guests: number;
  /** Slot times in the day (all hosts share the grid). */
  slots: number;
  tables: number;
  seed: number;
  guestWishes?: number;
  hostWishes?: number;
  slotMinutes?: number;
  /** Share of host slots already holding a confirmed meeting. */
  confirmedShare?: number;
  /** Share of a host's picks taken among the guests who asked for it. */
  reciprocity?: number;
  /** Share of the day each guest is around (a random stretch of slots); busy the rest of it. */
  guestPresence?: number;
  /** Morning of the stop (the afternoon starts five hours later). */
  dayStart?: Date;
}

const MINUTE_MS = 60_000;

/** k distinct items drawn with probability ∝ weight (Efraimidis–Spirakis keys). */
function weightedSample<T>(items: readonly T[], weight: (item: T) => number, k: number, random: () => number): T[] {
  return items
    .map((item) => ({ item, key: Math.pow(random(), 1 / Math.max(weight(item), 1e-9)) }))
    .sort((a, b) => b.key - a.key)
    .slice(0, k)
    .map((entry) => entry.item);
}

export function generateSampleInstance(options: SampleInstanceOptions): SchedulerInput {
  const random = createRandom(options.seed);
  const guestWishes = options.guestWishes ?? 8;
  const hostWishes = options.hostWishes ?? 25;
  const slotMinutes = options.slotMinutes ?? 30;
  const confirmedShare = options.confirmedShare ?? 0.02;
  const reciprocity = options.reciprocity ?? 0.65;
  const guestPresence = options.guestPresence ?? 1;
  const dayStart = (options.dayStart ?? new Date("2026-05-04T08:00:00Z")).getTime();
  const pad = (n: number) => String(n).padStart(4, "0");

  const pickThemes = (min: number, max: number): ThemeName[] => shuffleInPlace([...THEMES], random).slice(0, min + randomInt(random, max - min + 1));
  const shared = (a: readonly ThemeName[], b: readonly ThemeName[]) => a.filter((theme) => b.includes(theme)).length;

  const morningCount = Math.ceil(options.slots / 2);
  const grid: HostSlot[] = Array.from({ length: options.slots }, (_, i) => {
    const start = i < morningCount ? dayStart + i * slotMinutes * MINUTE_MS : dayStart + 5 * 60 * MINUTE_MS + (i - morningCount) * slotMinutes * MINUTE_MS;
    return { startsAt: new Date(start), endsAt: new Date(start + slotMinutes * MINUTE_MS) };
  });

  const popularityRank = shuffleInPlace(
    Array.from({ length: options.hosts }, (_, i) => i),
    random,
  );
  const hosts = Array.from({ length: options.hosts }, (_, h) => {
    const presence = random();
    let slotIndexes = grid.map((_, i) => i);
    if (presence < 0.15) slotIndexes = slotIndexes.filter((i) => i < morningCount);
    else if (presence < 0.3) slotIndexes = slotIndexes.filter((i) => i >= morningCount);
    const lost = randomInt(random, 3);
    slotIndexes = shuffleInPlace(slotIndexes, random)
      .slice(0, Math.max(1, slotIndexes.length - lost))
      .sort((a, b) => a - b);
    return {
      id: `host-${pad(h)}`,
      themes: pickThemes(2, 3),
      popularity: 1 / Math.pow(1 + popularityRank[h], 0.6),
      slotIndexes,
    };
  });
  const guests = Array.from({ length: options.guests }, (_, g) => ({ id: `guest-${pad(g)}`, themes: pickThemes(1, 2) }));

  const preferences: PreferenceMark[] = [];
  const requestersOf = new Map<string, Set<string>>(hosts.map((host) => [host.id, new Set<string>()]));
  for (const guest of guests) {
    const count = Math.max(1, guestWishes - 3 + randomInt(random, 7));
    const wished = weightedSample(hosts, (host) => host.popularity * (1 + 2 * shared(host.themes, guest.themes)), count, random);
    wished.forEach((host, i) => {
      preferences.push({ fromUserId: guest.id, toUserId: host.id, level: i < 2 ? "MUST_MEET" : "WOULD_LIKE" });
      requestersOf.get(host.id)!.add(guest.id);
    });
    if (random() < 0.2) {
      const refused = hosts[randomInt(random, hosts.length)];
      if (!wished.includes(refused)) preferences.push({ fromUserId: guest.id, toUserId: refused.id, level: "NO_THANKS" });
    }
  }
  for (const host of hosts) {
    const count = Math.max(1, hostWishes - 8 + randomInt(random, 17));
    const requesters = guests.filter((guest) => requestersOf.get(host.id)!.has(guest.id));
    const others = guests.filter((guest) => !requestersOf.get(host.id)!.has(guest.id));
    const byTheme = (guest: { themes: ThemeName[] }) => 1 + 2 * shared(host.themes, guest.themes);
    const fromRequesters = weightedSample(requesters, byTheme, Math.round(count * reciprocity), random);
    const fromOthers = weightedSample(others, byTheme, count - fromRequesters.length, random);
    const picked = shuffleInPlace([...fromRequesters, ...fromOthers], random);
    picked.forEach((guest, i) => preferences.push({ fromUserId: host.id, toUserId: guest.id, level: i < Math.round(count / 5) ? "MUST_MEET" : "WOULD_LIKE" }));
    for (const guest of requesters) {
      if (!picked.includes(guest) && random() < 0.2) preferences.push({ fromUserId: host.id, toUserId: guest.id, level: "NO_THANKS" });
    }
  }

  // Confirmed meetings booked earlier by request: they take the host's slot, the guest and a table.
  const confirmedMeetings: ConfirmedMeeting[] = [];
  const guestBusy = new Set<string>();
  const tablesUsed = new Int32Array(options.slots);
  const freeSlotIndexes = hosts.map((host) =>
    host.slotIndexes.filter((i) => {
      if (random() >= confirmedShare || tablesUsed[i] >= options.tables) return true;
      const guest = guests[randomInt(random, guests.length)];
      if (guestBusy.has(`${guest.id}@${i}`)) return true;
      guestBusy.add(`${guest.id}@${i}`);
      confirmedMeetings.push({ hostId: host.id, guestId: guest.id, ...grid[i], tableIndex: tablesUsed[i]++ });
      return false;
    }),
  );

  const presentSlots = Math.max(1, Math.round(options.slots * guestPresence));
  const guestsWithBusy = guests.map((guest) => {
    if (presentSlots >= options.slots) return { id: guest.id };
    const arrival = randomInt(random, options.slots - presentSlots + 1);
    const away = grid.filter((_, i) => i < arrival || i >= arrival + presentSlots);
    return { id: guest.id, busy: away.map((slot) => ({ startsAt: slot.startsAt, endsAt: slot.endsAt })) };
  });

  return {
    hosts: hosts.map((host, h) => ({
      id: host.id,
      slots: freeSlotIndexes[h].map((i) => ({ id: `${host.id}/slot-${i}`, ...grid[i] })),
    })),
    guests: guestsWithBusy,
    preferences,
    tables: options.tables,
    confirmedMeetings,
  };
}
