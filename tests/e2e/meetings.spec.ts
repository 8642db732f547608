// Journey: a city representative requests a slot from an investor at a roadshow stop, the
// investor accepts it on their stop page, and both see the confirmed meeting.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";

const ROADSHOW = "scale-roadshow-investing-in-replication";
const SHOTS = process.env.MEETINGS_SCREENSHOTS; // a folder: also save screenshots of each page

/** The e2e server's database (tests/e2e/serve.ts): DATABASE_URL's server, else the embedded test cluster. */
function e2eDatabaseUrl(): string {
  if (process.env.MEETINGS_E2E_DATABASE_URL) return process.env.MEETINGS_E2E_DATABASE_URL;
  const url = new URL(process.env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${process.env.TEST_EMBEDDED_PG_PORT ?? 54339}/postgres`);
  url.pathname = "/scale_e2e";
  return url.toString();
}

let lisbonStopId = "";

test.beforeAll(async () => {
  // The seed registers nobody: give the city representative a confirmed registration for the
  // roadshow, as the registration flow would.
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Registration" ("eventId", "userId", "ticketTypeId", status, "ticketCode", "updatedAt")
       SELECT e.id, u.id, (SELECT t.id FROM "TicketType" t WHERE t."eventId" = e.id ORDER BY t.position LIMIT 1), 'CONFIRMED', md5(random()::text), now()
       FROM "Event" e, "User" u
       WHERE e.slug = $1 AND u.email = 'city@scale-events.demo'
         AND NOT EXISTS (SELECT 1 FROM "Registration" r WHERE r."eventId" = e.id AND r."userId" = u.id AND r.status = 'CONFIRMED')`,
      [ROADSHOW],
    );
    const { rows } = await client.query(`SELECT s.id FROM "RoadshowStop" s JOIN "Event" e ON e.id = s."eventId" WHERE e.slug = $1 ORDER BY s.position LIMIT 1`, [ROADSHOW]);
    lisbonStopId = rows[0].id;
  } finally {
    await client.end();
  }
});

async function signIn(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("scale-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test("city requests an investor's slot, the investor accepts, both see the confirmed meeting", async ({ browser }) => {
  const cityContext = await browser.newContext();
  const city = await cityContext.newPage();
  await signIn(city, "city@scale-events.demo");
  await city.goto(`/events/${ROADSHOW}`);
  await city.getByRole("link", { name: "Book meetings" }).click();
  await expect(city.getByRole("heading", { level: 1, name: /Meetings — SCALE Roadshow/ })).toBeVisible();

  const lisbon = city.getByRole("region", { name: "Lisbon" });
  const request = lisbon.getByRole("form", { name: "Request a meeting with Sofia Lindqvist in Lisbon" });
  const slot = request.getByLabel("Slot with Sofia Lindqvist");
  const firstSlot = (await slot.locator("option").first().textContent())!.trim();
  expect(firstSlot).toMatch(/^10:00–10:30 (WET|WEST)$/);
  await request.getByLabel("Message (optional)").fill("We would like to present our e-bus depot plan.");
  await shot(city, "roadshow-city");
  await request.getByRole("button", { name: "Request meeting" }).click();
  await expect(city.getByRole("status")).toContainText("Request sent to Sofia Lindqvist");
  const mine = lisbon.getByRole("listitem").filter({ hasText: "Sofia Lindqvist" }).filter({ hasText: "Requested" });
  await expect(mine).toBeVisible();
  // The slot is no longer offered to anybody.
  await expect(lisbon.getByLabel("Slot with Sofia Lindqvist").locator("option").first()).not.toHaveText(firstSlot);

  const investorContext = await browser.newContext();
  const investor = await investorContext.newPage();
  await signIn(investor, "investor@scale-events.demo");
  await investor.goto(`/roadshows/${ROADSHOW}/stops/${lisbonStopId}/host`);
  await expect(investor.getByRole("heading", { level: 1, name: "My meetings in Lisbon" })).toBeVisible();
  const requests = investor.getByRole("region", { name: "Requests to answer" });
  await expect(requests.getByText("Maria Kowalska")).toBeVisible();
  await expect(requests.getByText("We would like to present our e-bus depot plan.")).toBeVisible();
  await shot(investor, "host-requests");
  await requests.getByRole("button", { name: "Accept the meeting with Maria Kowalska" }).click();
  await expect(investor.getByRole("status")).toContainText("Meeting with Maria Kowalska confirmed");
  const hostMeetings = investor.getByRole("region", { name: "My meetings at this stop" });
  await expect(hostMeetings.getByRole("listitem").filter({ hasText: "Maria Kowalska" })).toContainText("Confirmed");
  await expect(investor.getByRole("region", { name: "My slots" })).toContainText("Meeting: Maria Kowalska");
  await shot(investor, "host-confirmed");

  await investor.getByRole("link", { name: "Print day schedule" }).click();
  await expect(investor.getByRole("heading", { level: 1, name: /meetings in Lisbon/ })).toBeVisible();
  await expect(investor.getByRole("cell", { name: /Maria Kowalska/ })).toBeVisible();
  await shot(investor, "host-print");

  await city.reload();
  const confirmed = city.getByRole("region", { name: "Lisbon" }).getByRole("listitem").filter({ hasText: "Sofia Lindqvist" }).filter({ hasText: "Confirmed" });
  await expect(confirmed).toBeVisible();
  await expect(confirmed.getByRole("link", { name: "Add to calendar" })).toBeVisible();
  await shot(city, "roadshow-city-confirmed");

  const organiserContext = await browser.newContext();
  const organiser = await organiserContext.newPage();
  await signIn(organiser, "organiser@scale-events.demo");
  await organiser.goto(`/organise/roadshows/${ROADSHOW}/stops/${lisbonStopId}`);
  await expect(organiser.getByRole("table", { name: "Meetings per time and table" })).toContainText("Maria Kowalska");
  await shot(organiser, "organiser-grid");

  await Promise.all([cityContext.close(), investorContext.close(), organiserContext.close()]);
});
