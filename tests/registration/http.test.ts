// The registration pages over HTTP, as a browser without JavaScript uses them: CSRF, field
// errors as 4xx, tampered ids refused, the ticket and its calendar file, organiser scoping,
// the CSV export and check-in counted once.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed";
import { startTestServer } from "../support/app-server";
import { makeRegistrations, makeTicketType, makeUsers } from "../support/factories";
import { signedInClient } from "../support/http-client";
import { db } from "~/platform/db.server";

const SLUG = "positive-energy-districts-workshop-vienna";
let server: Awaited<ReturnType<typeof startTestServer>>;

const signedIn = (email: string) => signedInClient(server.baseUrl, email);

beforeAll(async () => {
  process.env.AUTH_RATE_LIMIT = "50";
  await seedDemoData();
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe("registering over HTTP", () => {
  it("walks an attendee from the form to the ticket, refusing bad submissions with 4xx and writing nothing", async () => {
    const anonymous = await fetch(`${server.baseUrl}/events/${SLUG}/register`);
    expect(anonymous.status).toBe(200);
    expect(await anonymous.text()).toContain("to register");

    const attendee = await signedIn("attendee@scale-events.demo");
    const inPerson = await db().ticketType.findFirstOrThrow({ where: { name: "In person", event: { slug: SLUG } } });
    const othersTicket = await db().ticketType.findFirstOrThrow({ where: { event: { slug: { not: SLUG } } } });
    const before = await db().registration.count();

    const missing = await attendee.submitForm(`/events/${SLUG}/register`, {});
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Please choose a ticket.");

    const tampered = await attendee.submitForm(`/events/${SLUG}/register`, { ticketTypeId: othersTicket.id });
    expect(tampered.status).toBe(404);

    const forged = await attendee.submitForm(`/events/${SLUG}/register`, { ticketTypeId: inPerson.id }, { csrf: false });
    expect(forged.status).toBe(403);
    expect(await db().registration.count()).toBe(before);

    const ok = await attendee.submitForm(`/events/${SLUG}/register`, { ticketTypeId: inPerson.id });
    expect(ok.status).toBe(302);
    const location = ok.headers.get("location")!;
    expect(location).toMatch(/^\/my\/registrations\/[0-9a-f-]{36}\?welcome=1$/);
    const registration = await db().registration.findFirstOrThrow({ where: { ticketTypeId: inPerson.id, user: { email: "attendee@scale-events.demo" } } });

    const ticket = await attendee.get(location);
    expect(ticket.status).toBe(200);
    const html = await ticket.text();
    expect(html).toContain(registration.ticketCode);
    expect(html).toContain("<svg");

    const ics = await attendee.get(`/my/registrations/${registration.id}/ticket.ics`);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    expect(await ics.text()).toContain(`UID:registration-${registration.id}@`);

    const again = await attendee.submitForm(`/events/${SLUG}/register`, { ticketTypeId: inPerson.id });
    expect(again.status).toBe(409);

    // Someone else cannot see this ticket.
    const stranger = await signedIn("investor@scale-events.demo");
    expect((await stranger.get(`/my/registrations/${registration.id}`)).status).toBe(404);
    expect((await stranger.get(`/my/registrations/${registration.id}/ticket.ics`)).status).toBe(404);
  });
});

describe("waiting list over HTTP", () => {
  it("offers a freed seat, shows the offer page and claims it once", async () => {
    const event = await db().event.findFirstOrThrow({ where: { slug: SLUG } });
    const small = await makeTicketType(event, { name: "Lab seat", capacity: 1, position: 9 });
    const holder = await signedIn("investor2@scale-events.demo");
    const waiter = await signedIn("expert@scale-events.demo");
    expect((await holder.submitForm(`/events/${SLUG}/register`, { ticketTypeId: small.id })).status).toBe(302);
    const waitlisted = await waiter.submitForm(`/events/${SLUG}/register`, { ticketTypeId: small.id });
    const page = await (await waiter.get(waitlisted.headers.get("location")!)).text();
    expect(page).toContain("<strong>number 1</strong> on the waiting list");

    const held = await db().registration.findFirstOrThrow({ where: { ticketTypeId: small.id, status: "CONFIRMED" } });
    const cancel = await holder.submitForm(`/my/registrations/${held.id}/cancel`, { confirm: "yes" });
    expect(cancel.headers.get("location")).toBe("/my/registrations?cancelled=1");
    const offered = await db().registration.findFirstOrThrow({ where: { ticketTypeId: small.id, status: "OFFERED" } });
    expect((await waiter.get(`/offers/${offered.id}`)).status).toBe(200);
    expect((await holder.get(`/offers/${offered.id}`)).status).toBe(404);
    const claim = await waiter.submitForm(`/offers/${offered.id}`, { intent: "claim" });
    expect(claim.headers.get("location")).toBe(`/my/registrations/${offered.id}?welcome=1`);
    const twice = await waiter.submitForm(`/offers/${offered.id}`, { intent: "claim" });
    expect(twice.status).toBe(409);
    expect((await db().registration.findUniqueOrThrow({ where: { id: offered.id } })).status).toBe("CONFIRMED");
  });
});

describe("organiser pages over HTTP", () => {
  it("are for the event's organisers only; check-in counts once; the CSV downloads", async () => {
    const attendee = await signedIn("attendee@scale-events.demo");
    expect((await attendee.get(`/organise/events/${SLUG}/registrations`)).status).toBe(403);
    expect((await attendee.get(`/organise/events/${SLUG}/registrations.csv`)).status).toBe(403);

    const organiser = await signedIn("organiser@scale-events.demo");
    for (const page of ["dashboard", "registrations", "check-in", "tickets", "questions"]) {
      const response = await organiser.get(`/organise/events/${SLUG}/${page}`);
      expect(response.status, page).toBe(200);
    }
    const csv = await organiser.get(`/organise/events/${SLUG}/registrations.csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const body = await csv.text();
    expect(body).toContain("attendee@scale-events.demo");

    const registration = await db().registration.findFirstOrThrow({
      where: { user: { email: "attendee@scale-events.demo" }, event: { slug: SLUG }, status: "CONFIRMED" },
    });
    const first = await organiser.submitForm(`/organise/events/${SLUG}/check-in`, { code: registration.ticketCode });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain("is checked in");
    const second = await organiser.submitForm(`/organise/events/${SLUG}/check-in`, { code: registration.ticketCode });
    expect(await second.text()).toMatch(/Already checked in at \d{2}:\d{2} by Jonas Weber/);
    const bad = await organiser.submitForm(`/organise/events/${SLUG}/check-in`, { code: "ZZZZZ-ZZZZZ" });
    expect(bad.status).toBe(404);

    // A ticket type with a capacity below the seats taken is refused with a field message.
    const inPerson = await db().ticketType.findFirstOrThrow({ where: { name: "In person", event: { slug: SLUG } } });
    const shrink = await organiser.submitForm(`/organise/events/${SLUG}/tickets/${inPerson.id}`, {
      name: "In person",
      price: "",
      capacity: "0",
      paymentMethods: "INVOICE",
    });
    expect(shrink.status).toBe(400);
  });
});

describe("the organiser's registration list, page by page", () => {
  it("shows 50 rows a page with where the reader is, keeps the filters across pages and clamps pages past the end", async () => {
    const event = await db().event.findUniqueOrThrow({ where: { slug: SLUG }, include: { ticketTypes: { orderBy: { position: "asc" } } } });
    const online = event.ticketTypes[event.ticketTypes.length - 1];
    const users = await makeUsers(70, { prefix: "pager", name: (i) => `Pager Delegate ${String(i).padStart(2, "0")}` });
    await makeRegistrations(users, online, { each: (i) => ({ createdAt: new Date(Date.UTC(2026, 9, 1, 0, i)) }) });
    const organiser = await signedIn("organiser@scale-events.demo");
    const list = `/organise/events/${SLUG}/registrations`;

    const first = await (await organiser.get(`${list}?q=pager+delegate`)).text();
    expect(first).toContain('aria-label="Pages of registrations"');
    expect(first).toContain("1–50 of 70 · page 1 of 2");
    expect(first).toContain("Pager Delegate 69"); // newest first
    expect(first).not.toContain("Pager Delegate 19");
    expect(first).toMatch(/<a[^>]*href="\/organise\/events\/[^"]+\/registrations\?q=pager\+delegate&amp;page=2"[^>]*>Older<\/a>/);

    const second = await (await organiser.get(`${list}?q=pager+delegate&page=2`)).text();
    expect(second).toContain("51–70 of 70 · page 2 of 2");
    expect(second).toContain("Pager Delegate 19");
    expect(second).not.toContain("Pager Delegate 20");
    expect(second).toMatch(/<a[^>]*href="\/organise\/events\/[^"]+\/registrations\?q=pager\+delegate"[^>]*>Newer<\/a>/);

    const past = await organiser.get(`${list}?q=pager+delegate&page=99`);
    expect(past.status).toBe(200);
    expect(await past.text()).toContain("51–70 of 70 · page 2 of 2");
    expect((await organiser.get(`${list}?page=not-a-number`)).status).toBe(200);
  });
});

describe("tampered ids over HTTP", () => {
  const MALFORMED = ["not-a-uuid", "1", "00000000-0000-0000-0000-00000000000g", "%27%20OR%201%3D1"];

  it("answer 404 for a malformed or unknown registration, offer or ticket type — never 500", async () => {
    const attendee = await signedIn("attendee@scale-events.demo");
    const organiser = await signedIn("organiser@scale-events.demo");
    for (const bad of [...MALFORMED, randomUUID()]) {
      expect((await attendee.submitForm(`/offers/${bad}`, { intent: "claim" })).status, `claim ${bad}`).toBe(404);
      expect((await attendee.submitForm(`/offers/${bad}`, { intent: "decline" })).status, `decline ${bad}`).toBe(404);
      expect((await attendee.get(`/offers/${bad}`)).status, `offer page ${bad}`).toBe(404);
      expect((await attendee.submitForm(`/my/registrations/${bad}/cancel`, { confirm: "yes" })).status, `cancel ${bad}`).toBe(404);
      expect((await attendee.get(`/my/registrations/${bad}/cancel`)).status, `cancel page ${bad}`).toBe(404);
      expect((await attendee.get(`/my/registrations/${bad}`)).status, `ticket ${bad}`).toBe(404);
      expect((await attendee.get(`/my/registrations/${bad}/ticket.ics`)).status, `ics ${bad}`).toBe(404);
      expect((await organiser.get(`/organise/events/${SLUG}/tickets/${bad}`)).status, `ticket type ${bad}`).toBe(404);
      const edit = await organiser.submitForm(`/organise/events/${SLUG}/tickets/${bad}`, { name: "Renamed", price: "", capacity: "10" });
      expect(edit.status, `edit ticket type ${bad}`).toBe(404);
    }
  });

  it("refuses registration actions with a malformed registrationId (400) or an unknown one (404)", async () => {
    const organiser = await signedIn("organiser@scale-events.demo");
    const list = `/organise/events/${SLUG}/registrations`;
    for (const intent of ["approve", "reject", "cancel", "invoice-paid", "refunded"]) {
      for (const bad of MALFORMED) {
        expect((await organiser.submitForm(list, { intent, registrationId: bad })).status, `${intent} ${bad}`).toBe(400);
      }
      expect((await organiser.submitForm(list, { intent })).status, `${intent} without id`).toBe(400);
      const unknown = await organiser.submitForm(list, { intent, registrationId: randomUUID() });
      expect([404, 409], `${intent} unknown`).toContain(unknown.status);
    }
    // Ticket codes at the door are text, never ids: anything odd is a 4xx.
    for (const code of ["not-a-code", "'; DROP TABLE x; --", "ZZZZZ-ZZZZZ"]) {
      const response = await organiser.submitForm(`/organise/events/${SLUG}/check-in`, { code });
      expect(response.status, code).toBeGreaterThanOrEqual(400);
      expect(response.status, code).toBeLessThan(500);
    }
  });

  it("requires a well-formed question id for every question action but create", async () => {
    const organiser = await signedIn("organiser@scale-events.demo");
    const page = `/organise/events/${SLUG}/questions`;
    const question = { label: "Your organisation", kind: "SHORT_TEXT" };
    const before = await db().registrationQuestion.findMany({ where: { event: { slug: SLUG } }, orderBy: { id: "asc" } });

    const missing = await organiser.submitForm(page, { intent: "update", ...question });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Which question? Reload the page and try again.");
    for (const intent of ["update", "delete", "up", "down"]) {
      expect((await organiser.submitForm(page, { intent, ...question })).status, `${intent} without id`).toBe(400);
      for (const bad of MALFORMED) {
        expect((await organiser.submitForm(page, { intent, questionId: bad, ...question })).status, `${intent} ${bad}`).toBe(400);
      }
      expect((await organiser.submitForm(page, { intent, questionId: randomUUID(), ...question })).status, `${intent} unknown`).toBe(404);
    }
    expect(await db().registrationQuestion.findMany({ where: { event: { slug: SLUG } }, orderBy: { id: "asc" } })).toEqual(before);
  });
});

describe("hidden-ticket access codes over HTTP", () => {
  it("rate-limits code attempts per person with 429 and Retry-After, revealing nothing past the limit", async () => {
    const event = await db().event.findFirstOrThrow({ where: { slug: SLUG } });
    const hidden = await makeTicketType(event, { name: "Delegation pass", hidden: true, accessCode: "DELEGATION26", position: 20 });
    const guesser = await signedIn("expert@scale-events.demo");
    const page = (code: string) => guesser.get(`/events/${SLUG}/register?code=${encodeURIComponent(code)}`);

    // Without a code nothing is counted.
    for (let i = 0; i < 12; i++) expect((await guesser.get(`/events/${SLUG}/register`)).status).toBe(200);
    const right = await page("delegation26");
    expect(right.status).toBe(200);
    expect(await right.text()).toContain("Delegation pass");
    // The limit is 10 a minute per person; the sliding window may admit a few more when the
    // attempts straddle a minute boundary, never fewer.
    for (let i = 1; i < 10; i++) expect((await page(`GUESS${i}0000`)).status, `attempt ${i + 1}`).toBe(200);
    let refused: Response | null = null;
    for (let i = 0; i < 10 && !refused; i++) {
      const response = await page("DELEGATION26");
      if (response.status === 429) refused = response;
      else expect(response.status).toBe(200);
    }
    expect(refused).not.toBeNull();
    expect(Number(refused!.headers.get("retry-after"))).toBeGreaterThan(0);
    const html = await refused!.text();
    expect(html).toContain("Too many attempts.");
    expect(html).not.toContain("Delegation pass");

    // The form's code field counts too, and is refused before anything is written.
    const before = await db().registration.count({ where: { ticketTypeId: hidden.id } });
    const post = await guesser.submitForm(`/events/${SLUG}/register`, { ticketTypeId: hidden.id, accessCode: "DELEGATION26" });
    expect(post.status).toBe(429);
    expect(Number(post.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await db().registration.count({ where: { ticketTypeId: hidden.id } })).toBe(before);
  });

  it("refuses access codes shorter than six characters in the ticket editor", async () => {
    const organiser = await signedIn("organiser@scale-events.demo");
    const response = await organiser.submitForm(`/organise/events/${SLUG}/tickets`, {
      name: "Press",
      price: "",
      capacity: "5",
      hidden: "on",
      accessCode: "abc",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Use at least 6 characters, so the code cannot be guessed.");
    expect(await db().ticketType.count({ where: { name: "Press" } })).toBe(0);
  });
});
