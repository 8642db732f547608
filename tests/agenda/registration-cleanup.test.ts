// Cancelling a registration takes what the person had at the event with it, in the same
// transaction: agenda picks (seats of limited sessions freed), pending reminder emails, and
// live meeting requests and meetings (METHOD:CANCEL to both calendars, SEQUENCE bumped).
import { describe, expect, it } from "vitest";
import { addToMyAgenda } from "~/domain/agenda/personal.server";
import { cancelRegistration } from "~/domain/payments/cancellation.server";
import { db } from "~/platform/db.server";
import { makeAgendaSession, makeMeeting, makeRegistration, makeUser } from "../support/factories";
import { makeAgendaEvent } from "./fixtures";
import { refusal } from "../support/refusal";

const BEFORE = new Date("2026-06-01T00:00:00Z");
const ONLINE = { onlineUrl: "https://meet.example/live", startsAt: new Date("2026-06-10T12:00:00Z"), endsAt: new Date("2026-06-10T13:00:00Z") };

const pendingReminders = (userId: string) =>
  db().outboxEmail.count({ where: { dedupeKey: { contains: `:${userId}:` }, AND: [{ dedupeKey: { startsWith: "reminder:" } }], status: "PENDING" } });
const taken = async (sessionId: string) => (await db().agendaSession.findUniqueOrThrow({ where: { id: sessionId } })).taken;

async function meeting(
  eventId: string,
  hostId: string,
  guestId: string,
  startsAt: string,
  status: "REQUESTED" | "CONFIRMED",
  sequence = status === "CONFIRMED" ? 1 : 0,
) {
  const start = new Date(startsAt);
  return makeMeeting({
    event: eventId,
    host: hostId,
    guest: guestId,
    status,
    sequence,
    startsAt: start,
    requestExpiresAt: status === "REQUESTED" ? new Date(start.getTime() - 3_600_000) : null,
  });
}

async function scene() {
  const fixture = await makeAgendaEvent({ agendaPublished: true });
  const attendee = await makeUser({ name: "Ana Attendee" });
  const registration = await makeRegistration(attendee.id, fixture.event.ticketTypes[0]);
  const workshop = await makeAgendaSession(fixture.event, {
    title: "Workshop",
    capacity: 1,
    startsAt: new Date("2026-06-10T08:00:00Z"),
    endsAt: new Date("2026-06-10T09:00:00Z"),
  });
  const webinar = await makeAgendaSession(fixture.event, { title: "Live", ...ONLINE });
  await addToMyAgenda(attendee, workshop.id, BEFORE);
  await addToMyAgenda(attendee, webinar.id, BEFORE);
  return { ...fixture, attendee, registration, workshop, webinar };
}

