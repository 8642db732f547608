// Organiser rules: who may edit, validation, optimistic locking, conflicts and publishing,
// and what attendees are told about changes after publishing.
import { describe, expect, it } from "vitest";
import { DomainError } from "~/domain/kernel/errors";
import {
  cancelSession,
  createSession,
  publishAgenda,
  rescheduleSession,
  setConflictsAccepted,
  setSessionLinks,
  unpublishAgenda,
  updateSession,
} from "~/domain/agenda/organiser.server";
import { createRoom, renameRoom } from "~/domain/agenda/resources.server";
import { addToMyAgenda, removeFromMyAgenda } from "~/domain/agenda/personal.server";
import { loadSessionPage, recordJoin } from "~/domain/agenda/public.server";
import { eventFeed, sessionDownload } from "~/domain/calendar/feeds.server";
import { askQuestion } from "~/domain/qa/questions.server";
import { byUid, parseStrictly, prop } from "../calendar/ical-helpers";
import { db } from "~/platform/db.server";
import { makeAgendaSession, makeTeamMember, makeUser } from "../support/factories";
import { makeAgendaEvent, registeredAttendee, sessionForm } from "./fixtures";
import { refusal } from "../support/refusal";

describe("creating sessions", () => {
  it("reads the form's local times in the event's zone and starts as a draft", async () => {
    const { event, organiser, hall, speakers } = await makeAgendaEvent({ timeZone: "Europe/Helsinki" });
    const result = await createSession(
      organiser,
      event.id,
      sessionForm({
        title: "Opening",
        startsAt: "2026-06-10T10:00",
        endsAt: "2026-06-10T10:45",
        roomId: hall.id,
        speakerIds: [speakers[0].id],
      }),
    );
    expect(result.session.startsAt.toISOString()).toBe("2026-06-10T07:00:00.000Z"); // EEST = UTC+3
    expect(result.session.status).toBe("DRAFT");
    expect(result.session.version).toBe(0);
    expect(result.session.speakers).toHaveLength(1);
    expect(result.conflicts).toEqual([]);
  });

  it("explains bad input per field and writes nothing", async () => {
    const { event, organiser } = await makeAgendaEvent();
    const error = await refusal(createSession(organiser, event.id, sessionForm({ title: "", startsAt: "2026-06-10T11:00", endsAt: "2026-06-10T10:00" })));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toMatchObject({ title: "Give the session a title.", endsAt: "The session must end after it starts." });
    expect(await db().agendaSession.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("refuses rooms, tracks and speakers of another event", async () => {
    const { event, organiser } = await makeAgendaEvent();
    const other = await makeAgendaEvent();
    const error = await refusal(
      createSession(
        organiser,
        event.id,
        sessionForm({
          title: "Sneaky",
          startsAt: "2026-06-10T10:00",
          endsAt: "2026-06-10T11:00",
          roomId: other.hall.id,
          trackId: other.track.id,
          speakerIds: [other.speakers[0].id],
        }),
      ),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toEqual({
      roomId: "Choose a room of this event.",
      trackId: "Choose a track of this event.",
      speakerIds: "Choose speakers of this event.",
    });
    expect(await db().agendaSession.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("refuses a time the clocks skip (Paris spring-forward night)", async () => {
    const { event, organiser } = await makeAgendaEvent({ startsAt: new Date("2026-03-28T08:00:00Z"), endsAt: new Date("2026-03-30T16:00:00Z") });
    const error = await refusal(
      createSession(organiser, event.id, sessionForm({ title: "Night owl", startsAt: "2026-03-29T02:30", endsAt: "2026-03-29T04:00" })),
    );
    expect(error.fieldErrors?.startsAt).toMatch(/does not exist in Europe\/Paris/);
  });
});

describe("who may edit", () => {
  it("lets owners/organisers and admins edit, refuses everyone else", async () => {
    const { event } = await makeAgendaEvent();
    const form = sessionForm({ title: "T", startsAt: "2026-06-10T10:00", endsAt: "2026-06-10T11:00" });
    const stranger = await makeUser({ name: "Stranger", roles: ["ORGANISER"] });
    expect((await refusal(createSession(stranger, event.id, form))).code).toBe("FORBIDDEN");
    const moderator = await makeUser({ name: "Mod" });
    await makeTeamMember(event.id, moderator.id, "MODERATOR");
    expect((await refusal(createSession(moderator, event.id, form))).code).toBe("FORBIDDEN");
    const admin = await makeUser({ name: "Admin", roles: ["ADMIN"] });
    await expect(createSession(admin, event.id, form)).resolves.toMatchObject({ session: { title: "T" } });
  });

  it("hides draft events from non-organisers entirely", async () => {
    const { event } = await makeAgendaEvent({ status: "DRAFT" });
    const stranger = await makeUser({ name: "Stranger", roles: ["ORGANISER"] });
    expect((await refusal(publishAgenda(stranger, event.id))).code).toBe("NOT_FOUND");
  });
});

describe("optimistic locking", () => {
  it("refuses the second of two edits made from the same version, and writes nothing for it", async () => {
    const { event, organiser } = await makeAgendaEvent();
    const second = await makeUser({ name: "Other organiser", roles: ["ORGANISER"] });
    await makeTeamMember(event.id, second.id, "ORGANISER");
    const { session } = await createSession(organiser, event.id, sessionForm({ title: "Original", startsAt: "2026-06-10T10:00", endsAt: "2026-06-10T11:00" }));

    const first = await updateSession(
      organiser,
      event.id,
      session.id,
      sessionForm({ title: "First edit", startsAt: "2026-06-10T10:00", endsAt: "2026-06-10T11:00", version: "0" }),
    );
    expect(first.session.version).toBe(1);
    const error = await refusal(
      updateSession(
        second,
        event.id,
        session.id,
        sessionForm({ title: "Second edit", startsAt: "2026-06-10T12:00", endsAt: "2026-06-10T13:00", version: "0" }),
      ),
    );
    expect(error.code).toBe("STALE_VERSION");
    expect(error.message).toMatch(/Someone else changed this session/);
    const row = await db().agendaSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row).toMatchObject({ title: "First edit", version: 1 });
    expect(row.startsAt.toISOString()).toBe("2026-06-10T08:00:00.000Z");

    const moved = await refusal(
      rescheduleSession(second, event.id, session.id, { version: 0, startsAt: new Date("2026-06-10T09:00:00Z"), endsAt: new Date("2026-06-10T10:00:00Z") }),
    );
    expect(moved.code).toBe("STALE_VERSION");
  });

  it("lets exactly one of many concurrent edits of one version win", async () => {
    const { event, organiser } = await makeAgendaEvent();
    const { session } = await createSession(organiser, event.id, sessionForm({ title: "Race", startsAt: "2026-06-10T10:00", endsAt: "2026-06-10T11:00" }));
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        rescheduleSession(organiser, event.id, session.id, {
          version: 0,
          startsAt: new Date(`2026-06-10T0${i + 1}:00:00Z`),
          endsAt: new Date(`2026-06-10T0${i + 1}:30:00Z`),
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.every((r) => (r.reason as DomainError).code === "STALE_VERSION")).toBe(true);
    expect((await db().agendaSession.findUniqueOrThrow({ where: { id: session.id } })).version).toBe(1);
  });

  it("refuses a resize that would end before the start", async () => {
    const { event, organiser } = await makeAgendaEvent();
    const { session } = await createSession(organiser, event.id, sessionForm({ title: "S", startsAt: "2026-06-10T10:00", endsAt: "2026-06-10T11:00" }));
    const error = await refusal(rescheduleSession(organiser, event.id, session.id, { version: 0, endsAt: new Date("2026-06-10T07:00:00Z") }));
    expect(error.code).toBe("VALIDATION");
  });
});

describe("conflicts and publishing", () => {
  it("reports a room double booking, blocks publishing until it is fixed, then publishes the drafts", async () => {
    const { event, organiser, hall, lab } = await makeAgendaEvent();
    await createSession(organiser, event.id, sessionForm({ title: "Keynote", startsAt: "2026-06-10T10:00", endsAt: "2026-06-10T11:00", roomId: hall.id }));
    const second = await createSession(
      organiser,
      event.id,
      sessionForm({ title: "Panel", startsAt: "2026-06-10T10:30", endsAt: "2026-06-10T11:30", roomId: hall.id }),
    );
    expect(second.conflicts.map((c) => c.code)).toEqual(["ROOM_DOUBLE_BOOKED"]);
    expect(second.conflicts[0].message).toContain("“Keynote” and “Panel” are both in Hall");
    expect(second.blocking).toHaveLength(1);

    const error = await refusal(publishAgenda(organiser, event.id));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/1 unresolved conflict/);
    const unpublished = await db().event.findUniqueOrThrow({ where: { id: event.id } });
    expect(unpublished.agendaPublishedAt).toBeNull();
    expect(await db().agendaSession.count({ where: { eventId: event.id, status: "DRAFT" } })).toBe(2);

    const fixed = await rescheduleSession(organiser, event.id, second.session.id, { version: 0, roomId: lab.id });
    expect(fixed.conflicts).toEqual([]);
    const published = await publishAgenda(organiser, event.id);
    expect(published.published).toBe(2);
    expect((await db().event.findUniqueOrThrow({ where: { id: event.id } })).agendaPublishedAt).not.toBeNull();
    expect(await db().agendaSession.count({ where: { eventId: event.id, status: "PUBLISHED" } })).toBe(2);

    await unpublishAgenda(organiser, event.id);
    expect((await db().event.findUniqueOrThrow({ where: { id: event.id } })).agendaPublishedAt).toBeNull();
  });

  it("publishes when every session of a conflict accepted it; a later move withdraws the acceptance", async () => {
    const { event, organiser, speakers } = await makeAgendaEvent();
    const a = await createSession(
      organiser,
      event.id,
      sessionForm({ title: "A", startsAt: "2026-06-10T10:00", endsAt: "2026-06-10T11:00", speakerIds: [speakers[1].id] }),
    );
    const b = await createSession(
      organiser,
      event.id,
      sessionForm({ title: "B", startsAt: "2026-06-10T10:00", endsAt: "2026-06-10T11:00", speakerIds: [speakers[1].id] }),
    );
    expect(b.conflicts.map((c) => c.code)).toEqual(["SPEAKER_DOUBLE_BOOKED"]);

    const half = await setConflictsAccepted(organiser, event.id, [{ id: a.session.id, version: 0 }], true);
    expect(half.blocking).toHaveLength(1);
    const stale = await refusal(setConflictsAccepted(organiser, event.id, [{ id: a.session.id, version: 0 }], true));
    expect(stale.code).toBe("STALE_VERSION");
    const both = await setConflictsAccepted(organiser, event.id, [{ id: b.session.id, version: 0 }], true);
    expect(both.conflicts).toHaveLength(1);
    expect(both.blocking).toEqual([]);
    await expect(publishAgenda(organiser, event.id)).resolves.toMatchObject({ published: 2 });

    const moved = await rescheduleSession(organiser, event.id, b.session.id, {
      version: 1,
      startsAt: new Date("2026-06-10T08:30:00Z"),
      endsAt: new Date("2026-06-10T09:30:00Z"),
    });
    expect(moved.session.conflictsAccepted).toBe(false);
    expect(moved.blocking).toHaveLength(1);
  });

  it("flags sessions outside the event's dates", async () => {
    const { event, organiser } = await makeAgendaEvent();
    const result = await createSession(organiser, event.id, sessionForm({ title: "Too late", startsAt: "2026-06-12T10:00", endsAt: "2026-06-12T11:00" }));
    expect(result.conflicts.map((c) => c.code)).toEqual(["OUTSIDE_EVENT"]);
    expect((await refusal(publishAgenda(organiser, event.id))).code).toBe("CONFLICT");
  });
});

describe("changes after publishing", () => {
  async function publishedWithPicker() {
    const fixture = await makeAgendaEvent({ agendaPublished: true });
    const session = await makeAgendaSession(fixture.event, {
      title: "Talk",
      roomId: fixture.hall.id,
      startsAt: new Date("2026-06-10T08:00:00Z"),
      endsAt: new Date("2026-06-10T09:00:00Z"),
    });
    const picker = await registeredAttendee(fixture.event, "Pia Picker");
    await registeredAttendee(fixture.event, "Nico Notpicker");
    await addToMyAgenda(picker, session.id, new Date("2026-06-01T00:00:00Z"));
    return { ...fixture, session, picker };
  }

  it("bumps the sequence and emails the people who picked the session, once per change", async () => {
    const { event, organiser, session, picker, lab } = await publishedWithPicker();
    const moved = await rescheduleSession(organiser, event.id, session.id, {
      version: 0,
      startsAt: new Date("2026-06-10T12:00:00Z"),
      endsAt: new Date("2026-06-10T13:00:00Z"),
    });
    expect(moved.session.sequence).toBe(1);
    expect(moved.notified).toBe(1);
    const emails = await db().outboxEmail.findMany({ where: { dedupeKey: { startsWith: `session-changed:${session.id}:` } } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ toAddress: picker.email, dedupeKey: `session-changed:${session.id}:1:${picker.id}` });
    expect(emails[0].subject).toBe(`Changed: Talk — ${event.title}`);
    expect(emails[0].textBody).toContain("New time: Wed, 10 Jun 2026, 14:00–15:00 CEST (was Wed, 10 Jun 2026, 10:00–11:00 CEST)");

    const roomMove = await rescheduleSession(organiser, event.id, session.id, { version: 1, roomId: lab.id });
    expect(roomMove.session.sequence).toBe(2);
    const second = await db().outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `session-changed:${session.id}:2:${picker.id}` } });
    expect(second.textBody).toContain("New place: Lab (was Hall)");
  });

  it("refuses a change that would put a published session in a room clash, writing nothing; drafts move freely", async () => {
    const { event, organiser, session, lab, hall } = await publishedWithPicker();
    const other = await makeAgendaSession(event, {
      title: "Workshop",
      roomId: lab.id,
      startsAt: new Date("2026-06-10T08:30:00Z"),
      endsAt: new Date("2026-06-10T09:30:00Z"),
    });
    const clash = await refusal(rescheduleSession(organiser, event.id, other.id, { version: 0, roomId: hall.id }));
    expect(clash.code).toBe("CONFLICT");
    expect(clash.message).toMatch(/^Not saved: .*The agenda is public/);
    expect(await db().agendaSession.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ roomId: lab.id, version: 0, sequence: 0 });
    expect(await db().outboxEmail.count({ where: { dedupeKey: { startsWith: `session-changed:${other.id}:` } } })).toBe(0);
    // Elsewhere in time it is fine.
    const moved = await rescheduleSession(organiser, event.id, other.id, {
      version: 0,
      roomId: hall.id,
      startsAt: new Date("2026-06-10T10:00:00Z"),
      endsAt: new Date("2026-06-10T11:00:00Z"),
    });
    expect(moved.session.roomId).toBe(hall.id);
    // A draft may clash while the organiser arranges things; publishing checks it later.
    const draft = await makeAgendaSession(event, { title: "Draft", roomId: lab.id, status: "DRAFT", startsAt: session.startsAt, endsAt: session.endsAt });
    expect((await rescheduleSession(organiser, event.id, draft.id, { version: 0, roomId: hall.id })).session.roomId).toBe(hall.id);
  });

  it("does not bump or email for changes attendees' calendars do not show", async () => {
    const { event, organiser, session } = await publishedWithPicker();
    await updateSession(
      organiser,
      event.id,
      session.id,
      sessionForm({
        title: "Talk",
        description: "Now with a description",
        startsAt: "2026-06-10T10:00",
        endsAt: "2026-06-10T11:00",
        roomId: session.roomId!,
        version: "0",
      }),
    );
    const row = await db().agendaSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row).toMatchObject({ sequence: 0, version: 1, description: "Now with a description" });
    expect(await db().outboxEmail.count({ where: { dedupeKey: { startsWith: `session-changed:${session.id}:` } } })).toBe(0);
  });

  it("does not bump drafts (nobody has them in a calendar yet)", async () => {
    const { event, organiser } = await makeAgendaEvent();
    const { session } = await createSession(organiser, event.id, sessionForm({ title: "Draft", startsAt: "2026-06-10T10:00", endsAt: "2026-06-10T11:00" }));
    const moved = await rescheduleSession(organiser, event.id, session.id, {
      version: 0,
      startsAt: new Date("2026-06-10T12:00:00Z"),
      endsAt: new Date("2026-06-10T13:00:00Z"),
    });
    expect(moved.session.sequence).toBe(0);
  });

  it("tells pickers about a cancellation", async () => {
    const { event, organiser, session, picker } = await publishedWithPicker();
    const cancelled = await cancelSession(organiser, event.id, session.id, 0);
    expect(cancelled.session).toMatchObject({ status: "CANCELLED", sequence: 1 });
    const email = await db().outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `session-changed:${session.id}:1:${picker.id}` } });
    expect(email.subject).toMatch(/^Cancelled: Talk/);
    expect(email.textBody).toContain("The session has been cancelled.");
  });

  it("refuses a capacity below the seats already taken", async () => {
    const { event, organiser, session } = await publishedWithPicker();
    await db().agendaSession.update({ where: { id: session.id }, data: { capacity: 5 } });
    const error = await refusal(
      updateSession(
        organiser,
        event.id,
        session.id,
        sessionForm({
          title: "Talk",
          startsAt: "2026-06-10T10:00",
          endsAt: "2026-06-10T11:00",
          roomId: session.roomId!,
          capacity: "0",
          version: "0",
        }),
      ),
    );
    expect(error.fieldErrors?.capacity).toMatch(/at least 1 seat/);
    await db().agendaSession.update({ where: { id: session.id }, data: { taken: 3 } });
    const below = await refusal(
      updateSession(
        organiser,
        event.id,
        session.id,
        sessionForm({
          title: "Talk",
          startsAt: "2026-06-10T10:00",
          endsAt: "2026-06-10T11:00",
          roomId: session.roomId!,
          capacity: "2",
          version: "0",
        }),
      ),
    );
    expect(below.fieldErrors?.capacity).toBe("3 seats are already taken; the capacity must be at least that.");
  });

  it("stores recording and slides links, refusing non-web addresses", async () => {
    const { event, organiser, session } = await publishedWithPicker();
    const bad = await refusal(setSessionLinks(organiser, event.id, session.id, 0, { recordingUrl: "javascript:alert(1)", slidesUrl: "" }));
    expect(bad.fieldErrors?.recordingUrl).toMatch(/https:\/\//);
    const saved = await setSessionLinks(organiser, event.id, session.id, 0, { recordingUrl: "https://video.example/rec", slidesUrl: "" });
    expect(saved.session).toMatchObject({ recordingUrl: "https://video.example/rec", slidesUrl: null, sequence: 0 });
  });
});

