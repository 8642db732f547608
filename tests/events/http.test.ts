// The organisers' event pages over HTTP, as a browser without JavaScript uses them: CSRF,
// field messages with 400, who may enter, a stale save refused with 409, and an event that goes
// from the create form to /organise and, once published, to the public catalogue.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed";
import { startTestServer } from "../support/app-server";
import { makeTicketType } from "../support/factories";
import { TestClient, signedInClient } from "../support/http-client";
import { db } from "~/platform/db.server";

let server: Awaited<ReturnType<typeof startTestServer>>;

const signedIn = (email: string) => signedInClient(server.baseUrl, email);

const FIELDS = {
  title: "Tartu Data Platforms Clinic",
  kind: "WORKSHOP",
  summary: "A clinic on open urban data platforms for fellow cities.",
  description: "Bring your city's data questions.",
  mode: "HYBRID",
  timeZone: "Europe/Tallinn",
  startsAt: "2031-05-12T09:30",
  endsAt: "2031-05-12T16:00",
  venueName: "Tartu City Hall",
  venueAddress: "Raekoja plats 1",
  city: "Tartu",
  country: "EE",
  onlineUrl: "https://meet.example.eu/tartu-clinic",
  themes: "DATA_PLATFORMS",
};

beforeAll(async () => {
  process.env.AUTH_RATE_LIMIT = "50";
  await seedDemoData();
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe("organiser pages over HTTP", () => {
  it("sends anonymous visitors to sign in and refuses attendees with 403", async () => {
    const anonymous = new TestClient(server.baseUrl);
    const list = await anonymous.get("/organise");
    expect(list.status).toBe(302);
    expect(list.headers.get("location")).toMatch(/^\/signin\?redirectTo=%2Forganise/);
    expect((await anonymous.get("/organise/events/new")).status).toBe(302);

    const attendee = await signedIn("attendee@scale-events.demo");
    expect((await attendee.get("/organise")).status).toBe(403);
    expect((await attendee.get("/organise/events/new")).status).toBe(403);
    const before = await db().event.count();
    const post = await attendee.submitForm("/organise/events/new", FIELDS);
    expect(post.status).toBe(403);
    expect(await db().event.count()).toBe(before);
    // The header offers "Organise" to organisers only.
    expect(await (await attendee.get("/events")).text()).not.toContain('href="/organise"');
  });

  it("refuses a forged form (403) and bad input (400, with messages and the values typed)", async () => {
    const organiser = await signedIn("organiser@scale-events.demo");
    const before = await db().event.count();
    const forged = await organiser.submitForm("/organise/events/new", FIELDS, { csrf: false });
    expect(forged.status).toBe(403);

    const bad = await organiser.submitForm("/organise/events/new", {
      ...FIELDS,
      title: "Clinic with a <b>bold</b> title",
      endsAt: "2031-05-12T08:00",
      onlineUrl: "javascript:alert(1)",
      country: "",
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("The event must end after it starts.");
    expect(html).toContain("Enter a full web address starting with https://.");
    expect(html).toContain("Enter the country&#x27;s two-letter code");
    expect(html).toContain("Clinic with a &lt;b&gt;bold&lt;/b&gt; title");
    expect(html).not.toContain("<b>bold</b>");

    const skipped = await organiser.submitForm("/organise/events/new", { ...FIELDS, timeZone: "Europe/Paris", startsAt: "2031-03-30T02:15" });
    expect(skipped.status).toBe(400);
    expect(await skipped.text()).toContain("does not exist in Europe/Paris");
    expect(await db().event.count()).toBe(before);
  });

  it("creates a draft that shows on /organise, edits it, refuses a stale save, and publishes it to the catalogue", async () => {
    const organiser = await signedIn("organiser@scale-events.demo");
    expect(await (await organiser.get("/events")).text()).toContain('href="/organise"');

    const created = await organiser.submitForm("/organise/events/new", FIELDS);
    expect(created.status).toBe(302);
    expect(created.headers.get("location")).toBe("/organise/events/tartu-data-platforms-clinic/settings?created=1");
    const event = await db().event.findUniqueOrThrow({ where: { slug: "tartu-data-platforms-clinic" }, include: { organisers: true } });
    expect(event).toMatchObject({ status: "DRAFT", mode: "HYBRID", timeZone: "Europe/Tallinn", themes: ["DATA_PLATFORMS"] });
    expect(event.startsAt.toISOString()).toBe("2031-05-12T06:30:00.000Z");

    const mine = await (await organiser.get("/organise")).text();
    expect(mine).toContain("Tartu Data Platforms Clinic");
    expect(mine).toContain("Draft");
    expect(mine).toContain("Create an event");

    const settingsPath = "/organise/events/tartu-data-platforms-clinic/settings";
    const page = await organiser.get(`${settingsPath}?created=1`);
    expect(page.status).toBe(200);
    const settingsHtml = await page.text();
    expect(settingsHtml).toContain("Event created as a draft");
    expect(settingsHtml).toContain('value="2031-05-12T09:30"');
    const version = /name="version" value="([^"]+)"/.exec(settingsHtml)![1];

    // Somebody else (another tab) saves first; this form is now stale.
    const first = await organiser.submitForm(settingsPath, { ...FIELDS, version, summary: "Edited in the first tab." });
    expect(first.status).toBe(302);
    const stale = await organiser.submitForm(settingsPath, { ...FIELDS, version, summary: "Edited in the second tab." });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Changed by someone else — reload");
    expect((await db().event.findUniqueOrThrow({ where: { id: event.id } })).summary).toBe("Edited in the first tab.");

    // An attendee cannot open the settings of a draft, nor of a published event.
    const attendee = await signedIn("attendee@scale-events.demo");
    expect((await attendee.get(settingsPath)).status).toBe(404);

    // Publishing needs a ticket type.
    const refused = await organiser.submitForm(settingsPath, { intent: "publish" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Add at least one ticket type before publishing");
    expect(await (await organiser.get("/events")).text()).not.toContain("Tartu Data Platforms Clinic");

    await makeTicketType(event, { name: "Participant", priceCents: 0, capacity: 40 });
    const published = await organiser.submitForm(settingsPath, { intent: "publish" });
    expect(published.status).toBe(302);
    expect(published.headers.get("location")).toBe(`${settingsPath}?published=1`);
    const catalogue = await (await new TestClient(server.baseUrl).get("/events")).text();
    expect(catalogue).toContain("Tartu Data Platforms Clinic");
    expect((await attendee.get(settingsPath)).status).toBe(403);
    expect((await attendee.submitForm(settingsPath, { intent: "cancel" })).status).toBe(403);

    // Cancelling: a confirmation page first, then the cancel itself.
    const confirm = await (await organiser.get(`${settingsPath}?confirm=cancel`)).text();
    expect(confirm).toContain("Cancel this event?");
    const cancelled = await organiser.submitForm(settingsPath, { intent: "cancel", message: "Postponed to autumn." });
    expect(cancelled.status).toBe(302);
    expect((await db().event.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("CANCELLED");
  });

  it("answers 404 for an unknown event's settings", async () => {
    const organiser = await signedIn("organiser@scale-events.demo");
    expect((await organiser.get("/organise/events/no-such-event/settings")).status).toBe(404);
  });
});
