// Organisers creating and running events: form validation, unique slugs under concurrency,
// who may act, optimistic locking, and what attendees are told (and when they are not).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DomainError } from "~/domain/kernel/errors";
import { parseEventInput, slugify } from "~/domain/events/event-input";
import {
  cancelEvent,
  createEvent,
  deleteDraftEvent,
  getEventSettings,
  listMyEvents,
  publishEvent,
  updateEvent,
  versionOf,
} from "~/domain/events/manage.server";
import { eventDownload } from "~/domain/calendar/feeds.server";
import { db } from "~/platform/db.server";
import { makeRegistration, makeTeamMember, makeTicketType, makeUser } from "../support/factories";
import { refusal } from "../support/refusal";

function form(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    title: "Lighthouse Cities Mobility Lab",
    kind: "WORKSHOP",
    summary: "Two days on shared mobility hubs with the lighthouse cities.",
    description: "Site visits and working groups.",
    mode: "IN_PERSON",
    timeZone: "Europe/Paris",
    startsAt: "2030-06-10T09:00",
    endsAt: "2030-06-11T17:30",
    venueName: "Halle Pajol",
    venueAddress: "20 Esplanade Nathalie Sarraute",
    city: "Paris",
    country: "fr",
    onlineUrl: "",
    themes: ["MOBILITY", "ENERGY"],
    ...overrides,
  };
}

async function organiser() {
  return makeUser({ name: "Organiser", roles: ["ATTENDEE", "ORGANISER"] });
}

async function registrant(
  eventId: string,
  ticketTypeId: string,
  status: "CONFIRMED" | "WAITLISTED" | "CANCELLED" | "PENDING_PAYMENT" = "CONFIRMED",
  paid = false,
) {
  const user = await makeUser({ name: "Attendee" });
  await makeRegistration(user, { id: ticketTypeId, eventId }, { status, paymentStatus: paid ? "PAID" : "NONE" });
  return user;
}

async function publishedWithPeople() {
  const owner = await organiser();
  const { slug, id } = await createEvent(owner, form({ title: `Published ${randomUUID().slice(0, 6)}` }));
  const ticket = await makeTicketType(id, { capacity: 50 });
  await publishEvent(owner, slug);
  const confirmed = await registrant(id, ticket.id, "CONFIRMED", true);
  const waiting = await registrant(id, ticket.id, "WAITLISTED");
  const gone = await registrant(id, ticket.id, "CANCELLED");
  return { owner, slug, id, ticket, confirmed, waiting, gone };
}

async function outboxFor(email: string) {
  return db().outboxEmail.findMany({ where: { toAddress: email }, orderBy: { createdAt: "asc" } });
}

describe("the event form", () => {
  it("reads local times in the chosen zone and upper-cases the country", () => {
    const parsed = parseEventInput(form());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data.startsAt.toISOString()).toBe("2030-06-10T07:00:00.000Z");
    expect(parsed.data.country).toBe("FR");
    expect(parsed.data.themes).toEqual(["MOBILITY", "ENERGY"]);
    expect(parsed.data.onlineUrl).toBeNull();
  });

  it("gives one message per field: end before start, bad zone, skipped time, missing venue, javascript: link", () => {
    const endBefore = parseEventInput(form({ startsAt: "2030-06-10T18:00", endsAt: "2030-06-10T09:00" }));
    expect(endBefore).toEqual({ ok: false, fieldErrors: { endsAt: "The event must end after it starts." } });

    const badZone = parseEventInput(form({ timeZone: "Europe/Atlantis" }));
    expect(badZone.ok).toBe(false);
    if (!badZone.ok) expect(badZone.fieldErrors.timeZone).toBe("Choose a time zone from the list.");

    // 29 March 2026, 02:30 never happens in Paris: clocks go from 02:00 to 03:00.
    const skipped = parseEventInput(form({ startsAt: "2026-03-29T02:30", endsAt: "2026-03-29T10:00" }));
    expect(skipped.ok).toBe(false);
    if (!skipped.ok) expect(skipped.fieldErrors.startsAt).toMatch(/does not exist in Europe\/Paris/);

    const noVenue = parseEventInput(form({ venueName: "", city: "", country: "" }));
    expect(noVenue.ok).toBe(false);
    if (!noVenue.ok) expect(Object.keys(noVenue.fieldErrors).sort()).toEqual(["city", "country", "venueName"]);

    const script = parseEventInput(form({ mode: "ONLINE", onlineUrl: "javascript:alert(1)" }));
    expect(script.ok).toBe(false);
    if (!script.ok) expect(script.fieldErrors.onlineUrl).toMatch(/https:\/\//);

    const onlineWithoutLink = parseEventInput(form({ mode: "ONLINE" }));
    expect(onlineWithoutLink.ok).toBe(false);
    if (!onlineWithoutLink.ok) expect(onlineWithoutLink.fieldErrors.onlineUrl).toBeDefined();

    const longSummary = parseEventInput(form({ summary: "x".repeat(281), country: "XX", kind: "PARTY", themes: ["NOPE"] }));
    expect(longSummary.ok).toBe(false);
    if (!longSummary.ok) expect(Object.keys(longSummary.fieldErrors).sort()).toEqual(["country", "kind", "summary", "themes"]);
  });

  it("drops the venue of an online event and the link of an in-person one", () => {
    const online = parseEventInput(form({ mode: "ONLINE", onlineUrl: "https://meet.example.eu/lab" }));
    expect(online.ok && online.data.venueName).toBeNull();
    const inPerson = parseEventInput(form({ onlineUrl: "https://meet.example.eu/lab" }));
    expect(inPerson.ok && inPerson.data.onlineUrl).toBeNull();
  });

  it("makes ASCII slugs", () => {
    expect(slugify("Lisboa: Mobilidade & Dados — Março")).toBe("lisboa-mobilidade-dados-marco");
    expect(slugify("Göteborg Straße Łódź")).toBe("goteborg-strasse-lodz");
    expect(slugify("!!!")).toBe("event");
  });
});

