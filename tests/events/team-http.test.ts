// The Team page over HTTP, as a browser without JavaScript uses it: CSRF, who may enter, field
// messages with 4xx, and a check-in person added through the page who can then open check-in
// but not the registrations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed";
import { startTestServer } from "../support/app-server";
import { signedInClient } from "../support/http-client";
import { db } from "~/platform/db.server";

const SLUG = "positive-energy-districts-workshop-vienna";
const TEAM = `/organise/events/${SLUG}/team`;
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

describe("the Team page over HTTP", () => {
  it("is for the event's managers: attendees get 403, forged posts 403, an unknown email 400 with its message", async () => {
    const attendee = await signedIn("attendee@scale-events.demo");
    expect((await attendee.get(TEAM)).status).toBe(403);
    expect((await attendee.submitForm(TEAM, { intent: "add", email: "expert@scale-events.demo", role: "ORGANISER" })).status).toBe(403);

    const organiser = await signedIn("organiser@scale-events.demo");
    const page = await organiser.get(TEAM);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Jonas Weber");
    expect(html).toContain("organiser@scale-events.demo");
    expect(html).toContain("Check-in staff");
    expect(html).toMatch(/href="\/organise\/events\/[^"]+\/team"/);

    const before = await db().eventOrganiser.count({ where: { event: { slug: SLUG } } });
    const forged = await organiser.submitForm(TEAM, { intent: "add", email: "expert@scale-events.demo", role: "ORGANISER" }, { csrf: false });
    expect(forged.status).toBe(403);

    const unknown = await organiser.submitForm(TEAM, { intent: "add", email: "nobody.at.all@example.eu", role: "ORGANISER" });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("No account uses that email — ask them to sign up first");

    const invalid = await organiser.submitForm(TEAM, { intent: "add", email: "not-an-email", role: "BOSS" });
    expect(invalid.status).toBe(400);
    const invalidHtml = await invalid.text();
    expect(invalidHtml).toContain("Enter a valid email address");
    expect(invalidHtml).toContain("Choose a role.");

    const badId = await organiser.submitForm(TEAM, { intent: "remove", userId: "../../etc" });
    expect(badId.status).toBe(404);
    const noIntent = await organiser.submitForm(TEAM, { email: "x@example.eu" });
    expect(noIntent.status).toBe(400);

    // The last owner stays: 409, not a 500.
    const owner = await db().user.findUniqueOrThrow({ where: { email: "organiser@scale-events.demo" } });
    const leave = await organiser.submitForm(TEAM, { intent: "remove", userId: owner.id });
    expect(leave.status).toBe(409);
    expect(await leave.text()).toContain("at least one owner");
    expect(await db().eventOrganiser.count({ where: { event: { slug: SLUG } } })).toBe(before);
  });

  it("adds a check-in person through the page, who can then open check-in but not registrations", async () => {
    const organiser = await signedIn("organiser@scale-events.demo");
    const added = await organiser.submitForm(TEAM, { intent: "add", email: "Attendee@Scale-Events.demo", role: "CHECKIN" });
    expect(added.status).toBe(302);
    expect(added.headers.get("location")).toContain(`${TEAM}?added=`);
    expect((await (await organiser.get(added.headers.get("location")!)).text()).replace(/<!-- -->/g, "")).toContain(
      "Tomás Ferreira was added as check-in staff",
    );
    const email = await db().outboxEmail.findFirstOrThrow({ where: { toAddress: "attendee@scale-events.demo", subject: { contains: "team" } } });
    expect(email.textBody).toContain(`/organise/events/${SLUG}/check-in`);

    const twice = await organiser.submitForm(TEAM, { intent: "add", email: "attendee@scale-events.demo", role: "ORGANISER" });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("already on the team");

    const door = await signedIn("attendee@scale-events.demo");
    expect((await door.get(`/organise/events/${SLUG}/check-in`)).status).toBe(200);
    expect((await door.get(`/organise/events/${SLUG}/registrations`)).status).toBe(403);
    expect((await door.get(TEAM)).status).toBe(403);

    // Promoted to organiser through the page, then removed: access follows the role.
    const attendee = await db().user.findUniqueOrThrow({ where: { email: "attendee@scale-events.demo" } });
    const promoted = await organiser.submitForm(TEAM, { intent: "role", userId: attendee.id, role: "ORGANISER" });
    expect(promoted.status).toBe(302);
    expect((await door.get(`/organise/events/${SLUG}/registrations`)).status).toBe(200);
    const ownerGrant = await door.submitForm(TEAM, { intent: "role", userId: attendee.id, role: "OWNER" });
    expect(ownerGrant.status).toBe(403);
    const removed = await organiser.submitForm(TEAM, { intent: "remove", userId: attendee.id });
    expect(removed.headers.get("location")).toBe(`${TEAM}?removed=1`);
    expect((await door.get(`/organise/events/${SLUG}/check-in`)).status).toBe(403);
  });
});
