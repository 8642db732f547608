// "Let's meet" from a room: in a roadshow where the person asked publishes free meeting slots it
// becomes a meeting request in the roadshow meeting flow; otherwise a chat-only contact.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { letsMeet } from "~/domain/rooms/rooms.server";
import { db } from "~/platform/db.server";

let roadshowRoomId: string;
let guest: { id: string; name: string; roles: ["ATTENDEE"] };
let host: { id: string; name: string };
let busyHost: { id: string; name: string };

beforeAll(async () => {
  const now = Date.now();
  const mk = (name: string) => db().user.create({ data: { email: `${name.toLowerCase()}-${randomBytes(3).toString("hex")}@example.test`, name, passwordHash: "x" } });
  const [g, h, b] = await Promise.all([mk("Guest"), mk("Investor"), mk("Busy")]);
  guest = { id: g.id, name: g.name, roles: ["ATTENDEE"] };
  host = h;
  busyHost = b;
  const stopStart = new Date(now + 7 * 86_400_000);
  const event = await db().event.create({
    data: {
      slug: `roadshow-${randomBytes(3).toString("hex")}`, title: "Roadshow", summary: "s", description: "d", kind: "ROADSHOW", status: "PUBLISHED",
      timeZone: "Europe/Lisbon", startsAt: stopStart, endsAt: new Date(stopStart.getTime() + 8 * 3_600_000),
      ticketTypes: { create: [{ name: "Delegate" }] },
      stops: { create: [{ city: "Lisbon", country: "PT", timeZone: "Europe/Lisbon", startsAt: stopStart, endsAt: new Date(stopStart.getTime() + 8 * 3_600_000) }] },
      matchRooms: { create: [{ name: "Investors × cities" }] },
    },
    include: { ticketTypes: true, stops: true, matchRooms: true },
  });
  roadshowRoomId = event.matchRooms[0].id;
  await db().registration.createMany({
    data: [g, h, b].map((u) => ({ eventId: event.id, userId: u.id, ticketTypeId: event.ticketTypes[0].id, status: "CONFIRMED" as const, ticketCode: randomBytes(10).toString("hex") })),
  });
  await db().meetingPoint.create({ data: { eventId: event.id, stopId: event.stops[0].id, name: "Table 1" } });
  await db().meetingAvailability.create({
    data: { eventId: event.id, stopId: event.stops[0].id, hostId: h.id, startsAt: new Date(stopStart.getTime() + 3_600_000), endsAt: new Date(stopStart.getTime() + 2 * 3_600_000), slotMinutes: 30 },
  });
});

describe("let's meet in a roadshow room", () => {
  it("requests the earliest slot free for both through the meeting flow", async () => {
    const result = await letsMeet(guest, { roomId: roadshowRoomId, userId: host.id, note: "About the e-mobility hub" });
    expect(result.kind).toBe("meeting");
    const meeting = await db().meeting.findFirstOrThrow({ where: { hostId: host.id, guestId: guest.id } });
    expect(meeting).toMatchObject({ status: "REQUESTED", message: "About the e-mobility hub" });
    expect(result.message.body).toContain("requested a meeting");
  });

  it("falls back to a chat-only contact with an email when the person has no free slot", async () => {
    const result = await letsMeet(guest, { roomId: roadshowRoomId, userId: busyHost.id });
    expect(result.kind).toBe("contact");
    expect(await db().meeting.count({ where: { hostId: busyHost.id } })).toBe(0);
    expect(await db().outboxEmail.count({ where: { subject: { contains: "would like to meet you" } } })).toBeGreaterThan(0);
  });
});
