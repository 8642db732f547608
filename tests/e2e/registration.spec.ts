import { expect, test } from "@playwright/test";
import { signIn } from "./support";

const WORKSHOP = "Positive Energy Districts: from Pilot to Replication";
const WORKSHOP_SLUG = "positive-energy-districts-workshop-vienna";

test("an attendee registers for the workshop and the organiser checks them in once", async ({ browser }) => {
  // The attendee: a newcomer, so the run does not depend on other specs' registrations.
  const attendee = await browser.newPage();
  await attendee.goto("/signup");
  await attendee.getByLabel("Full name").fill("Ana Costa");
  await attendee.getByLabel("Email").fill(`ana.${Date.now()}@cm-lisboa.pt`);
  await attendee.getByLabel("Password").fill("lisbon-trams-2026");
  await attendee.getByRole("button", { name: "Create account" }).click();
  await expect(attendee.getByText("Ana Costa")).toBeVisible();

  await attendee.goto(`/events/${WORKSHOP_SLUG}`);
  await attendee.getByRole("link", { name: "Register" }).click();
  await expect(attendee.getByRole("heading", { level: 1, name: "Register" })).toBeVisible();

  // Submitting without a ticket shows the error beside the field.
  await attendee.getByRole("button", { name: "Register" }).click();
  await expect(attendee.getByText("Please choose a ticket.").first()).toBeVisible();

  await attendee.getByRole("radio", { name: /In person/ }).check();
  await attendee.getByRole("button", { name: "Register" }).click();
  await expect(attendee.getByText("You're registered!")).toBeVisible();
  await expect(attendee.getByRole("heading", { level: 1, name: WORKSHOP })).toBeVisible();
  const code = (await attendee.getByTestId("ticket-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
  await expect(attendee.getByRole("img", { name: `QR code of ticket ${code}` })).toBeVisible();
  await expect(attendee.getByRole("link", { name: "Add to calendar (.ics)" })).toBeVisible();

  await attendee.getByRole("link", { name: "My registrations" }).first().click();
  await expect(attendee.getByRole("link", { name: WORKSHOP })).toBeVisible();

  // The organiser at the door: types the code (as a scanner would), twice.
  const organiser = await browser.newPage();
  await signIn(organiser, "organiser@scale-events.demo");
  await organiser.goto(`/events/${WORKSHOP_SLUG}`);
  await organiser.getByRole("link", { name: "Manage registrations" }).click();
  await organiser.getByRole("link", { name: "Check-in" }).click();
  await organiser.getByLabel("Ticket code").fill(code.toLowerCase());
  await organiser.getByRole("button", { name: "Check in" }).click();
  await expect(organiser.getByText("✓ Ana Costa is checked in")).toBeVisible();

  await organiser.getByLabel("Ticket code").fill(code);
  await organiser.getByRole("button", { name: "Check in" }).click();
  await expect(organiser.getByText(/Already checked in at \d{2}:\d{2} by Jonas Weber/)).toBeVisible();
  await expect(organiser.getByText(/of \d+ confirmed attendees checked in/)).toContainText("1 of");
});
