// The network directories in a real browser: a city representative fills their profile and opts
// in to the people directory; another member finds them by search and filters and opens their
// profile; an anonymous visitor browses the organisation directory and opens a city's page.
import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./support";

test("a city representative opts in; an investor finds them by search and filters; a visitor browses organisations", async ({ page }) => {
  await signIn(page, "city@scale-events.demo");
  await page.goto("/account/profile");
  await expect(page.getByRole("heading", { name: "My profile" })).toBeVisible();
  await page.getByLabel("Organisation", { exact: true }).selectOption({ label: "City of Kraków" });
  await page.getByLabel("Short bio").fill("I coordinate Kraków's retrofit of tenement blocks into a positive energy district.");
  await page.getByLabel("Country").selectOption({ label: "Poland" });
  await page.getByLabel("City").fill("Kraków");
  await page.getByLabel("Polish").check();
  await page.getByLabel("English").check();
  await page.getByLabel("Smart buildings").check();
  await page.getByLabel("Energy").check();
  await page.getByLabel("Replicate a solution").check();
  await page.getByLabel("Expertise areas").fill("tenement retrofit, heat pumps");
  await page.getByLabel(/List me in the people directory/).check();
  await page.getByLabel("I am open to introductions from other members").check();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status")).toHaveText("Your profile is saved.");
  await expect(page.getByLabel(/List me in the people directory/)).toBeChecked();
  await signOut(page);

  await signIn(page, "investor@scale-events.demo");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { name: "People" })).toBeVisible();
  await page.getByLabel("Search", { exact: true }).fill("tenement");
  await page.getByLabel("Country").selectOption({ label: "Poland" });
  await page.getByLabel("Theme", { exact: true }).selectOption({ label: "Energy" });
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("1 person match your search")).toBeVisible();
  await page.getByRole("link", { name: "Maria Kowalska" }).click();
  await expect(page.getByRole("heading", { name: "Maria Kowalska" })).toBeVisible();
  await expect(page.getByText("tenement retrofit, heat pumps")).toBeVisible();
  await expect(page.getByRole("link", { name: "City of Kraków" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Request an introduction" })).toHaveAttribute("href", /\/people\/[0-9a-f-]{36}\/introduce$/);
  await expect(page.locator("body")).not.toContainText("@scale-events.demo");
  await signOut(page);

  await page.goto("/organisations");
  await page.getByLabel("Kind").selectOption({ label: "Lighthouse city" });
  await page.getByLabel("Search", { exact: true }).fill("Lyon");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "City of Lyon" }).click();
  await expect(page.getByRole("heading", { name: "City of Lyon" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Solutions offered" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" }).last()).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit this page" })).toHaveCount(0);
});
