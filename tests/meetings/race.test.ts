// 1 000 people booking at once: the database decides, nobody is double-booked, and every loser
// is told plainly that the slot was just taken.
import { describe, expect, it } from "vitest";
import { isDomainError } from "~/domain/errors";
import { SLOT_TAKEN_MESSAGE, TABLE_TAKEN_MESSAGE } from "~/domain/meetings/db-errors.server";
import { requestMeeting } from "~/domain/meetings/request.server";
import { db } from "~/utils/db.server";
import { addWindow, doubleBookings, makeRoadshow, makeUser, makeUsers, NOW, register } from "./fixtures";

describe("simultaneous bookings", () => {
  it("1 000 concurrent requests over overlapping slots of three hosts give 0 double bookings and SLOT_TAKEN for every loser", { timeout: 300_000 }, async () => {
    const { event, slug, lisbon } = await makeRoadshow({ tables: 4 });
    const hosts = [await makeUser("Host A", ["INVESTOR"]), await makeUser("Host B", ["INVESTOR"]), await makeUser("Host C", ["INVESTOR"])];
    // A and C: 10:00, 10:30, 11:00; B: 10:15, 10:45, 11:15 — overlapping times, 9 slots in all.
    await addWindow(event.id, lisbon.id, hosts[0].id, "2027-03-10T10:00:00Z", "2027-03-10T11:30:00Z");
    await addWindow(event.id, lisbon.id, hosts[1].id, "2027-03-10T10:15:00Z", "2027-03-10T11:45:00Z");
    await addWindow(event.id, lisbon.id, hosts[2].id, "2027-03-10T10:00:00Z", "2027-03-10T11:30:00Z");
    const slots = [
      ...["10:00", "10:30", "11:00"].flatMap((t) => [{ host: hosts[0], at: `2027-03-10T${t}:00.000Z` }, { host: hosts[2], at: `2027-03-10T${t}:00.000Z` }]),
      ...["10:15", "10:45", "11:15"].map((t) => ({ host: hosts[1], at: `2027-03-10T${t}:00.000Z` })),
    ];
    const guests = await makeUsers(1000, "guest");
    await register(event.id, event.ticketTypes[0].id, guests.map((g) => g.id));

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
  });

  it("a table is never double-booked: three hosts at the same time and two tables give two meetings", { timeout: 120_000 }, async () => {
    const { event, slug, lisbon } = await makeRoadshow({ tables: 2 });
    const hosts = [await makeUser("X", ["INVESTOR"]), await makeUser("Y", ["INVESTOR"]), await makeUser("Z", ["INVESTOR"])];
    for (const host of hosts) await addWindow(event.id, lisbon.id, host.id, "2027-03-10T14:00:00Z", "2027-03-10T14:30:00Z");
    const guests = await makeUsers(60, "tbl");
    await register(event.id, event.ticketTypes[0].id, guests.map((g) => g.id));
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
});
