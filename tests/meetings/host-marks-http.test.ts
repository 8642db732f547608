// Hosts' marks and the host and organiser forms over HTTP, as a browser without JavaScript uses
// them: the investor finds the registered cities on the roadshow page and marks one, the city
// marks back, the scheduler pairs them; bad form input is a 400 with the field's message shown
// next to the field and nothing written. Needs `npm run build` first.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed";
import { confirmStopSchedule, proposeStopSchedule } from "~/domain/meetings/schedule.server";
import { db } from "~/platform/db.server";
import { startTestServer } from "../support/app-server";
import { makeRegistration } from "../support/factories";
import { signedInClient } from "../support/http-client";

const ROADSHOW = "scale-roadshow-investing-in-replication";
let server: Awaited<ReturnType<typeof startTestServer>>;
let eventId = "";
let lisbonId = "";
const ids: Record<string, string> = {};

const signedIn = (email: string) => signedInClient(server.baseUrl, email);

beforeAll(async () => {
  await seedDemoData();
  const event = await db().event.findUniqueOrThrow({ where: { slug: ROADSHOW }, include: { stops: { orderBy: { position: "asc" } }, ticketTypes: true } });
  eventId = event.id;
  lisbonId = event.stops[0].id;
  for (const email of [
    "investor@scale-events.demo",
    "city@scale-events.demo",
    "project@scale-events.demo",
    "attendee@scale-events.demo",
    "organiser@scale-events.demo",
  ]) {
    ids[email] = (await db().user.findUniqueOrThrow({ where: { email } })).id;
  }
  // The city and the project are confirmed for the roadshow; the attendee is not registered.
  await db().registration.deleteMany({
    where: { eventId, userId: { in: [ids["city@scale-events.demo"], ids["project@scale-events.demo"], ids["attendee@scale-events.demo"]] } },
  });
  for (const email of ["city@scale-events.demo", "project@scale-events.demo"]) {
    await makeRegistration(ids[email], event.ticketTypes[0]);
  }
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe("hosts mark cities and projects over HTTP", () => {
  it("the investor sees the registered cities and projects with their organisation and marks the city; the city marks back; the scheduler pairs them", async () => {
    const investor = await signedIn("investor@scale-events.demo");
    const page = await investor.get(`/roadshows/${ROADSHOW}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Cities and projects to meet");
    const cityOrg = await db().membership.findFirstOrThrow({ where: { userId: ids["city@scale-events.demo"] }, include: { organisation: true } });
    const candidates = html.slice(html.indexOf("Cities and projects to meet"));
    expect(candidates).toContain("Maria Kowalska");
    expect(candidates).toContain(cityOrg.organisation.name.replace(/&/g, "&amp;"));
    expect(candidates).toContain("Pekka Virtanen");
    expect(candidates).toContain(`name="toUserId" value="${ids["city@scale-events.demo"]}"`);
    expect(candidates).not.toContain("Tomás Ferreira");

    const mark = await investor.submitForm(`/roadshows/${ROADSHOW}`, { intent: "preference", toUserId: ids["city@scale-events.demo"], level: "MUST_MEET" });
    expect(mark.status).toBe(200);
    expect(await mark.text()).toContain("Preference saved.");
    expect(
      await db().meetingPreference.findFirst({ where: { eventId, fromUserId: ids["investor@scale-events.demo"], toUserId: ids["city@scale-events.demo"] } }),
    ).toMatchObject({ level: "MUST_MEET" });

    const city = await signedIn("city@scale-events.demo");
    expect(
      (await city.submitForm(`/roadshows/${ROADSHOW}`, { intent: "preference", toUserId: ids["investor@scale-events.demo"], level: "WOULD_LIKE" })).status,
    ).toBe(200);

    const organiser = await signedIn("organiser@scale-events.demo");
    const run = await organiser.submitForm(`/organise/roadshows/${ROADSHOW}/stops/${lisbonId}`, { intent: "run-scheduler" });
    expect(run.status).toBe(200);
    const proposalHtml = await run.text();
    expect(proposalHtml).toMatch(/<td>Sofia Lindqvist<\/td><td>Maria Kowalska<\/td><td>2<\/td>/);

    const organiserUser = { id: ids["organiser@scale-events.demo"], roles: ["ORGANISER" as const] };
    const proposal = await proposeStopSchedule(organiserUser, ROADSHOW, lisbonId);
    await confirmStopSchedule(
      organiserUser,
      ROADSHOW,
      lisbonId,
      proposal.rows.map((r) => ({ hostId: r.hostId, guestId: r.guestId, startsAt: r.startsAt, meetingPointId: r.meetingPointId })),
    );
    expect(
      await db().meeting.count({
        where: { eventId, hostId: ids["investor@scale-events.demo"], guestId: ids["city@scale-events.demo"], status: "CONFIRMED", source: "SCHEDULER" },
      }),
    ).toBe(1);
  });

  it("someone not registered (and not hosting) cannot mark: 403 with the reason, nothing written", async () => {
    const before = await db().meetingPreference.count();
    const attendee = await signedIn("attendee@scale-events.demo");
    const html = await (await attendee.get(`/roadshows/${ROADSHOW}`)).text();
    expect(html).not.toContain("Cities and projects to meet");
    const refused = await attendee.submitForm(`/roadshows/${ROADSHOW}`, { intent: "preference", toUserId: ids["city@scale-events.demo"], level: "MUST_MEET" });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Only people registered for this roadshow and its hosts can mark who they want to meet.");
    // A bad level is a 400 with a visible message, not a silent failure.
    const city = await signedIn("city@scale-events.demo");
    const bad = await city.submitForm(`/roadshows/${ROADSHOW}`, { intent: "preference", toUserId: ids["investor@scale-events.demo"], level: "ADORE" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Choose a preference.");
    expect(await db().meetingPreference.count()).toBe(before);
  });
});

describe("host and organiser forms", () => {
  it("a javascript: link for an availability window is a 400 with the field's message next to the field; nothing written", async () => {
    const before = await db().meetingAvailability.count();
    const investor = await signedIn("investor@scale-events.demo");
    const path = `/roadshows/${ROADSHOW}/stops/${lisbonId}/host`;
    const fields = { intent: "publish", start: "2099-01-01T10:00", end: "2099-01-01T12:00", slotMinutes: "30", bufferMinutes: "0" };
    for (const onlineUrl of ["javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>"]) {
      const response = await investor.submitForm(path, { ...fields, onlineUrl });
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toMatch(/<p id="[^"]+-error" class="field__error" role="alert">Enter a full web address starting with https:\/\/\.<\/p>/);
      expect(html).toContain("The window was not published: check the fields marked below.");
    }
    const badLength = await investor.submitForm(path, { ...fields, slotMinutes: "half an hour" });
    expect(badLength.status).toBe(400);
    expect(await badLength.text()).toMatch(/class="field__error" role="alert">Enter the slot length in minutes\.<\/p>/);
    expect(await db().meetingAvailability.count()).toBe(before);
  });

  it("an organiser's online meeting point with a data: link is a 400 with the field's message; nothing written", async () => {
    const before = await db().meetingPoint.count();
    const organiser = await signedIn("organiser@scale-events.demo");
    const response = await organiser.submitForm(`/organise/roadshows/${ROADSHOW}/stops/${lisbonId}`, {
      intent: "add-table",
      name: "Online room",
      onlineUrl: "data:text/html,<script>alert(1)</script>",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/class="field__error" role="alert">Enter a full web address starting with https:\/\/\.<\/p>/);
    expect(await db().meetingPoint.count()).toBe(before);
  });
});
