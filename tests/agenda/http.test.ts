// The agenda over HTTP: the join URL (302 to the meeting, 403 page for non-registered people),
// the editor's optimistic locking surfaced as 409, the public agenda in another zone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed";
import { db } from "~/platform/db.server";
import { startTestServer } from "../support/app-server";
import { signedInClient } from "../support/http-client";
import { makeRegistration } from "../support/factories";

let server: Awaited<ReturnType<typeof startTestServer>>;
let webinarSessionId: string;

const signedIn = (email: string) => signedInClient(server.baseUrl, email);

beforeAll(async () => {
  await seedDemoData();
  server = await startTestServer();
  const webinar = await db().event.findUniqueOrThrow({ where: { slug: "urban-data-platforms-webinar" }, include: { ticketTypes: true, sessions: true } });
  webinarSessionId = webinar.sessions[0].id;
  // Live now: started 5 minutes ago, ends in an hour.
  await db().agendaSession.update({
    where: { id: webinarSessionId },
    data: { startsAt: new Date(Date.now() - 5 * 60_000), endsAt: new Date(Date.now() + 60 * 60_000) },
  });
  const attendee = await db().user.findUniqueOrThrow({ where: { email: "attendee@scale-events.demo" } });
  await makeRegistration(attendee.id, webinar.ticketTypes[0]);
});

afterAll(async () => {
  await server?.close();
});

describe("GET /sessions/:id/join", () => {
  it("records attendance and redirects a registered attendee to the meeting", async () => {
    const attendee = await signedIn("attendee@scale-events.demo");
    const response = await attendee.get(`/sessions/${webinarSessionId}/join`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("https://meet.scale-events.demo/urban-data-platforms");
    await attendee.get(`/sessions/${webinarSessionId}/join`);
    const user = await db().user.findUniqueOrThrow({ where: { email: "attendee@scale-events.demo" } });
    const row = await db().sessionAttendance.findUniqueOrThrow({ where: { sessionId_userId: { sessionId: webinarSessionId, userId: user.id } } });
    expect(row.joins).toBe(2);
  });

  it("answers 403 with a clear page to someone who is not registered", async () => {
    const investor = await signedIn("investor@scale-events.demo");
    const response = await investor.get(`/sessions/${webinarSessionId}/join`);
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain("Only registered attendees can join");
    expect(html).toContain("Register for the event first");
    expect(html).not.toContain("meet.scale-events.demo");
  });

  it("sends anonymous visitors to sign in first", async () => {
    const response = await fetch(`${server.baseUrl}/sessions/${webinarSessionId}/join`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/signin?redirectTo=${encodeURIComponent(`/sessions/${webinarSessionId}/join`)}`);
  });

  it("shows the join button on the session page to the registered attendee only", async () => {
    const attendee = await signedIn("attendee@scale-events.demo");
    expect(await (await attendee.get(`/sessions/${webinarSessionId}`)).text()).toContain(`href="/sessions/${webinarSessionId}/join"`);
    const investor = await signedIn("investor@scale-events.demo");
    const html = await (await investor.get(`/sessions/${webinarSessionId}`)).text();
    expect(html).not.toContain(`href="/sessions/${webinarSessionId}/join"`);
    expect(html).toContain("The join link is for registered attendees.");
  });
});

describe("the organiser's editor over HTTP", () => {
  const path = "/organise/events/positive-energy-districts-workshop-vienna/agenda";

  it("creates a session from the no-JS form and refuses a stale edit with 409", async () => {
    const organiser = await signedIn("organiser@scale-events.demo");
    const page = await organiser.get(path);
    expect(page.status).toBe(200);
    const created = await organiser.submitForm(path, {
      intent: "create",
      title: "Late addition",
      format: "TALK",
      startsAt: "2026-12-19T16:00",
      endsAt: "2026-12-19T16:30",
      description: "",
    });
    expect(created.status).toBe(200);
    expect(await created.text()).toContain("“Late addition” added as a draft.");
    const session = await db().agendaSession.findFirstOrThrow({ where: { title: "Late addition" } });

    const first = await organiser.submitForm(path, {
      intent: "update",
      sessionId: session.id,
      version: "0",
      title: "Renamed",
      format: "TALK",
      startsAt: "2026-12-19T16:00",
      endsAt: "2026-12-19T16:30",
    });
    expect(first.status).toBe(200);
    const stale = await organiser.submitForm(path, {
      intent: "update",
      sessionId: session.id,
      version: "0",
      title: "Clobber",
      format: "TALK",
      startsAt: "2026-12-19T17:00",
      endsAt: "2026-12-19T17:30",
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Changed by someone else — reload.");
    expect((await db().agendaSession.findUniqueOrThrow({ where: { id: session.id } })).title).toBe("Renamed");
  });

  it("answers malformed ids with 404 or a field error, never a 500", async () => {
    const organiser = await signedIn("organiser@scale-events.demo");
    for (const url of ["/sessions/not-a-uuid", "/sessions/not-a-uuid/join", "/sessions/not-a-uuid/qa", "/sessions/not-a-uuid/calendar.ics"]) {
      expect((await organiser.get(url)).status, url).toBe(404);
    }
    expect((await organiser.submitForm("/sessions/not-a-uuid", { intent: "add" })).status).toBe(404);
    const update = await organiser.submitForm(path, {
      intent: "update",
      sessionId: "x",
      version: "0",
      title: "T",
      format: "TALK",
      startsAt: "2026-12-19T16:00",
      endsAt: "2026-12-19T16:30",
    });
    expect(update.status).toBe(404);
    const session = await db().agendaSession.findFirstOrThrow({ where: { event: { slug: "positive-energy-districts-workshop-vienna" } } });
    const move = await organiser.submitForm(path, { intent: "move", sessionId: session.id, version: String(session.version), roomId: "not-a-room" });
    expect(move.status).toBe(400);
    expect((await organiser.submitForm(path, { intent: "room-rename", id: "nope", name: "Hall" })).status).toBe(404);
  });

  it("keeps the editor from people who do not organise the event", async () => {
    const attendee = await signedIn("attendee@scale-events.demo");
    expect((await attendee.get(path)).status).toBe(403);
    const response = await attendee.submitForm(path, { intent: "publish" });
    expect(response.status).toBe(403);
  });
});

describe("the public agenda", () => {
  it("shows times in the event's zone, or the one chosen with ?tz=", async () => {
    const inVienna = await (await fetch(`${server.baseUrl}/events/positive-energy-districts-workshop-vienna/agenda`)).text();
    expect(inVienna).toContain("09:00–09:45 CET");
    const inLisbon = await (await fetch(`${server.baseUrl}/events/positive-energy-districts-workshop-vienna/agenda?tz=Europe/Lisbon`)).text();
    expect(inLisbon).toContain("08:00–08:45 WET");
    const unknownZone = await (await fetch(`${server.baseUrl}/events/positive-energy-districts-workshop-vienna/agenda?tz=Mars/Olympus`)).text();
    expect(unknownZone).toContain("09:00–09:45 CET");
  });

  it("filters by format", async () => {
    const html = await (await fetch(`${server.baseUrl}/events/positive-energy-districts-workshop-vienna/agenda?format=WORKSHOP`)).text();
    expect(html).toContain("Replication lab: citizen engagement");
    expect(html).not.toContain("Coffee and posters");
    expect(html).toContain("3 of 8 sessions match your filters.");
  });
});
