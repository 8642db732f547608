import { expect, test } from "@playwright/test";
import { signOut } from "./support";

test("a visitor browses the catalogue, filters it and opens an event", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Upcoming events" })).toBeVisible();
  await page.getByRole("link", { name: "Browse all events" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();

  await page.getByLabel("Kind").selectOption("WORKSHOP");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/kind=WORKSHOP/);
  await expect(page.getByRole("link", { name: "Positive Energy Districts: from Pilot to Replication" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Urban Data Platforms/ })).toHaveCount(0);

  await page.getByRole("link", { name: "Positive Energy Districts: from Pilot to Replication" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Positive Energy Districts: from Pilot to Replication" })).toBeVisible();
  await expect(page.getByText("Europe/Vienna")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Agenda" })).toBeVisible();
});

test("a newcomer signs up, signs out and signs back in", async ({ page }) => {
  const email = `lena.${Date.now()}@kiel.de`;
  await page.goto("/signup");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your full name.")).toBeVisible();

  await page.getByLabel("Full name").fill("Lena Hansen");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("kiel-harbour-2026");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
  await expect(page.getByText("Lena Hansen")).toBeVisible();

  await signOut(page);

  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await page.getByLabel("Password").fill("kiel-harbour-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Lena Hansen")).toBeVisible();
});
