// The personal agenda: who may pick, the race-safe seat rule, overlap warnings, reminders.
import { describe, expect, it } from "vitest";
import { DomainError } from "~/domain/kernel/errors";
import { cancelSession, rescheduleSession } from "~/domain/agenda/organiser.server";
import { addToMyAgenda, listMyAgenda, removeFromMyAgenda } from "~/domain/agenda/personal.server";
import { db } from "~/platform/db.server";
import { makeAgendaSession, makeRegistration, makeUser } from "../support/factories";
import { makeAgendaEvent, registeredAttendee } from "./fixtures";
import { refusal } from "../support/refusal";

const BEFORE = new Date("2026-06-01T00:00:00Z");

describe("who may pick", () => {
  it("refuses people without a confirmed registration, writing nothing", async () => {
    const { event } = await makeAgendaEvent({ agendaPublished: true });
    const session = await makeAgendaSession(event, { capacity: 10 });
    const stranger = await makeUser({ name: "Stranger" });
    const error = await refusal(addToMyAgenda(stranger, session.id, BEFORE));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toBe(`Register for ${event.title} to add its sessions to your agenda.`);
    const pending = await makeUser({ name: "Pending" });
    await makeRegistration(pending.id, event.ticketTypes[0], { status: "PENDING_PAYMENT" });
    expect((await refusal(addToMyAgenda(pending, session.id, BEFORE))).code).toBe("FORBIDDEN");
    expect(await db().agendaPick.count({ where: { sessionId: session.id } })).toBe(0);
    expect((await db().agendaSession.findUniqueOrThrow({ where: { id: session.id } })).taken).toBe(0);
  });

  it("does not offer drafts, unpublished agendas, cancelled or finished sessions", async () => {
    const { event } = await makeAgendaEvent({ agendaPublished: true });
    const attendee = await registeredAttendee(event);
    const draft = await makeAgendaSession(event, { status: "DRAFT" });
    expect((await refusal(addToMyAgenda(attendee, draft.id, BEFORE))).code).toBe("NOT_FOUND");
    const cancelled = await makeAgendaSession(event, { status: "CANCELLED" });
    expect((await refusal(addToMyAgenda(attendee, cancelled.id, BEFORE))).message).toBe("This session has been cancelled.");
    const session = await makeAgendaSession(event);
    expect((await refusal(addToMyAgenda(attendee, session.id, new Date("2026-06-10T09:00:00Z")))).message).toBe("This session has already ended.");
    const hidden = await makeAgendaEvent({ agendaPublished: false });
    const hiddenSession = await makeAgendaSession(hidden.event);
    await makeRegistration(attendee.id, hidden.event.ticketTypes[0]);
    expect((await refusal(addToMyAgenda(attendee, hiddenSession.id, BEFORE))).code).toBe("NOT_FOUND");
  });
});