describe("cancelling a registration", () => {
  it("removes the person's picks at that event, frees their seats and withdraws their reminders", async () => {
    const { event, attendee, registration, workshop, webinar } = await scene();
    // Elsewhere, the same person's agenda stays as it is.
    const other = await makeAgendaEvent({ agendaPublished: true });
    await makeRegistration(attendee.id, other.event.ticketTypes[0]);
    const otherSession = await makeAgendaSession(other.event, { title: "Elsewhere", capacity: 5, ...ONLINE });
    await addToMyAgenda(attendee, otherSession.id, BEFORE);

    const waiting = await makeUser({ name: "Wanda Waiting" });
    await makeRegistration(waiting.id, event.ticketTypes[0]);
    expect(await taken(workshop.id)).toBe(1);
    expect((await refusal(addToMyAgenda(waiting, workshop.id, BEFORE))).code).toBe("SOLD_OUT");
    expect(await db().outboxEmail.count({ where: { dedupeKey: { startsWith: `reminder:${webinar.id}:${attendee.id}:` }, status: "PENDING" } })).toBe(2);

    await cancelRegistration({ kind: "attendee", userId: attendee.id }, registration.id, BEFORE);

    expect(await db().agendaPick.findMany({ where: { userId: attendee.id }, select: { sessionId: true } })).toEqual([{ sessionId: otherSession.id }]);
    expect(await taken(workshop.id)).toBe(0);
    expect(await taken(webinar.id)).toBe(0);
    expect(await taken(otherSession.id)).toBe(1);
    expect(await db().outboxEmail.count({ where: { dedupeKey: { startsWith: `reminder:${webinar.id}:${attendee.id}:` } } })).toBe(0);
    expect(await db().outboxEmail.count({ where: { dedupeKey: { startsWith: `reminder:${otherSession.id}:${attendee.id}:` }, status: "PENDING" } })).toBe(2);
    // The freed seat is there for the next person.
    expect(await addToMyAgenda(waiting, workshop.id, BEFORE)).toMatchObject({ added: true });
  });

  it("keeps reminders that were already sent (only pending ones are withdrawn)", async () => {
    const { attendee, registration, webinar } = await scene();
    const [sent] = await db().outboxEmail.findMany({ where: { dedupeKey: { startsWith: `reminder:${webinar.id}:${attendee.id}:` } }, take: 1 });
    await db().outboxEmail.update({ where: { id: sent.id }, data: { status: "SENT", sentAt: new Date() } });
    await cancelRegistration({ kind: "attendee", userId: attendee.id }, registration.id, BEFORE);
    expect(await db().outboxEmail.findMany({ where: { dedupeKey: { startsWith: `reminder:${webinar.id}:${attendee.id}:` } }, select: { id: true } })).toEqual([
      { id: sent.id },
    ]);
    expect(await pendingReminders(attendee.id)).toBe(0);
  });

  it("cancels the person's live meetings at the event: METHOD:CANCEL for confirmed ones, a notice for requests", async () => {
    const { event, attendee, registration } = await scene();
    const host = await makeUser({ name: "Ivo Investor", roles: ["INVESTOR"] });
    const guest = await makeUser({ name: "Gina Guest" });
    const confirmed = await meeting(event.id, host.id, attendee.id, "2026-06-10T10:00:00Z", "CONFIRMED");
    const requested = await meeting(event.id, attendee.id, guest.id, "2026-06-10T14:00:00Z", "REQUESTED");
    // Left alone: a meeting that already happened, a lapsed request, an ended one, another event's.
    const past = await meeting(event.id, host.id, attendee.id, "2026-05-30T10:00:00Z", "CONFIRMED");
    const lapsed = await makeMeeting({
      event,
      host,
      guest: attendee,
      status: "REQUESTED",
      startsAt: new Date("2026-06-11T10:00:00Z"),
      endsAt: new Date("2026-06-11T10:30:00Z"),
      requestExpiresAt: new Date("2026-05-31T00:00:00Z"),
    });
    const declined = await makeMeeting({
      event,
      host,
      guest: attendee,
      status: "DECLINED",
      startsAt: new Date("2026-06-11T11:00:00Z"),
      endsAt: new Date("2026-06-11T11:30:00Z"),
    });
    const other = await makeAgendaEvent({ agendaPublished: true });
    const elsewhere = await meeting(other.event.id, host.id, attendee.id, "2026-06-12T10:00:00Z", "CONFIRMED");

    await cancelRegistration({ kind: "attendee", userId: attendee.id }, registration.id, BEFORE);

    const after = await db().meeting.findUniqueOrThrow({ where: { id: confirmed.id } });
    expect(after).toMatchObject({ status: "CANCELLED", sequence: 2, cancelledById: attendee.id, cancelledAt: BEFORE });
    for (const person of [host, attendee]) {
      const email = await db().outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `meeting:${confirmed.id}:2:cancel:${person.id}` } });
      expect(email.toAddress).toBe(person.email);
      const [ics] = email.attachments as { contentType: string; content: string }[];
      expect(ics.contentType).toContain("method=CANCEL");
      const text = Buffer.from(ics.content, "base64").toString("utf8");
      expect(text).toContain("METHOD:CANCEL");
      expect(text).toContain(`UID:meeting-${confirmed.id}@`);
      expect(text).toMatch(/SEQUENCE:2\r?\n/);
    }
    expect(await db().meeting.findUniqueOrThrow({ where: { id: requested.id } })).toMatchObject({ status: "CANCELLED", sequence: 0, requestExpiresAt: null });
    const notice = await db().outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `meeting:${requested.id}:withdrawn:${guest.id}` } });
    expect(notice.subject).toBe(`Meeting request withdrawn: ${attendee.name}`);

    // The host's slot is free again: someone else can meet them then.
    const next = await makeUser({ name: "Nils Next" });
    await expect(meeting(event.id, host.id, next.id, "2026-06-10T10:00:00Z", "CONFIRMED")).resolves.toMatchObject({ status: "CONFIRMED" });

    expect((await db().meeting.findUniqueOrThrow({ where: { id: past.id } })).status).toBe("CONFIRMED");
    expect((await db().meeting.findUniqueOrThrow({ where: { id: lapsed.id } })).status).toBe("REQUESTED");
    expect((await db().meeting.findUniqueOrThrow({ where: { id: declined.id } })).status).toBe("DECLINED");
    expect((await db().meeting.findUniqueOrThrow({ where: { id: elsewhere.id } })).status).toBe("CONFIRMED");
  });

  it("does the same when an organiser cancels the registration", async () => {
    const { event, attendee, registration, workshop } = await scene();
    const host = await makeUser({ name: "Ivo Investor", roles: ["INVESTOR"] });
    const confirmed = await meeting(event.id, host.id, attendee.id, "2026-06-10T10:00:00Z", "CONFIRMED");
    await cancelRegistration({ kind: "organiser", eventId: event.id }, registration.id, BEFORE);
    expect(await db().agendaPick.count({ where: { userId: attendee.id } })).toBe(0);
    expect(await taken(workshop.id)).toBe(0);
    expect(await pendingReminders(attendee.id)).toBe(0);
    expect((await db().meeting.findUniqueOrThrow({ where: { id: confirmed.id } })).status).toBe("CANCELLED");
  });

  it("keeps the meetings of someone who still takes part as an organiser of the event", async () => {
    const { event, organiser } = await makeAgendaEvent({ agendaPublished: true });
    const registration = await makeRegistration(organiser.id, event.ticketTypes[0]);
    const guest = await makeUser({ name: "Gina Guest" });
    const confirmed = await meeting(event.id, organiser.id, guest.id, "2026-06-10T10:00:00Z", "CONFIRMED");
    await cancelRegistration({ kind: "attendee", userId: organiser.id }, registration.id, BEFORE);
    expect((await db().meeting.findUniqueOrThrow({ where: { id: confirmed.id } })).status).toBe("CONFIRMED");
  });

  it("leaves picks, seats and reminders in place when the cancellation is refused", async () => {
    const { attendee, registration, workshop } = await scene();
    await db().registration.update({ where: { id: registration.id }, data: { status: "CANCELLED" } });
    expect((await refusal(cancelRegistration({ kind: "attendee", userId: attendee.id }, registration.id, BEFORE))).code).toBe("CONFLICT");
    expect(await db().agendaPick.count({ where: { userId: attendee.id } })).toBe(2);
    expect(await taken(workshop.id)).toBe(1);
    expect(await pendingReminders(attendee.id)).toBe(2);
  });
});
