// Every main page, for each kind of user, loads and hydrates without a JavaScript error. A route
// module that fails in the browser (say, a schema built from *.server imports, which the browser
// bundle leaves out) still renders on the server, so only a browser can catch it.
import { expect, test, type Page } from "@playwright/test";
import { confirmRegistration, signIn, signOut, withE2eDatabase } from "./support";

const WORKSHOP = "positive-energy-districts-workshop-vienna";
const ROADSHOW = "scale-roadshow-investing-in-replication";
const WEBINAR = "urban-data-platforms-webinar";
let sessionId = "";
let stopId = "";

test.beforeAll(async () => {
  await withE2eDatabase(async (client) => {
    for (const email of ["city@scale-events.demo", "attendee@scale-events.demo"]) await confirmRegistration(client, email, ROADSHOW);
    await confirmRegistration(client, "attendee@scale-events.demo", WORKSHOP);
    sessionId = (
      await client.query(
        `SELECT s.id FROM "AgendaSession" s JOIN "Event" e ON e.id = s."eventId" WHERE e.slug = $1 AND s.status = 'PUBLISHED' ORDER BY s."startsAt" LIMIT 1`,
        [WORKSHOP],
      )
    ).rows[0].id;
    stopId = (
      await client.query(`SELECT s.id FROM "RoadshowStop" s JOIN "Event" e ON e.id = s."eventId" WHERE e.slug = $1 ORDER BY s.position LIMIT 1`, [ROADSHOW])
    ).rows[0].id;
  });
});

/** Visits each path and fails on any uncaught error or console error, naming the page. */
async function visitCleanly(page: Page, paths: string[]) {
  const problems: string[] = [];
  let current = "";
  page.on("pageerror", (error) => problems.push(`${current}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${current}: ${message.text()}`);
  });
  for (const path of paths) {
    current = path;
    const response = await page.goto(path, { waitUntil: "networkidle" });
    expect(response?.status(), path).toBeLessThan(400);
    await expect(page.getByRole("heading", { level: 1 }).first(), path).toBeVisible();
  }
  expect(problems).toEqual([]);
}

test("visitors' pages load without JavaScript errors", async ({ page }) => {
  await visitCleanly(page, [
    "/",
    "/events",
    `/events/${WORKSHOP}`,
    `/events/${WORKSHOP}/agenda`,
    `/events/${ROADSHOW}`,
    `/events/${WEBINAR}`,
    "/signin",
    "/signup",
    "/organisations",
    "/organisations/krakow",
    "/api/v1/docs",
  ]);
});

test("attendees' and cities' pages load without JavaScript errors", async ({ page }) => {
  await signIn(page, "attendee@scale-events.demo");
  await visitCleanly(page, [
    "/my/registrations",
    "/my/agenda",
    "/account/calendar",
    `/sessions/${sessionId}`,
    `/sessions/${sessionId}/qa`,
    `/events/${ROADSHOW}/rooms`,
    `/roadshows/${ROADSHOW}`,
    "/account/profile",
    "/account/roles",
    "/my/introductions",
    "/people",
  ]);
  await signOut(page);
  await signIn(page, "city@scale-events.demo");
  await visitCleanly(page, [`/roadshows/${ROADSHOW}`, "/organisations/krakow/members"]);
});

test("investors' and organisers' pages load without JavaScript errors", async ({ page }) => {
  await signIn(page, "investor@scale-events.demo");
  await visitCleanly(page, [`/roadshows/${ROADSHOW}`, `/roadshows/${ROADSHOW}/stops/${stopId}/host`]);
  await signOut(page);
  await signIn(page, "organiser@scale-events.demo");
  const manage = ["dashboard", "registrations", "check-in", "tickets", "questions", "rooms", "team", "settings", "languages", "feedback", "api"].map(
    (tab) => `/organise/events/${WORKSHOP}/${tab}`,
  );
  await visitCleanly(page, [
    "/organise",
    "/organise/events/new",
    ...manage,
    `/organise/events/${WORKSHOP}/agenda`,
    `/organise/roadshows/${ROADSHOW}/stops/${stopId}`,
  ]);
});

test("the platform admins' console loads without JavaScript errors", async ({ page }) => {
  await signIn(page, "admin@scale-events.demo");
  await visitCleanly(page, [
    "/admin",
    "/admin/users",
    "/admin/organisations",
    "/admin/requests",
    "/admin/audit",
    "/admin/outbox",
    "/organisations/krakow/edit",
  ]);
});
