// 1 000 people booking at once: the database decides, nobody is double-booked, and every loser
// is told plainly that the slot was just taken.
import { describe, expect, it } from "vitest";
import { isDomainError } from "~/domain/kernel/errors";
import { PERSON_BUSY_MESSAGE, SLOT_TAKEN_MESSAGE, TABLE_TAKEN_MESSAGE } from "~/domain/meetings/db-errors.server";
import { GUEST_BUSY_MESSAGE, requestMeeting } from "~/domain/meetings/request.server";
import { db } from "~/platform/db.server";
import { makeAvailability, makeRegistrations, makeStop, makeUser, makeUsers } from "../support/factories";
import { doubleBookings, makeRoadshow, NOW } from "./fixtures";

describe("simultaneous bookings", () => {
  it(
    "1 000 concurrent requests over overlapping slots of three hosts give 0 double bookings and SLOT_TAKEN for every loser",
    { timeout: 300_000 },
    async () => {
      const { event, slug, lisbon } = await makeRoadshow({ tables: 4 });
      const hosts = [
        await makeUser({ name: "Host A", roles: ["INVESTOR"] }),
        await makeUser({ name: "Host B", roles: ["INVESTOR"] }),
        await makeUser({ name: "Host C", roles: ["INVESTOR"] }),
      ];
      // A and C: 10:00, 10:30, 11:00; B: 10:15, 10:45, 11:15 — overlapping times, 9 slots in all.
      await makeAvailability({ event, stop: lisbon, host: hosts[0], startsAt: "2027-03-10T10:00:00Z", endsAt: "2027-03-10T11:30:00Z" });
      await makeAvailability({ event, stop: lisbon, host: hosts[1], startsAt: "2027-03-10T10:15:00Z", endsAt: "2027-03-10T11:45:00Z" });
      await makeAvailability({ event, stop: lisbon, host: hosts[2], startsAt: "2027-03-10T10:00:00Z", endsAt: "2027-03-10T11:30:00Z" });
      const slots = [
        ...["10:00", "10:30", "11:00"].flatMap((t) => [
          { host: hosts[0], at: `2027-03-10T${t}:00.000Z` },
          { host: hosts[2], at: `2027-03-10T${t}:00.000Z` },
        ]),
        ...["10:15", "10:45", "11:15"].map((t) => ({ host: hosts[1], at: `2027-03-10T${t}:00.000Z` })),
      ];
      const guests = await makeUsers(1000, { prefix: "guest" });
      await makeRegistrations(
        guests.map((g) => g.id),
        event.ticketTypes[0],
      );

      const started = Date.now();
      const results = await Promise.allSettled(
        guests.map((guest, i) => {
          const slot = slots[i % slots.length];
          return requestMeeting(guest, { slug, stopId: lisbon.id, hostId: slot.host.id, startsAt: slot.at, message: `Hello from ${guest.name}` }, NOW);
        }),
      );
      const elapsed = Date.now() - started;

      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      const unexpected = lost.filter((r) => !isDomainError(r.reason) || r.reason.code !== "SLOT_TAKEN" || r.reason.message !== SLOT_TAKEN_MESSAGE);
      expect(unexpected.map((r) => String(r.reason))).toEqual([]);
      expect(won).toHaveLength(slots.length);
      expect(lost).toHaveLength(1000 - slots.length);
      expect(await doubleBookings()).toBe(0);
      expect(await db().meeting.count()).toBe(slots.length);
      // Each winner's host was told once; no loser left an email behind.
      expect(await db().outboxEmail.count()).toBe(slots.length);
      console.info(`1000 concurrent requests: ${elapsed} ms (${Math.round(1000 / (elapsed / 1000))} requests/s)`);
    },
  );

  it("a table is never double-booked: three hosts at the same time and two tables give two meetings", { timeout: 120_000 }, async () => {
    const { event, slug, lisbon } = await makeRoadshow({ tables: 2 });
    const hosts = [
      await makeUser({ name: "X", roles: ["INVESTOR"] }),
      await makeUser({ name: "Y", roles: ["INVESTOR"] }),
      await makeUser({ name: "Z", roles: ["INVESTOR"] }),
    ];
    for (const host of hosts) await makeAvailability({ event, stop: lisbon, host, startsAt: "2027-03-10T14:00:00Z", endsAt: "2027-03-10T14:30:00Z" });
    const guests = await makeUsers(60, { prefix: "tbl" });
    await makeRegistrations(
      guests.map((g) => g.id),
      event.ticketTypes[0],
    );
    const results = await Promise.allSettled(
      guests.map((guest, i) => requestMeeting(guest, { slug, stopId: lisbon.id, hostId: hosts[i % 3].id, startsAt: "2027-03-10T14:00:00.000Z" }, NOW)),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(2);
    for (const r of results) {
      if (r.status === "rejected") {
        expect(r.reason.code).toBe("SLOT_TAKEN");
        expect([SLOT_TAKEN_MESSAGE, TABLE_TAKEN_MESSAGE]).toContain(r.reason.message);
      }
    }
    const tables = await db().meeting.findMany({ where: { eventId: event.id }, select: { meetingPointId: true } });
    expect(new Set(tables.map((t) => t.meetingPointId)).size).toBe(2);
    expect(await doubleBookings()).toBe(0);
  });

  it(
    "one guest firing 40 concurrent requests at overlapping slots of 20 hosts, at two simultaneous stops, gets exactly one meeting; the rest are SLOT_TAKEN",
    { timeout: 120_000 },
    async () => {
      const { event, slug, lisbon } = await makeRoadshow({ tables: 0 });
      // A second stop at the same time as Lisbon: bookings there take another stop lock, so only
      // the database's per-person exclusion constraint can stop the guest being in both places.
      const porto = await makeStop(event, {
        city: "Porto",
        country: "PT",
        timeZone: "Europe/Lisbon",
        startsAt: lisbon.startsAt,
        endsAt: lisbon.endsAt,
        position: 2,
      });
      const hosts = await makeUsers(20, { prefix: "busy-host", roles: ["INVESTOR"] });
      // Every host has one 30-minute slot starting at 10:00, 10:10 or 10:20: any two overlap.
      const slots: { hostId: string; stopId: string; startsAt: string }[] = [];
      for (const [i, host] of hosts.entries()) {
        const stopId = i % 2 === 0 ? lisbon.id : porto.id;
        const start = new Date(Date.UTC(2027, 2, 10, 10, (i % 3) * 10));
        await makeAvailability({ event, stop: stopId, host, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 30 * 60_000).toISOString() });
        slots.push({ hostId: host.id, stopId, startsAt: start.toISOString() });
      }
      // Each slot twice (double clicks), in an order that mixes hosts and stops.
      const fired = [...slots, ...slots.slice().reverse()];
      const guest = await makeUser({ name: "Greedy Guest", roles: ["REPRESENTATIVE"] });
      await makeRegistrations([guest.id], event.ticketTypes[0]);

      const results = await Promise.allSettled(fired.map((r) => requestMeeting(guest, { slug, ...r, message: "Me first" }, NOW)));
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      const unexpected = lost.filter(
        (r) =>
          !isDomainError(r.reason) ||
          r.reason.code !== "SLOT_TAKEN" ||
          ![GUEST_BUSY_MESSAGE, PERSON_BUSY_MESSAGE, SLOT_TAKEN_MESSAGE].includes(r.reason.message),
      );
      expect(unexpected.map((r) => String(r.reason))).toEqual([]);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(fired.length - 1);
      expect(await db().meeting.count({ where: { eventId: event.id, guestId: guest.id } })).toBe(1);
      expect(await doubleBookings()).toBe(0);
      // Only the winner's host was told.
      expect(await db().outboxEmail.count({ where: { subject: { contains: "Greedy Guest" } } })).toBe(1);
    },
  );
});