describe("rooms, tracks and speakers", () => {
  it("creates and renames rooms, refusing duplicate names", async () => {
    const { event, organiser, hall } = await makeAgendaEvent();
    const room = await createRoom(organiser, event.id, { name: "Studio", capacity: "30" });
    expect(room).toMatchObject({ name: "Studio", capacity: 30, position: 2 });
    const duplicate = await refusal(createRoom(organiser, event.id, { name: "Hall" }));
    expect(duplicate.fieldErrors?.name).toBe("There is already a room with that name.");
    await renameRoom(organiser, event.id, hall.id, "Great hall");
    expect((await db().room.findUniqueOrThrow({ where: { id: hall.id } })).name).toBe("Great hall");
    const other = await makeAgendaEvent();
    expect((await refusal(renameRoom(organiser, event.id, other.hall.id, "Mine now"))).code).toBe("NOT_FOUND");
  });
});

describe("what subscribed calendars see of agenda-wide changes", () => {
  async function publishedSession() {
    const fixture = await makeAgendaEvent({ agendaPublished: true });
    const session = await makeAgendaSession(fixture.event, {
      title: "Keynote",
      roomId: fixture.hall.id,
      startsAt: new Date("2026-06-10T08:00:00Z"),
      endsAt: new Date("2026-06-10T09:00:00Z"),
    });
    const feedEntry = async () => byUid(parseStrictly((await eventFeed(fixture.event.slug))!.body));
    const uid = [...(await feedEntry()).keys()].find((key) => key.includes(session.id))!;
    const entry = async () => (await feedEntry()).get(uid);
    return { ...fixture, session, entry };
  }

  it("renaming a room is a change of place: LOCATION and SEQUENCE move on for its published sessions", async () => {
    const { event, organiser, hall, session, entry } = await publishedSession();
    const before = (await entry())!;
    expect(prop(before, "location")).toContain("Hall");
    const draft = await makeAgendaSession(event, { title: "Draft", roomId: hall.id, status: "DRAFT" });
    await renameRoom(organiser, event.id, hall.id, "Auditorium Maximum");
    const after = (await entry())!;
    expect(prop(after, "location")).toContain("Auditorium Maximum");
    expect(Number(prop(after, "sequence"))).toBe(Number(prop(before, "sequence")) + 1);
    expect((await db().agendaSession.findUniqueOrThrow({ where: { id: draft.id } })).sequence).toBe(0);
    // Renaming to the same name changes nothing.
    await renameRoom(organiser, event.id, hall.id, "Auditorium Maximum");
    expect((await db().agendaSession.findUniqueOrThrow({ where: { id: session.id } })).sequence).toBe(1);
  });

  it("unpublishing the agenda withdraws its sessions from calendars as CANCELLED; publishing again brings them back", async () => {
    const { event, organiser, session, entry } = await publishedSession();
    const published = (await entry())!;
    expect(prop(published, "status")).toBe("CONFIRMED");
    expect(await sessionDownload(session.id)).not.toBeNull();

    await unpublishAgenda(organiser, event.id);
    const hidden = (await entry())!;
    expect(prop(hidden, "status")).toBe("CANCELLED");
    expect(Number(prop(hidden, "sequence"))).toBeGreaterThan(Number(prop(published, "sequence")));
    expect(await sessionDownload(session.id)).toBeNull();

    await publishAgenda(organiser, event.id);
    const back = (await entry())!;
    expect(prop(back, "status")).toBe("CONFIRMED");
    expect(Number(prop(back, "sequence"))).toBeGreaterThan(Number(prop(hidden, "sequence")));
  });
});