describe("picking and seats", () => {
  it("takes a seat once per person, and releases it on removal", async () => {
    const { event } = await makeAgendaEvent({ agendaPublished: true });
    const session = await makeAgendaSession(event, { capacity: 2 });
    const attendee = await registeredAttendee(event);
    expect(await addToMyAgenda(attendee, session.id, BEFORE)).toMatchObject({ added: true, warning: null });
    expect(await addToMyAgenda(attendee, session.id, BEFORE)).toMatchObject({ added: false });
    expect((await db().agendaSession.findUniqueOrThrow({ where: { id: session.id } })).taken).toBe(1);
    expect(await removeFromMyAgenda(attendee, session.id)).toEqual({ removed: true });
    expect(await removeFromMyAgenda(attendee, session.id)).toEqual({ removed: false });
    expect((await db().agendaSession.findUniqueOrThrow({ where: { id: session.id } })).taken).toBe(0);
  });

  it("gives exactly 20 seats to 60 concurrent attendees and refuses the other 40", async () => {
    const { event } = await makeAgendaEvent({ agendaPublished: true });
    const session = await makeAgendaSession(event, { capacity: 20, title: "Lab" });
    const attendees = await Promise.all(Array.from({ length: 60 }, (_, i) => registeredAttendee(event, `Racer ${i}`)));
    const results = await Promise.allSettled(attendees.map((attendee) => addToMyAgenda(attendee, session.id, BEFORE)));
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(20);
    expect(lost).toHaveLength(40);
    expect(lost.every((r) => (r.reason as DomainError).code === "SOLD_OUT")).toBe(true);
    expect((lost[0].reason as DomainError).message).toBe("All 20 seats of this session are taken.");
    expect(await db().agendaPick.count({ where: { sessionId: session.id } })).toBe(20);
    expect((await db().agendaSession.findUniqueOrThrow({ where: { id: session.id } })).taken).toBe(20);

    // A released seat goes to the next person.
    const winner = attendees[results.findIndex((r) => r.status === "fulfilled")];
    const loser = attendees[results.findIndex((r) => r.status === "rejected")];
    await removeFromMyAgenda(winner, session.id);
    await expect(addToMyAgenda(loser, session.id, BEFORE)).resolves.toMatchObject({ added: true });
    expect((await db().agendaSession.findUniqueOrThrow({ where: { id: session.id } })).taken).toBe(20);
  });

  it("keeps the count right when one person double-clicks concurrently", async () => {
    const { event } = await makeAgendaEvent({ agendaPublished: true });
    const session = await makeAgendaSession(event, { capacity: 5 });
    const attendee = await registeredAttendee(event);
    const results = await Promise.all(Array.from({ length: 10 }, () => addToMyAgenda(attendee, session.id, BEFORE)));
    expect(results.filter((r) => r.added)).toHaveLength(1);
    expect((await db().agendaSession.findUniqueOrThrow({ where: { id: session.id } })).taken).toBe(1);
  });

  it("warns about overlapping picks but keeps the pick", async () => {
    const { event } = await makeAgendaEvent({ agendaPublished: true });
    const attendee = await registeredAttendee(event);
    const first = await makeAgendaSession(event, {
      title: "Morning keynote",
      startsAt: new Date("2026-06-10T08:00:00Z"),
      endsAt: new Date("2026-06-10T09:00:00Z"),
    });
    const second = await makeAgendaSession(event, {
      title: "Side workshop",
      startsAt: new Date("2026-06-10T08:30:00Z"),
      endsAt: new Date("2026-06-10T10:00:00Z"),
    });
    await addToMyAgenda(attendee, first.id, BEFORE);
    const result = await addToMyAgenda(attendee, second.id, BEFORE);
    expect(result.added).toBe(true);
    expect(result.warning).toBe("This overlaps with “Morning keynote” (10:00–11:00 CEST) in your agenda.");
    expect(result.overlappingSessionIds).toEqual([first.id]);
  });

  it("lists my agenda across events, soonest event first", async () => {
    const paris = await makeAgendaEvent({ agendaPublished: true });
    const lisbon = await makeAgendaEvent({
      agendaPublished: true,
      timeZone: "Europe/Lisbon",
      startsAt: new Date("2026-05-01T08:00:00Z"),
      endsAt: new Date("2026-05-01T18:00:00Z"),
    });
    const attendee = await registeredAttendee(paris.event);
    await makeRegistration(attendee.id, lisbon.event.ticketTypes[0]);
    const p = await makeAgendaSession(paris.event, { title: "Paris talk" });
    const l = await makeAgendaSession(lisbon.event, {
      title: "Lisbon talk",
      startsAt: new Date("2026-05-01T09:00:00Z"),
      endsAt: new Date("2026-05-01T10:00:00Z"),
    });
    await addToMyAgenda(attendee, p.id, BEFORE);
    await addToMyAgenda(attendee, l.id, new Date("2026-04-01T00:00:00Z"));
    const mine = await listMyAgenda(attendee.id);
    expect(mine.groups.map((g) => g.event.timeZone)).toEqual(["Europe/Lisbon", "Europe/Paris"]);
    expect(mine.groups.map((g) => g.sessions.map((s) => s.title))).toEqual([["Lisbon talk"], ["Paris talk"]]);
  });
});

