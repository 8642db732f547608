import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("an organiser creates an event, is told it needs a ticket type, adds one, publishes it and finds it in the catalogue", async ({ page }) => {
  const title = `Lighthouse Replication Forum ${Date.now().toString(36)}`;
  await signIn(page, "organiser@scale-events.demo");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organise" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My events" })).toBeVisible();
  await page.getByRole("link", { name: "Create an event" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Create an event" })).toBeVisible();

  // A mistake first: the end before the start is explained beside the field, and nothing typed is lost.
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Kind").selectOption({ label: "Conference" });
  await page.getByLabel("Summary").fill("Lighthouse and fellow cities compare what replicated and why.");
  await page.getByLabel("Time zone").selectOption("Europe/Lisbon");
  await page.getByLabel("Starts").fill("2031-10-07T09:00");
  await page.getByLabel("Ends").fill("2031-10-07T08:00");
  await page.getByLabel("Attendance").selectOption({ label: "In person" });
  await page.getByLabel("Venue name").fill("Fábrica de Unicórnios");
  await page.getByLabel("City").fill("Lisbon");
  await page.getByLabel("Country").fill("PT");
  await page.getByRole("checkbox", { name: "Mobility" }).check();
  await page.getByRole("button", { name: "Create draft event" }).click();
  await expect(page.getByText("The event must end after it starts.")).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
  await expect(page.getByRole("checkbox", { name: "Mobility" })).toBeChecked();

  await page.getByLabel("Ends").fill("2031-10-08T17:00");
  await page.getByRole("button", { name: "Create draft event" }).click();
  await expect(page.getByText("Event created as a draft")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // Publishing without a ticket type is refused: nobody could register.
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Add at least one ticket type before publishing")).toBeVisible();

  const tabs = page.getByRole("navigation", { name: "Event management" });
  await tabs.getByRole("link", { name: "Tickets" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Delegate");
  await page.getByRole("button", { name: "Create ticket type" }).click();
  await expect(page.getByText("Ticket type created.")).toBeVisible();

  await tabs.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published: the event is now in the public catalogue")).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Events" }).click();
  await page.getByLabel("Search", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});
