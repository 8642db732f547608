// Journey: a city representative requests a slot from an investor at a roadshow stop, the
// investor accepts it on their stop page, and both see the confirmed meeting.
import { expect, test, type Page } from "@playwright/test";
import { confirmRegistration, signIn, withE2eDatabase } from "./support";

const ROADSHOW = "scale-roadshow-investing-in-replication";
const SHOTS = process.env.MEETINGS_SCREENSHOTS; // a folder: also save screenshots of each page

let lisbonStopId = "";

test.beforeAll(async () => {
  await withE2eDatabase(async (client) => {
    await confirmRegistration(client, "city@scale-events.demo", ROADSHOW);
    const { rows } = await client.query(
      `SELECT s.id FROM "RoadshowStop" s JOIN "Event" e ON e.id = s."eventId" WHERE e.slug = $1 ORDER BY s.position LIMIT 1`,
      [ROADSHOW],
    );
    lisbonStopId = rows[0].id;
  });
});

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
