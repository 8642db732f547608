// Organisers manage an event's topic rooms: create, edit, and delete a room nobody has used (a
// used room keeps its chat history). Domain rules first, then the page over HTTP as a browser
// without JavaScript uses it: CSRF, roles, field messages as 4xx, malformed ids as 404, and the new
// room on the attendees' rooms page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDomainError } from "~/domain/kernel/errors";
import { roomFormSchema } from "~/domain/rooms/organiser-input";
import { createRoom, deleteRoom, listEventRooms, updateRoom } from "~/domain/rooms/organiser.server";
import { db } from "~/platform/db.server";
import { startTestServer } from "../support/app-server";
import { TestClient } from "../support/http-client";
import { createQaFixture, type FixtureUser, type QaFixture } from "../realtime/fixtures";
import { makeEvent, makeTeamMember, makeUser, signedInCookie } from "../support/factories";

let fx: QaFixture;
let otherEventId: string;

async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
  throw new Error("expected a refusal");
}

const form = (input: Record<string, unknown>) => roomFormSchema.parse(input);

beforeAll(async () => {
  fx = await createQaFixture({ attendees: 2, tag: "organise-rooms" });
  const other = await makeEvent({
    slug: "other-event-rooms",
    title: "Other event",
    summary: "s",
    description: "d",
    kind: "NETWORKING",
    status: "PUBLISHED",
    publishedAt: null,
    timeZone: "Europe/Lisbon",
    startsAt: new Date(Date.now() + 3_600_000),
    endsAt: new Date(Date.now() + 7_200_000),
  });
  otherEventId = other.id;
});

describe("the room form", () => {
  it("trims and collapses the name, empties a blank topic and keeps each theme once", () => {
    expect(roomFormSchema.parse({ name: "  Mobility \u200B  replication ", topic: "   ", themes: ["MOBILITY", "MOBILITY", "ENERGY"] })).toEqual({
      name: "Mobility replication",
      topic: null,
      themes: ["MOBILITY", "ENERGY"],
    });
    expect(roomFormSchema.parse({ name: "Investors × fellow cities", themes: "GOVERNANCE" })).toEqual({
      name: "Investors × fellow cities",
      topic: null,
      themes: ["GOVERNANCE"],
    });
  });

  it("says what is wrong, field by field", () => {
    const issues = (input: Record<string, unknown>) => {
      const parsed = roomFormSchema.safeParse(input);
      if (parsed.success) throw new Error("expected a failure");
      return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(issues({ name: "   " })).toEqual({ name: "Give the room a name." });
    expect(issues({})).toEqual({ name: "Give the room a name." });
    expect(issues({ name: "x".repeat(121) })).toEqual({ name: "Keep the name to 120 characters." });
    expect(issues({ name: "ok", topic: "t".repeat(501) })).toEqual({ topic: "Keep the topic to 500 characters." });
    expect(issues({ name: "ok", themes: ["MOBILITY", "ASTROLOGY"] })).toEqual({ themes: "Choose themes from the list." });
  });
});

describe("managing rooms (domain)", () => {
  it("creates a room and refuses a second room of the same name in the same event only", async () => {
    const room = await createRoom(fx.eventId, form({ name: "Data platforms", topic: "Open data", themes: ["DATA_PLATFORMS"] }));
    expect(await db().matchRoom.findUniqueOrThrow({ where: { id: room.id } })).toMatchObject({
      eventId: fx.eventId,
      name: "Data platforms",
      topic: "Open data",
      themes: ["DATA_PLATFORMS"],
    });
    expect(await refusal(createRoom(fx.eventId, form({ name: "Data platforms" })))).toMatchObject({
      code: "CONFLICT",
      fieldErrors: { name: expect.stringContaining("already") },
    });
    await createRoom(otherEventId, form({ name: "Data platforms" }));
    expect((await listEventRooms(fx.eventId)).map((r) => r.name)).toContain("Data platforms");
  });

  it("edits a room of the event, and finds no room of another event or with a malformed id", async () => {
    const room = await createRoom(fx.eventId, form({ name: "Energy" }));
    await updateRoom(fx.eventId, room.id, form({ name: "Energy communities", topic: "Local grids", themes: ["ENERGY"] }));
    expect(await db().matchRoom.findUniqueOrThrow({ where: { id: room.id } })).toMatchObject({
      name: "Energy communities",
      topic: "Local grids",
      themes: ["ENERGY"],
    });
    expect((await refusal(updateRoom(otherEventId, room.id, form({ name: "Hijacked" })))).code).toBe("NOT_FOUND");
    expect((await refusal(updateRoom(fx.eventId, "not-a-uuid", form({ name: "x" })))).code).toBe("NOT_FOUND");
    expect((await refusal(updateRoom(fx.eventId, "00000000-0000-4000-8000-000000000000", form({ name: "x" })))).code).toBe("NOT_FOUND");
    expect(await refusal(updateRoom(fx.eventId, room.id, form({ name: "Data platforms" })))).toMatchObject({
      code: "CONFLICT",
      fieldErrors: { name: expect.any(String) },
    });
    expect((await db().matchRoom.findUniqueOrThrow({ where: { id: room.id } })).name).toBe("Energy communities");
  });

  it("deletes a room nobody used, and keeps a room with messages or rounds (and its history)", async () => {
    const unused = await createRoom(fx.eventId, form({ name: "Empty room" }));
    expect((await refusal(deleteRoom(otherEventId, unused.id))).code).toBe("NOT_FOUND");
    await deleteRoom(fx.eventId, unused.id);
    expect(await db().matchRoom.findUnique({ where: { id: unused.id } })).toBeNull();
    expect((await refusal(deleteRoom(fx.eventId, unused.id))).code).toBe("NOT_FOUND");
    expect((await refusal(deleteRoom(fx.eventId, "1; DROP TABLE"))).code).toBe("NOT_FOUND");

    const chatty = await createRoom(fx.eventId, form({ name: "Chatty room" }));
    await db().roomMessage.create({ data: { roomId: chatty.id, authorId: fx.attendees[0].id, body: "Hello" } });
    expect(await refusal(deleteRoom(fx.eventId, chatty.id))).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("1 message") });
    expect(await db().roomMessage.count({ where: { roomId: chatty.id } })).toBe(1);

    const networked = await createRoom(fx.eventId, form({ name: "Networked room" }));
    await db().networkingRound.create({ data: { roomId: networked.id, number: 1, minutes: 5, startsAt: new Date(), endsAt: new Date(Date.now() + 300_000) } });
    expect((await refusal(deleteRoom(fx.eventId, networked.id))).code).toBe("CONFLICT");
    expect(await db().matchRoom.count({ where: { id: { in: [chatty.id, networked.id] } } })).toBe(2);
  });
});

