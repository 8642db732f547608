// The meeting pages over HTTP, as a browser without JavaScript uses them: CSRF on every form,
// status codes for refusals, tampered ids, the CSV export. Needs `npx remix build` first.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed";
import { db } from "~/platform/db.server";
import { startTestServer } from "../support/app-server";
import { makeRegistration } from "../support/factories";
import { signedInClient } from "../support/http-client";

const ROADSHOW = "scale-roadshow-investing-in-replication";
let server: Awaited<ReturnType<typeof startTestServer>>;
let lisbonId = "";
let firstSlot = "";

const signedIn = (email: string) => signedInClient(server.baseUrl, email);

beforeAll(async () => {
  await seedDemoData();
  const event = await db().event.findUniqueOrThrow({ where: { slug: ROADSHOW }, include: { stops: { orderBy: { position: "asc" } }, ticketTypes: true } });
  lisbonId = event.stops[0].id;
  const investor = await db().user.findUniqueOrThrow({ where: { email: "investor@scale-events.demo" } });
  const window = await db().meetingAvailability.findFirstOrThrow({ where: { stopId: lisbonId, hostId: investor.id } });
  firstSlot = window.startsAt.toISOString();
  for (const email of ["city@scale-events.demo", "project@scale-events.demo"]) {
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    await makeRegistration(user, event.ticketTypes[0]);
  }
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe("meeting pages over HTTP", () => {
  it("shows the roadshow's investors to everybody and asks visitors to sign in; other kinds of events are 404", async () => {
    const html = await (await fetch(`${server.baseUrl}/roadshows/${ROADSHOW}`)).text();
    expect(html).toContain("Sofia Lindqvist");
    expect(html).toContain("to request meetings with investors");
    expect((await fetch(`${server.baseUrl}/roadshows/positive-energy-districts-workshop-vienna`)).status).toBe(404);
  });

  it("books through the form (CSRF required); the second person for the same slot gets 409 and the message", async () => {
    const investor = await db().user.findUniqueOrThrow({ where: { email: "investor@scale-events.demo" } });
    const fields = { intent: "request", stopId: lisbonId, hostId: investor.id, startsAt: firstSlot, message: "Hello" };
    const city = await signedIn("city@scale-events.demo");
    expect((await city.submitForm(`/roadshows/${ROADSHOW}`, fields, { csrf: false })).status).toBe(403);
    const ok = await city.submitForm(`/roadshows/${ROADSHOW}`, fields);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("Request sent to Sofia Lindqvist");
    const project = await signedIn("project@scale-events.demo");
    const lost = await project.submitForm(`/roadshows/${ROADSHOW}`, fields);
    expect(lost.status).toBe(409);
    expect(await lost.text()).toContain("That slot was just taken — pick another.");
    const self = await (await signedIn("investor@scale-events.demo")).submitForm(`/roadshows/${ROADSHOW}`, fields);
    expect(self.status).toBe(400);
    expect(await self.text()).toContain("You cannot book a meeting with yourself.");
  });

  it("guards the host and organiser pages: tampered ids 404, wrong people 403, CSV for organisers", async () => {
    const investor = await signedIn("investor@scale-events.demo");
    expect((await investor.get(`/roadshows/${ROADSHOW}/stops/${lisbonId}/host`)).status).toBe(200);
    expect((await investor.get(`/roadshows/${ROADSHOW}/stops/not-a-stop/host`)).status).toBe(404);
    expect((await investor.get(`/roadshows/${ROADSHOW}/stops/00000000-0000-0000-0000-000000000000/host`)).status).toBe(404);
    const city = await signedIn("city@scale-events.demo");
    expect((await city.get(`/roadshows/${ROADSHOW}/stops/${lisbonId}/host`)).status).toBe(403);
    expect((await city.get(`/organise/roadshows/${ROADSHOW}/stops/${lisbonId}`)).status).toBe(403);
    expect((await city.get(`/organise/roadshows/${ROADSHOW}/stops/${lisbonId}/meetings.csv`)).status).toBe(403);
    const organiser = await signedIn("organiser@scale-events.demo");
    const csv = await organiser.get(`/organise/roadshows/${ROADSHOW}/stops/${lisbonId}/meetings.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(await csv.text()).toContain('"Sofia Lindqvist","Nordic Green Infrastructure Fund","Maria Kowalska"');
    expect((await fetch(`${server.baseUrl}/organise/roadshows/${ROADSHOW}/stops/${lisbonId}`, { redirect: "manual" })).status).toBe(302);
  });
});