describe("malformed ids", () => {
  it("are NOT_FOUND (or a field error) everywhere an id comes from a URL or a form, never a database error", async () => {
    const { event, organiser, hall } = await makeAgendaEvent({ agendaPublished: true });
    const session = await makeAgendaSession(event, { title: "Real", roomId: hall.id });
    const attendee = await registeredAttendee(event, "Ida Ids");
    for (const bad of ["not-a-uuid", "1", "'; DROP TABLE x; --", ""]) {
      expect((await refusal(loadSessionPage(bad, null))).code).toBe("NOT_FOUND");
      expect((await refusal(recordJoin(attendee, bad))).code).toBe("NOT_FOUND");
      expect((await refusal(addToMyAgenda(attendee, bad))).code).toBe("NOT_FOUND");
      expect(await removeFromMyAgenda(attendee, bad)).toEqual({ removed: false });
      expect((await refusal(rescheduleSession(organiser, event.id, bad, { version: 0, startsAt: new Date("2026-06-10T12:00:00Z") }))).code).toBe("NOT_FOUND");
      expect((await refusal(cancelSession(organiser, event.id, bad, 0))).code).toBe("NOT_FOUND");
      expect((await refusal(renameRoom(organiser, event.id, bad, "Name"))).code).toBe("NOT_FOUND");
      expect((await refusal(setConflictsAccepted(organiser, event.id, [{ id: bad, version: 0 }], true))).code).toBe("NOT_FOUND");
    }
    const badRoom = await refusal(rescheduleSession(organiser, event.id, session.id, { version: 0, roomId: "room-1" }));
    expect(badRoom).toMatchObject({ code: "VALIDATION", fieldErrors: { roomId: "Choose a room of this event." } });
  });
});

