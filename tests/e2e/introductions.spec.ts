// The City Coordinators Group's matchmaking outside roadshows, in a real browser: a city
// representative finds another city's planner in the people directory, asks for an introduction,
// and once it is accepted both see each other's address — and not a moment before.
import { expect, test } from "@playwright/test";
import { signIn, signOut, withE2eDatabase } from "./support";

const LISBON = "attendee@scale-events.demo"; // Tomás Ferreira, urban planner of the City of Lisbon
const KRAKOW = "city@scale-events.demo"; // Maria Kowalska, City of Kraków

test("a city finds another city in the directory, asks for an introduction, and it is accepted", async ({ page }) => {
  // Lisbon's planner has chosen to be listed and to take introductions (the profile form itself
  // is walked through in network.spec.ts).
  await withE2eDatabase((client) =>
    client.query(
      `INSERT INTO "PersonProfile" ("userId", bio, city, country, themes, expertise, listed, "openToIntroductions", "updatedAt")
       SELECT id, 'I plan Lisbon''s positive energy districts and e-mobility hubs.', 'Lisbon', 'PT', '{ENERGY,MOBILITY}', '{e-mobility hubs}', true, true, now()
       FROM "User" WHERE email = $1
       ON CONFLICT ("userId") DO UPDATE SET listed = true, "openToIntroductions" = true, bio = EXCLUDED.bio, expertise = EXCLUDED.expertise`,
      [LISBON],
    ),
  );

  await signIn(page, KRAKOW);
  await page.goto("/people");
  await page.getByLabel("Search", { exact: true }).fill("e-mobility hubs");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "Tomás Ferreira" }).click();
  await expect(page.getByRole("heading", { name: "Tomás Ferreira" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(LISBON);
  await page.getByRole("link", { name: "Request an introduction" }).click();
  await page
    .getByLabel("Your message")
    .fill("Kraków is planning e-mobility hubs next to its tram depots; could we compare notes with Lisbon before our call for tenders?");
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(page).toHaveURL(/\/my\/introductions/);
  const sent = page.getByRole("listitem", { name: "Introduction to Tomás Ferreira" });
  await expect(sent).toBeVisible();
  await expect(sent).not.toContainText(LISBON);
  await signOut(page);

  await signIn(page, LISBON);
  await page.goto("/my/introductions");
  const received = page.getByRole("listitem", { name: "Introduction from Maria Kowalska" });
  await expect(received).toContainText("tram depots");
  await expect(received).not.toContainText(KRAKOW);
  await received.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByRole("listitem", { name: "Introduction from Maria Kowalska" }).getByRole("link", { name: KRAKOW })).toBeVisible();
  await signOut(page);

  await signIn(page, KRAKOW);
  await page.goto("/my/introductions");
  await expect(page.getByRole("listitem", { name: "Introduction to Tomás Ferreira" }).getByRole("link", { name: LISBON })).toBeVisible();
});