describe("reminders for online sessions", () => {
  const keys = (sessionId: string, userId: string) => ({ dedupeKey: { startsWith: `reminder:${sessionId}:${userId}:` } });

  it("queues 24 h and 15 min reminders when picked, re-times them when the session moves, withdraws them on removal", async () => {
    const { event, organiser } = await makeAgendaEvent({ agendaPublished: true });
    const session = await makeAgendaSession(event, {
      title: "Webinar",
      onlineUrl: "https://meet.example/w",
      startsAt: new Date("2026-06-10T12:00:00Z"),
      endsAt: new Date("2026-06-10T13:00:00Z"),
    });
    const attendee = await registeredAttendee(event);
    await addToMyAgenda(attendee, session.id, BEFORE);
    const queued = await db().outboxEmail.findMany({ where: keys(session.id, attendee.id), orderBy: { nextAttemptAt: "asc" } });
    expect(queued.map((e) => [e.dedupeKey, e.nextAttemptAt.toISOString()])).toEqual([
      [`reminder:${session.id}:${attendee.id}:24h`, "2026-06-09T12:00:00.000Z"],
      [`reminder:${session.id}:${attendee.id}:15m`, "2026-06-10T11:45:00.000Z"],
    ]);
    expect(queued[0].textBody).toContain(`/sessions/${session.id}/join`);
    expect(queued[0].subject).toBe("Reminder: Webinar starts Wed, 10 Jun 2026 at 14:00 CEST");

    await rescheduleSession(
      organiser,
      event.id,
      session.id,
      { version: 0, startsAt: new Date("2026-06-10T14:00:00Z"), endsAt: new Date("2026-06-10T15:00:00Z") },
      BEFORE,
    );
    const moved = await db().outboxEmail.findMany({ where: keys(session.id, attendee.id), orderBy: { nextAttemptAt: "asc" } });
    expect(moved.map((e) => e.nextAttemptAt.toISOString())).toEqual(["2026-06-09T14:00:00.000Z", "2026-06-10T13:45:00.000Z"]);

    await removeFromMyAgenda(attendee, session.id);
    expect(await db().outboxEmail.count({ where: keys(session.id, attendee.id) })).toBe(0);
  });

  it("withdraws reminders when the session is cancelled, and skips ones whose moment has passed", async () => {
    const { event, organiser } = await makeAgendaEvent({ agendaPublished: true });
    const session = await makeAgendaSession(event, {
      onlineUrl: "https://meet.example/w",
      startsAt: new Date("2026-06-10T12:00:00Z"),
      endsAt: new Date("2026-06-10T13:00:00Z"),
    });
    const attendee = await registeredAttendee(event);
    await addToMyAgenda(attendee, session.id, new Date("2026-06-10T06:00:00Z"));
    const queued = await db().outboxEmail.findMany({ where: keys(session.id, attendee.id) });
    expect(queued.map((e) => e.dedupeKey)).toEqual([`reminder:${session.id}:${attendee.id}:15m`]);
    await cancelSession(organiser, event.id, session.id, 0);
    expect(await db().outboxEmail.count({ where: keys(session.id, attendee.id) })).toBe(0);
  });

  it("queues nothing for in-person sessions and honours configured offsets", async () => {
    const { event } = await makeAgendaEvent({ agendaPublished: true });
    const inPerson = await makeAgendaSession(event);
    const attendee = await registeredAttendee(event);
    await addToMyAgenda(attendee, inPerson.id, BEFORE);
    expect(await db().outboxEmail.count({ where: keys(inPerson.id, attendee.id) })).toBe(0);

    process.env.AGENDA_REMINDERS = "1h";
    try {
      const online = await makeAgendaSession(event, {
        onlineUrl: "https://meet.example/x",
        startsAt: new Date("2026-06-11T08:00:00Z"),
        endsAt: new Date("2026-06-11T09:00:00Z"),
      });
      await addToMyAgenda(attendee, online.id, BEFORE);
      const queued = await db().outboxEmail.findMany({ where: keys(online.id, attendee.id) });
      expect(queued.map((e) => [e.dedupeKey, e.nextAttemptAt.toISOString()])).toEqual([
        [`reminder:${online.id}:${attendee.id}:1h`, "2026-06-11T07:00:00.000Z"],
      ]);
    } finally {
      delete process.env.AGENDA_REMINDERS;
    }
  });
});
