// Online sessions: the join window, who may join, attendance, recording and slides.
import { describe, expect, it } from "vitest";
import { loadSessionPage, recordJoin } from "~/domain/agenda/public.server";
import { db } from "~/platform/db.server";
import { makeAgendaSession, makeUser } from "../support/factories";
import { makeAgendaEvent, registeredAttendee } from "./fixtures";
import { refusal } from "../support/refusal";

const START = new Date("2026-06-10T12:00:00Z");
const END = new Date("2026-06-10T13:00:00Z");
const minutes = (n: number) => new Date(START.getTime() + n * 60_000);

async function webinar() {
  const fixture = await makeAgendaEvent({ agendaPublished: true });
  const session = await makeAgendaSession(fixture.event, { title: "Live", onlineUrl: "https://meet.example/live", startsAt: START, endsAt: END });
  return { ...fixture, session };
}

describe("the join area on the session page", () => {
  it("shows the link to registered attendees only, from 15 minutes before the start until the end", async () => {
    const { event, session } = await webinar();
    const attendee = await registeredAttendee(event);
    const stranger = await makeUser({ name: "Stranger" });

    expect((await loadSessionPage(session.id, null, null, minutes(-5))).join.kind).toBe("sign-in");
    expect((await loadSessionPage(session.id, stranger, null, minutes(-5))).join.kind).toBe("not-registered");
    const early = await loadSessionPage(session.id, attendee, null, minutes(-16));
    expect(early.join).toMatchObject({ kind: "not-yet", opens: "Wed, 10 Jun 2026 at 13:45 CEST" });
    expect((await loadSessionPage(session.id, attendee, "Europe/Lisbon", minutes(-16))).join).toMatchObject({ opens: "Wed, 10 Jun 2026 at 12:45 WEST" });
    expect((await loadSessionPage(session.id, attendee, null, minutes(-15))).join.kind).toBe("open");
    expect((await loadSessionPage(session.id, attendee, null, minutes(59))).join.kind).toBe("open");
    expect((await loadSessionPage(session.id, attendee, null, minutes(60))).join.kind).toBe("ended");
    // The meeting link itself never reaches the page data.
    expect(JSON.stringify(await loadSessionPage(session.id, attendee, null, minutes(0)))).not.toContain("meet.example");
  });

  it("honours a configured lead time", async () => {
    const { event, session } = await webinar();
    const attendee = await registeredAttendee(event);
    process.env.AGENDA_JOIN_LEAD_MINUTES = "30";
    try {
      expect((await loadSessionPage(session.id, attendee, null, minutes(-20))).join.kind).toBe("open");
    } finally {
      delete process.env.AGENDA_JOIN_LEAD_MINUTES;
    }
    expect((await loadSessionPage(session.id, attendee, null, minutes(-20))).join.kind).toBe("not-yet");
  });

  it("shows recording and slides only after the session has ended", async () => {
    const { session } = await webinar();
    await db().agendaSession.update({ where: { id: session.id }, data: { recordingUrl: "https://video.example/r", slidesUrl: "https://slides.example/s" } });
    const during = await loadSessionPage(session.id, null, null, minutes(30));
    expect(during.session).toMatchObject({ recordingUrl: null, slidesUrl: null });
    const after = await loadSessionPage(session.id, null, null, minutes(61));
    expect(after.session).toMatchObject({ recordingUrl: "https://video.example/r", slidesUrl: "https://slides.example/s" });
  });

  it("keeps drafts and unpublished agendas to the organisers", async () => {
    const { event, organiser } = await makeAgendaEvent({ agendaPublished: false });
    const session = await makeAgendaSession(event, { status: "PUBLISHED" });
    expect((await refusal(loadSessionPage(session.id, null))).code).toBe("NOT_FOUND");
    await expect(loadSessionPage(session.id, organiser)).resolves.toMatchObject({ canEdit: true });
  });
});

describe("joining through the platform", () => {
  it("records attendance (first, last, count) and hands back the meeting link", async () => {
    const { event, session } = await webinar();
    const attendee = await registeredAttendee(event);
    await expect(recordJoin(attendee, session.id, minutes(-10))).resolves.toEqual({ url: "https://meet.example/live" });
    await recordJoin(attendee, session.id, minutes(20));
    const row = await db().sessionAttendance.findUniqueOrThrow({ where: { sessionId_userId: { sessionId: session.id, userId: attendee.id } } });
    expect(row).toMatchObject({ joins: 2, firstJoinedAt: minutes(-10), lastJoinedAt: minutes(20) });
  });

  it("counts concurrent joins without losing any", async () => {
    const { event, session } = await webinar();
    const attendee = await registeredAttendee(event);
    await Promise.all(Array.from({ length: 12 }, () => recordJoin(attendee, session.id, minutes(1))));
    const row = await db().sessionAttendance.findUniqueOrThrow({ where: { sessionId_userId: { sessionId: session.id, userId: attendee.id } } });
    expect(row.joins).toBe(12);
  });

  it("refuses non-registered people, early and late joins, with clear messages and no attendance", async () => {
    const { event, session, organiser } = await webinar();
    const stranger = await makeUser({ name: "Stranger" });
    const refused = await refusal(recordJoin(stranger, session.id, minutes(0)));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/^Only registered attendees of .* can join this session/);
    const attendee = await registeredAttendee(event);
    const early = await refusal(recordJoin(attendee, session.id, minutes(-30)));
    expect(early).toMatchObject({ code: "JOIN_NOT_OPEN", message: "The join link opens Wed, 10 Jun 2026 at 13:45 CEST, 15 minutes before the start." });
    expect((await refusal(recordJoin(attendee, session.id, minutes(60)))).code).toBe("JOIN_CLOSED");
    expect(await db().sessionAttendance.count({ where: { sessionId: session.id } })).toBe(0);
    // The hosts get in without a ticket.
    await expect(recordJoin(organiser, session.id, minutes(0))).resolves.toMatchObject({ url: "https://meet.example/live" });
  });
});
