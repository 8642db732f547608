// "Let's meet" from a room: in a roadshow where the person asked publishes free meeting slots it
// becomes a meeting request in the roadshow meeting flow; otherwise a chat-only contact.
import { beforeAll, describe, expect, it } from "vitest";
import { letsMeet } from "~/domain/rooms/rooms.server";
import { db } from "~/platform/db.server";
import { makeAvailability, makeEvent, makeMeetingPoint, makeRegistrations, makeUser, unique } from "../support/factories";

let roadshowRoomId: string;
let guest: { id: string; name: string; roles: ["ATTENDEE"] };
let host: { id: string; name: string };
let busyHost: { id: string; name: string };

beforeAll(async () => {
  const now = Date.now();
  const [g, h, b] = await Promise.all([makeUser({ name: "Guest" }), makeUser({ name: "Investor" }), makeUser({ name: "Busy" })]);
  guest = { id: g.id, name: g.name, roles: ["ATTENDEE"] };
  host = h;
  busyHost = b;
  const stopStart = new Date(now + 7 * 86_400_000);
  const event = await makeEvent({
    slug: `roadshow-${unique()}`,
    title: "Roadshow",
    summary: "s",
    description: "d",
    kind: "ROADSHOW",
    status: "PUBLISHED",
    publishedAt: null,
    timeZone: "Europe/Lisbon",
    startsAt: stopStart,
    endsAt: new Date(stopStart.getTime() + 8 * 3_600_000),
    ticketTypes: [{ name: "Delegate" }],
    stops: [{ city: "Lisbon", country: "PT", timeZone: "Europe/Lisbon", startsAt: stopStart, endsAt: new Date(stopStart.getTime() + 8 * 3_600_000) }],
    matchRooms: [{ name: "Investors × cities" }],
  });
  roadshowRoomId = event.matchRooms[0].id;
  await makeRegistrations([g, h, b], event.ticketTypes[0]);
  await makeMeetingPoint(event, { stop: event.stops[0], name: "Table 1" });
  await makeAvailability({
    event,
    stop: event.stops[0],
    host: h,
    startsAt: new Date(stopStart.getTime() + 3_600_000),
    endsAt: new Date(stopStart.getTime() + 2 * 3_600_000),
    slotMinutes: 30,
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
