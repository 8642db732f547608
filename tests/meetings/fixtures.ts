// Rows for meeting tests, created directly in this test file's database.
import { randomBytes } from "node:crypto";
import type { UserRole } from "~/generated/prisma/enums";
import { db } from "~/platform/db.server";

let counter = 0;
export const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString("hex")}`;

/** "Now" for the tests: well before the stops. */
export const NOW = new Date("2027-03-01T08:00:00Z");

export async function makeUser(name: string, roles: UserRole[] = ["ATTENDEE"]) {
  const user = await db().user.create({ data: { email: `${unique()}@example.test`, name, passwordHash: "x", roles } });
  return { id: user.id, roles: user.roles, name: user.name, email: user.email };
}

export async function makeUsers(count: number, prefix: string, roles: UserRole[] = ["REPRESENTATIVE"]) {
  const tag = unique();
  await db().user.createMany({ data: Array.from({ length: count }, (_, i) => ({ email: `${prefix}-${i}-${tag}@example.test`, name: `${prefix} ${i}`, passwordHash: "x", roles })) });
  const rows = await db().user.findMany({ where: { email: { endsWith: `-${tag}@example.test` } }, orderBy: { email: "asc" } });
  return rows.map((u) => ({ id: u.id, roles: u.roles, name: u.name, email: u.email }));
}

/**
 * A published roadshow with two stops (Lisbon 2027-03-10 09:00–18:00 WET = UTC, then Helsinki
 * 2027-03-17 09:00–18:00 EET), an owner organiser and `tables` tables at each stop.
 */
export async function makeRoadshow(options: { tables?: number } = {}) {
  const organiser = await makeUser("Olga Organiser", ["ORGANISER"]);
  const slug = `roadshow-${unique()}`;
  const event = await db().event.create({
    data: {
      slug, title: `Roadshow ${slug}`, summary: "s", description: "d", kind: "ROADSHOW", status: "PUBLISHED", timeZone: "Europe/Lisbon",
      startsAt: new Date("2027-03-10T09:00:00Z"), endsAt: new Date("2027-03-17T16:00:00Z"),
      organisers: { create: [{ userId: organiser.id, role: "OWNER" }] },
      ticketTypes: { create: [{ name: "Delegate" }] },
      stops: { create: [
        { city: "Lisbon", country: "PT", timeZone: "Europe/Lisbon", venueName: "Beato", startsAt: new Date("2027-03-10T09:00:00Z"), endsAt: new Date("2027-03-10T18:00:00Z"), position: 0 },
        { city: "Helsinki", country: "FI", timeZone: "Europe/Helsinki", venueName: "Maria 01", startsAt: new Date("2027-03-17T07:00:00Z"), endsAt: new Date("2027-03-17T16:00:00Z"), position: 1 },
      ] },
    },
    include: { stops: { orderBy: { position: "asc" } }, ticketTypes: true },
  });
  for (const stop of event.stops) {
    const count = options.tables ?? 4;
    if (count > 0) await db().meetingPoint.createMany({ data: Array.from({ length: count }, (_, i) => ({ eventId: event.id, stopId: stop.id, name: `Table ${i + 1}` })) });
  }
  return { event, slug, organiser, lisbon: event.stops[0], helsinki: event.stops[1] };
}

export async function register(eventId: string, ticketTypeId: string, userIds: readonly string[]) {
  await db().registration.createMany({ data: userIds.map((userId) => ({ eventId, userId, ticketTypeId, status: "CONFIRMED" as const, ticketCode: `T-${unique()}` })) });
}

/** The people attend `stopId` (the scheduler pairs guests only at stops they attend). */
export async function attend(stopId: string, userIds: readonly string[]) {
  await db().stopAttendance.createMany({ data: userIds.map((userId) => ({ stopId, userId })), skipDuplicates: true });
}

export async function addWindow(eventId: string, stopId: string, hostId: string, startsAt: string, endsAt: string, slotMinutes = 30, bufferMinutes = 0) {
  return db().meetingAvailability.create({ data: { eventId, stopId, hostId, startsAt: new Date(startsAt), endsAt: new Date(endsAt), slotMinutes, bufferMinutes } });
}

/** Live rows that overlap for the same host, person or table: must always be empty. */
export async function doubleBookings(): Promise<number> {
  const [row] = await db().$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "Meeting" a JOIN "Meeting" b ON a."id" < b."id"
    WHERE a."status" IN ('REQUESTED','CONFIRMED') AND b."status" IN ('REQUESTED','CONFIRMED')
      AND tstzrange(a."startsAt", a."endsAt") && tstzrange(b."startsAt", b."endsAt")
      AND (a."hostId" IN (b."hostId", b."guestId") OR a."guestId" IN (b."hostId", b."guestId")
           OR (a."meetingPointId" IS NOT NULL AND a."meetingPointId" = b."meetingPointId"))`;
  return Number(row.n);
}
