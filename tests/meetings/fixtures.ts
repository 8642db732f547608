// The meetings tests' scene (a two-stop roadshow with tables) and what they check after a race,
// built from the shared factories (../support/factories).
import { db } from "~/platform/db.server";
import { makeEvent, makeMeetingPoints, makeUser, unique } from "../support/factories";

/** "Now" for the tests: well before the stops. */
export const NOW = new Date("2027-03-01T08:00:00Z");

/**
 * A published roadshow with two stops (Lisbon 2027-03-10 09:00–18:00 WET = UTC, then Helsinki
 * 2027-03-17 09:00–18:00 EET), an owner organiser and `tables` tables at each stop.
 */
export async function makeRoadshow(options: { tables?: number } = {}) {
  const organiserRow = await makeUser({ name: "Olga Organiser", roles: ["ORGANISER"] });
  const organiser = { id: organiserRow.id, roles: organiserRow.roles, name: organiserRow.name, email: organiserRow.email };
  const slug = `roadshow-${unique()}`;
  const event = await makeEvent({
    slug,
    title: `Roadshow ${slug}`,
    summary: "s",
    description: "d",
    kind: "ROADSHOW",
    status: "PUBLISHED",
    publishedAt: null,
    timeZone: "Europe/Lisbon",
    startsAt: new Date("2027-03-10T09:00:00Z"),
    endsAt: new Date("2027-03-17T16:00:00Z"),
    owner: organiser,
    ticketTypes: [{ name: "Delegate" }],
    stops: [
      {
        city: "Lisbon",
        country: "PT",
        timeZone: "Europe/Lisbon",
        venueName: "Beato",
        startsAt: new Date("2027-03-10T09:00:00Z"),
        endsAt: new Date("2027-03-10T18:00:00Z"),
        position: 0,
      },
      {
        city: "Helsinki",
        country: "FI",
        timeZone: "Europe/Helsinki",
        venueName: "Maria 01",
        startsAt: new Date("2027-03-17T07:00:00Z"),
        endsAt: new Date("2027-03-17T16:00:00Z"),
        position: 1,
      },
    ],
  });
  for (const stop of event.stops) await makeMeetingPoints(event, options.tables ?? 4, { stop });
  return { event, slug, organiser, lisbon: event.stops[0], helsinki: event.stops[1] };
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