describe("creating events", () => {
  it("creates a draft with its creator as owner, and refuses bad input without writing", async () => {
    const owner = await organiser();
    const created = await createEvent(owner, form({ title: "Créer la ville: Paris" }));
    expect(created.slug).toBe("creer-la-ville-paris");
    const event = await db().event.findUniqueOrThrow({ where: { id: created.id }, include: { organisers: true } });
    expect(event).toMatchObject({ status: "DRAFT", createdById: owner.id, country: "FR", timeZone: "Europe/Paris", sequence: 0 });
    expect(event.organisers).toEqual([expect.objectContaining({ userId: owner.id, role: "OWNER" })]);

    const before = await db().event.count();
    const error = await refusal(createEvent(owner, form({ endsAt: "2030-06-09T09:00" })));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toEqual({ endsAt: "The event must end after it starts." });
    expect(await db().event.count()).toBe(before);
  });

  it("gives ten concurrent creates of one title ten different slugs", async () => {
    const owner = await organiser();
    const results = await Promise.all(Array.from({ length: 10 }, () => createEvent(owner, form({ title: "Energy Communities Summit" }))));
    const slugs = results.map((r) => r.slug).sort();
    expect(new Set(slugs).size).toBe(10);
    expect(slugs).toContain("energy-communities-summit");
    for (let n = 2; n <= 10; n++) expect(slugs).toContain(`energy-communities-summit-${n}`);
    expect(await db().eventOrganiser.count({ where: { userId: owner.id, role: "OWNER" } })).toBe(10);
  });

  it("lets only organisers and admins create", async () => {
    const attendee = await makeUser({ name: "Attendee" });
    expect((await refusal(createEvent(attendee, form()))).code).toBe("FORBIDDEN");
    const admin = await makeUser({ name: "Admin", roles: ["ADMIN"] });
    await expect(createEvent(admin, form({ title: "Admin's event" }))).resolves.toMatchObject({ slug: "admin-s-event" });
  });
});

describe("who may change an event", () => {
  it("refuses an attendee and the organiser of another event, allows an admin", async () => {
    const { slug, id } = await createEvent(await organiser(), form({ title: "Private draft" }));
    const version = versionOf((await db().event.findUniqueOrThrow({ where: { id } })).updatedAt);
    const attendee = await makeUser({ name: "Attendee" });
    const other = await organiser();
    await createEvent(other, form({ title: "Someone else's" }));

    for (const stranger of [attendee, other]) {
      expect(["NOT_FOUND", "FORBIDDEN"]).toContain((await refusal(getEventSettings(stranger, slug))).code);
      expect(["NOT_FOUND", "FORBIDDEN"]).toContain((await refusal(updateEvent(stranger, slug, version, form({ title: "Hijacked" })))).code);
      expect(["NOT_FOUND", "FORBIDDEN"]).toContain((await refusal(publishEvent(stranger, slug))).code);
    }
    // A door-staff member of this event is not a manager either.
    await makeTeamMember(id, attendee.id, "CHECKIN");
    expect((await refusal(updateEvent(attendee, slug, version, form({ title: "Hijacked" })))).code).toBe("NOT_FOUND");
    expect((await db().event.findUniqueOrThrow({ where: { id } })).title).toBe("Private draft");

    const admin = await makeUser({ name: "Admin", roles: ["ADMIN"] });
    await updateEvent(admin, slug, version, form({ title: "Renamed by admin" }));
    expect((await db().event.findUniqueOrThrow({ where: { id } })).title).toBe("Renamed by admin");
  });

  it("lists an organiser's events with their role; refuses people with no role at all", async () => {
    const owner = await organiser();
    const { id } = await createEvent(owner, form({ title: "Listed event" }));
    const helper = await makeUser({ name: "Helper" });
    expect((await refusal(listMyEvents(helper))).code).toBe("FORBIDDEN");
    await makeTeamMember(id, helper.id, "CHECKIN");
    const mine = await listMyEvents(helper);
    expect(mine.upcoming).toEqual([expect.objectContaining({ id, role: "CHECKIN", canManage: false })]);
    expect((await listMyEvents(owner)).upcoming).toEqual([expect.objectContaining({ id, role: "OWNER", canManage: true })]);
  });
});