describe("the organiser's rooms page", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let admin: FixtureUser;
  let doorStaff: FixtureUser;
  const page = () => `/organise/events/${fx.eventSlug}/rooms`;

  function browserAs(user: FixtureUser): TestClient {
    const client = new TestClient(server.baseUrl);
    const [name, value] = user.cookie.split("=");
    client.cookies.set(name, value);
    return client;
  }

  beforeAll(async () => {
    server = await startTestServer();
    const adminRow = await makeUser({ email: "admin-rooms@example.test", name: "Ada Admin", roles: ["ADMIN"] });
    admin = { id: adminRow.id, name: adminRow.name, email: adminRow.email, roles: ["ADMIN"], cookie: await signedInCookie(adminRow) };
    const staffRow = await makeUser({ email: "door-rooms@example.test", name: "Dora Door" });
    await makeTeamMember(fx.eventId, staffRow, "CHECKIN");
    doorStaff = { id: staffRow.id, name: staffRow.name, email: staffRow.email, roles: ["ATTENDEE"], cookie: await signedInCookie(staffRow) };
  });

  afterAll(async () => {
    await server?.close();
  });

  it("lists the rooms with their use, with an empty state for an event without rooms, and a Rooms tab", async () => {
    const response = await browserAs(fx.organiser).get(page());
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Topic rooms");
    expect(html).toContain(`Mobility organise-rooms`);
    expect(html).toContain(`href="/organise/events/${fx.eventSlug}/rooms"`);
    expect(html).toMatch(/<label[^>]*>Name<\/label>/);
    expect(html).toContain(">Create room</button>");

    const empty = await makeEvent({
      slug: "no-rooms-yet",
      title: "No rooms",
      summary: "s",
      description: "d",
      kind: "NETWORKING",
      status: "DRAFT",
      timeZone: "Europe/Lisbon",
      startsAt: new Date(Date.now() + 3_600_000),
      endsAt: new Date(Date.now() + 7_200_000),
      team: [{ user: fx.organiser, role: "ORGANISER" }],
    });
    const emptyHtml = await (await browserAs(fx.organiser).get(`/organise/events/${empty.slug}/rooms`)).text();
    expect(emptyHtml).toContain("No rooms yet");
  });

  it("is for the event's owners and organisers and admins: attendees and door staff get 403", async () => {
    expect((await browserAs(admin).get(page())).status).toBe(200);
    expect((await browserAs(fx.attendees[0]).get(page())).status).toBe(403);
    expect((await browserAs(doorStaff).get(page())).status).toBe(403);
    const before = await db().matchRoom.count();
    const attempt = await browserAs(fx.attendees[0]).submitForm(page(), { intent: "create", name: "Attendee room" });
    expect(attempt.status).toBe(403);
    expect((await browserAs(doorStaff).submitForm(page(), { intent: "create", name: "Door room" })).status).toBe(403);
    const anonymous = await fetch(`${server.baseUrl}${page()}`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);
    expect(await db().matchRoom.count()).toBe(before);
  });

  it("refuses a form without the CSRF token and writes nothing", async () => {
    const before = await db().matchRoom.count();
    const forged = await browserAs(fx.organiser).submitForm(page(), { intent: "create", name: "Forged room" }, { csrf: false });
    expect(forged.status).toBe(403);
    expect(await db().matchRoom.count()).toBe(before);
  });

  it("answers bad input with 400 and the field's message, and unknown or malformed room ids with 404", async () => {
    const organiser = browserAs(fx.organiser);
    const blank = await organiser.submitForm(page(), { intent: "create", name: "  ", topic: "kept" });
    expect(blank.status).toBe(400);
    const html = await blank.text();
    expect(html).toContain("Give the room a name.");
    expect(html).toContain(">kept</textarea>");
    const theme = await organiser.submitForm(page(), { intent: "create", name: "Astrology", themes: "ASTROLOGY" });
    expect(theme.status).toBe(400);
    expect(await theme.text()).toContain("Choose themes from the list.");
    expect((await organiser.submitForm(page(), { intent: "explode" })).status).toBe(400);
    expect((await organiser.submitForm(page(), { intent: "update", roomId: "nope", name: "Renamed" })).status).toBe(404);
    expect((await organiser.submitForm(page(), { intent: "delete", roomId: "nope" })).status).toBe(404);
    expect((await organiser.submitForm(page(), { intent: "delete", roomId: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
    const taken = await organiser.submitForm(page(), { intent: "create", name: `Mobility organise-rooms` });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain("Another room of this event already has this name.");
    expect(await db().matchRoom.count({ where: { name: { in: ["Astrology", "Renamed"] } } })).toBe(0);
  });

  it("creates a room that attendees then see on the event's rooms page, edits it and deletes it while unused", async () => {
    const organiser = browserAs(fx.organiser);
    const created = await organiser.submitForm(page(), {
      intent: "create",
      name: "Investors × fellow cities",
      topic: "Who funds what <b>now</b>",
      themes: "GOVERNANCE",
    });
    expect(created.status).toBe(302);
    expect(created.headers.get("location")).toBe(`${page()}?created=1`);
    const after = await (await organiser.get(`${page()}?created=1`)).text();
    expect(after).toContain("Room created.");
    const room = await db().matchRoom.findFirstOrThrow({ where: { eventId: fx.eventId, name: "Investors × fellow cities" } });
    expect(room).toMatchObject({ topic: "Who funds what <b>now</b>", themes: ["GOVERNANCE"] });

    const attendeeView = await (await browserAs(fx.attendees[0]).get(`/events/${fx.eventSlug}/rooms`)).text();
    expect(attendeeView).toContain("Investors × fellow cities");
    expect(attendeeView).toContain("Who funds what &lt;b&gt;now&lt;/b&gt;");
    expect(attendeeView).toContain(`/events/${fx.eventSlug}/rooms/${room.id}`);

    const saved = await organiser.submitForm(page(), { intent: "update", roomId: room.id, name: "Investors and cities", topic: "" });
    expect(saved.headers.get("location")).toBe(`${page()}?saved=1`);
    expect(await db().matchRoom.findUniqueOrThrow({ where: { id: room.id } })).toMatchObject({ name: "Investors and cities", topic: null, themes: [] });

    const deleted = await organiser.submitForm(page(), { intent: "delete", roomId: room.id });
    expect(deleted.headers.get("location")).toBe(`${page()}?deleted=1`);
    expect(await db().matchRoom.findUnique({ where: { id: room.id } })).toBeNull();
    expect(await (await browserAs(fx.attendees[0]).get(`/events/${fx.eventSlug}/rooms`)).text()).not.toContain("Investors and cities");
  });

  it("keeps a room with chat history: 409 with the reason, and no delete button for it", async () => {
    await db().roomMessage.create({ data: { roomId: fx.roomId, authorId: fx.attendees[1].id, body: "First!" } });
    const organiser = browserAs(fx.organiser);
    const refused = await organiser.submitForm(page(), { intent: "delete", roomId: fx.roomId });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("chat history is not lost");
    expect(await db().matchRoom.findUnique({ where: { id: fx.roomId } })).not.toBeNull();
    expect(await db().roomMessage.count({ where: { roomId: fx.roomId } })).toBe(1);
    const html = await (await organiser.get(page())).text();
    expect(html).not.toContain(`aria-label="Delete “Mobility organise-rooms”"`);
  });
});