describe("live Q&A mode", () => {
  it("is chosen per session in the form: moderated sessions hold new questions until approved", async () => {
    const { event, organiser, hall } = await makeAgendaEvent({ agendaPublished: true });
    const attendee = await registeredAttendee(event, "Quinn Questioner");
    const created = await createSession(
      organiser,
      event.id,
      sessionForm({ title: "Panel", startsAt: "2026-06-10T10:00", endsAt: "2026-06-10T11:00", roomId: hall.id }),
    );
    expect(created.session.qaMode).toBe("OPEN"); // the default when the form does not say
    await publishAgenda(organiser, event.id);
    const asker = attendee;
    expect((await askQuestion(asker, { sessionId: created.session.id, body: "Open question" })).question.status).toBe("VISIBLE");

    const updated = await updateSession(
      organiser,
      event.id,
      created.session.id,
      sessionForm({
        title: "Panel",
        startsAt: "2026-06-10T10:00",
        endsAt: "2026-06-10T11:00",
        roomId: hall.id,
        qaMode: "PREMODERATED",
        version: String(created.session.version),
      }),
    );
    expect(updated.session.qaMode).toBe("PREMODERATED");
    expect(updated.session.sequence).toBe(0); // calendars do not show it
    expect((await askQuestion(asker, { sessionId: created.session.id, body: "Held question" })).question.status).toBe("PENDING");

    const invalid = await refusal(
      updateSession(
        organiser,
        event.id,
        created.session.id,
        sessionForm({
          title: "Panel",
          startsAt: "2026-06-10T10:00",
          endsAt: "2026-06-10T11:00",
          qaMode: "ANARCHY",
          version: String(updated.session.version),
        }),
      ),
    );
    expect(invalid.fieldErrors?.qaMode).toBe("Choose how questions are moderated.");
  });
});