describe("saving settings", () => {
  it("lets exactly one of two edits from the same version win", async () => {
    const owner = await organiser();
    const { slug, id } = await createEvent(owner, form({ title: "Race" }));
    const version = versionOf((await db().event.findUniqueOrThrow({ where: { id } })).updatedAt);
    const results = await Promise.allSettled([
      updateEvent(owner, slug, version, form({ title: "Race", summary: "First edit" })),
      updateEvent(owner, slug, version, form({ title: "Race", summary: "Second edit" })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(DomainError);
    expect(rejected.reason.code).toBe("STALE_VERSION");
    expect(rejected.reason.message).toMatch(/Changed by someone else — reload/);
    const summary = (await db().event.findUniqueOrThrow({ where: { id } })).summary;
    expect(["First edit", "Second edit"]).toContain(summary);

    // A stale save later writes nothing either.
    const stale = await refusal(updateEvent(owner, slug, version, form({ title: "Race", summary: "Late" })));
    expect(stale.code).toBe("STALE_VERSION");
    expect((await db().event.findUniqueOrThrow({ where: { id } })).summary).toBe(summary);
  });

  it("bumps the sequence and emails active registrants only for changes of time or place", async () => {
    const { owner, slug, id, confirmed, waiting, gone } = await publishedWithPeople();
    const start = await db().event.findUniqueOrThrow({ where: { id } });
    expect(start.sequence).toBe(1); // publishing is a change of status

    // Summary and themes only: nothing for calendars, nobody emailed.
    const quiet = await updateEvent(owner, slug, versionOf(start.updatedAt), form({ title: start.title, summary: "New words", themes: ["DATA_PLATFORMS"] }));
    expect(quiet).toMatchObject({ sequenceBumped: false, notified: 0 });
    expect((await db().event.findUniqueOrThrow({ where: { id } })).sequence).toBe(1);

    // A title change moves calendars on but is not worth an email.
    const renamed = await updateEvent(owner, slug, quiet.version, form({ title: `${start.title} (renamed)` }));
    expect(renamed).toMatchObject({ sequenceBumped: true, notified: 0 });

    // Moving it: one email each to the two active registrants, none to the cancelled one.
    const moved = await updateEvent(
      owner,
      slug,
      renamed.version,
      form({ title: `${start.title} (renamed)`, startsAt: "2030-06-10T10:00", endsAt: "2030-06-11T17:30" }),
    );
    expect(moved).toMatchObject({ sequenceBumped: true, notified: 2 });
    const after = await db().event.findUniqueOrThrow({ where: { id } });
    expect(after.sequence).toBe(3);
    const mails = await outboxFor(confirmed.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].dedupeKey).toBe(`event-changed:${id}:3:${confirmed.id}`);
    expect(mails[0].subject).toMatch(/^Changed: .* — new time$/);
    expect(mails[0].textBody).toContain("When, before: Mon, 10 Jun 2030, 09:00 – Tue, 11 Jun 2030, 17:30 CEST");
    expect(mails[0].textBody).toContain("When, now: Mon, 10 Jun 2030, 10:00 – Tue, 11 Jun 2030, 17:30 CEST");
    expect(await outboxFor(waiting.email)).toHaveLength(1);
    expect(await outboxFor(gone.email)).toHaveLength(0);

    // Calendars see the event's new sequence.
    const feed = await eventDownload(slug);
    expect(feed?.body).toContain("SEQUENCE:3");

    // Moving the venue is a change of place.
    const venue = await updateEvent(
      owner,
      slug,
      moved.version,
      form({ title: `${start.title} (renamed)`, startsAt: "2030-06-10T10:00", venueName: "Le Centquatre" }),
    );
    expect(venue.notified).toBe(2);
    const second = await outboxFor(confirmed.email);
    expect(second).toHaveLength(2);
    expect(second[1].textBody).toContain("Where, now: Le Centquatre");
  });

  it("changes a draft without telling anyone", async () => {
    const owner = await organiser();
    const { slug, id } = await createEvent(owner, form({ title: "Quiet draft" }));
    const ticket = await makeTicketType(id, { capacity: 10 });
    const someone = await registrant(id, ticket.id);
    const version = versionOf((await db().event.findUniqueOrThrow({ where: { id } })).updatedAt);
    const result = await updateEvent(owner, slug, version, form({ title: "Quiet draft", startsAt: "2030-06-10T11:00" }));
    expect(result.notified).toBe(0);
    expect(await outboxFor(someone.email)).toHaveLength(0);
  });
});

describe("publishing and cancelling", () => {
  it("refuses to publish without a ticket type, then publishes", async () => {
    const owner = await organiser();
    const { slug, id } = await createEvent(owner, form({ title: "Needs tickets" }));
    const error = await refusal(publishEvent(owner, slug));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/ticket type/);
    await makeTicketType(id, { capacity: 10 });
    await publishEvent(owner, slug);
    const event = await db().event.findUniqueOrThrow({ where: { id } });
    expect(event.status).toBe("PUBLISHED");
    expect(event.publishedAt).not.toBeNull();
  });

  it("cancels once, emails every active registrant, leaves registrations alone, and is final", async () => {
    const { owner, slug, id, confirmed, waiting, gone } = await publishedWithPeople();
    const result = await cancelEvent(owner, slug, "The venue flooded. We will announce a new date.");
    expect(result).toEqual({ notified: 2, paidRegistrations: 1 });
    const event = await db().event.findUniqueOrThrow({ where: { id } });
    expect(event).toMatchObject({ status: "CANCELLED", sequence: 2 });
    expect(event.cancelledAt).not.toBeNull();
    const [mail] = await outboxFor(confirmed.email);
    expect(mail.subject).toMatch(/^Cancelled: /);
    expect(mail.textBody).toContain("> The venue flooded.");
    expect(mail.textBody).toContain("will refund it");
    expect((await outboxFor(waiting.email))[0].textBody).not.toContain("will refund it");
    expect(await outboxFor(gone.email)).toHaveLength(0);
    expect(await db().registration.count({ where: { eventId: id, status: { in: ["CONFIRMED", "WAITLISTED"] } } })).toBe(2);

    expect((await refusal(cancelEvent(owner, slug, ""))).code).toBe("CONFLICT");
    expect((await refusal(publishEvent(owner, slug))).code).toBe("CONFLICT");
    const edit = await refusal(updateEvent(owner, slug, versionOf(event.updatedAt), form({ title: "Back from the dead" })));
    expect(edit.code).toBe("CONFLICT");
    expect(await outboxFor(confirmed.email)).toHaveLength(1);
  });

  it("does not cancel a draft", async () => {
    const owner = await organiser();
    const { slug } = await createEvent(owner, form({ title: "Draft to cancel" }));
    expect((await refusal(cancelEvent(owner, slug, ""))).code).toBe("CONFLICT");
  });

  it("deletes a draft without registrations, and nothing else", async () => {
    const owner = await organiser();
    const { slug, id } = await createEvent(owner, form({ title: "Draft to delete" }));
    const ticket = await makeTicketType(id, { capacity: 10 });
    const stranger = await makeUser({ name: "Stranger" });
    expect((await refusal(deleteDraftEvent({ id: stranger.id, roles: stranger.roles }, slug))).code).toBe("NOT_FOUND");
    await deleteDraftEvent(owner, slug);
    expect(await db().event.count({ where: { id } })).toBe(0);
    expect(await db().ticketType.count({ where: { id: ticket.id } })).toBe(0);

    const tested = await createEvent(owner, form({ title: "Draft with a test registration" }));
    const testTicket = await makeTicketType(tested.id, { capacity: 10 });
    await registrant(tested.id, testTicket.id);
    expect((await refusal(deleteDraftEvent(owner, tested.slug))).code).toBe("CONFLICT");
    const published = await publishedWithPeople();
    expect((await refusal(deleteDraftEvent(published.owner, published.slug))).code).toBe("CONFLICT");
  });
});
