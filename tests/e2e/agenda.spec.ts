// Journey: an organiser builds part of the agenda, sees a room conflict, fixes it with the
// form and publishes; a registered attendee adds a session and downloads its calendar file.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { confirmRegistration, signIn, withE2eDatabase } from "./support";

const WORKSHOP = "positive-energy-districts-workshop-vienna";

let firstDay = "";

test.beforeAll(async () => {
  await withE2eDatabase(async (client) => {
    await confirmRegistration(client, "attendee@scale-events.demo", WORKSHOP);
    const { rows } = await client.query(`SELECT to_char("startsAt" AT TIME ZONE "timeZone", 'YYYY-MM-DD') AS day FROM "Event" WHERE slug = $1`, [WORKSHOP]);
    firstDay = rows[0].day;
  });
});

test("organiser resolves a room conflict and publishes; attendee picks a session and gets its .ics", async ({ browser }) => {
  const organiserContext = await browser.newContext();
  const organiser = await organiserContext.newPage();
  await signIn(organiser, "organiser@scale-events.demo");
  await organiser.goto(`/organise/events/${WORKSHOP}/agenda`);
  await expect(organiser.getByRole("heading", { level: 1, name: "Agenda editor" })).toBeVisible();

  const create = organiser.getByRole("form", { name: "Add a session" });
  for (const title of ["Mobility data clinic", "Heat pump pitch"]) {
    await expect(create.getByLabel("Title")).toHaveValue("");
    await create.getByLabel("Title").fill(title);
    await create.getByLabel("Starts").fill(`${firstDay}T16:00`);
    await create.getByLabel("Ends").fill(`${firstDay}T16:45`);
    await create.getByLabel("Room").selectOption({ label: "Lab B" });
    await create.getByRole("button", { name: "Add session" }).click();
    await expect(organiser.getByText(`“${title}” added as a draft.`)).toBeVisible();
  }

  // The conflict shows up and publishing is blocked.
  const conflicts = organiser.getByRole("region", { name: /Conflicts/ });
  await expect(
    conflicts.getByText(/“(Heat pump pitch|Mobility data clinic)” and “(Heat pump pitch|Mobility data clinic)” are both in Lab B on .*, 16:00–16:45 CET/),
  ).toBeVisible();
  await expect(organiser.getByRole("button", { name: "Publish drafts" })).toBeDisabled();
  await expect(organiser.getByText(/Publishing is blocked by 1 conflict/)).toBeVisible();
  await expect(organiser.getByRole("link", { name: /Heat pump pitch, .* has a conflict/ })).toBeVisible();

  // Fix it with the form (the keyboard alternative to dragging): move one session later.
  await conflicts.getByRole("link", { name: "Edit “Heat pump pitch”" }).click();
  const edit = organiser.getByRole("form", { name: "Edit session" });
  await expect(edit.getByLabel("Title")).toHaveValue("Heat pump pitch");
  await edit.getByLabel("Starts").fill(`${firstDay}T17:00`);
  await edit.getByLabel("Ends").fill(`${firstDay}T17:45`);
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(organiser.getByText("Saved “Heat pump pitch”.")).toBeVisible();
  await expect(conflicts.getByText(/No conflicts/)).toBeVisible();

  await organiser.getByRole("button", { name: "Publish drafts" }).click();
  await expect(organiser.getByText("Agenda published (2 new sessions).")).toBeVisible();
  await organiserContext.close();

  // The attendee (registered before the browser steps) builds their agenda.
  const attendeeContext = await browser.newContext({ acceptDownloads: true });
  const attendee = await attendeeContext.newPage();
  await signIn(attendee, "attendee@scale-events.demo");
  await attendee.goto(`/events/${WORKSHOP}/agenda`);
  await attendee.getByLabel("Format").selectOption("TALK");
  await attendee.getByRole("button", { name: "Filter" }).click();
  await expect(attendee).toHaveURL(/format=TALK/);
  await attendee.getByRole("link", { name: "Mobility data clinic" }).click();
  await expect(attendee.getByRole("heading", { level: 1, name: "Mobility data clinic" })).toBeVisible();
  await attendee.getByRole("button", { name: "Add to my agenda" }).click();
  await expect(attendee.getByText("Added to your agenda.")).toBeVisible();

  await attendee.getByRole("link", { name: "My agenda" }).first().click();
  await expect(attendee.getByRole("heading", { level: 1, name: "My agenda" })).toBeVisible();
  const ics = attendee.getByRole("link", { name: "Download Mobility data clinic as .ics" });
  await expect(ics).toHaveAttribute("href", /^\/sessions\/[0-9a-f-]{36}\/calendar\.ics$/);
  const downloadPromise = attendee.waitForEvent("download");
  await ics.click();
  const download = await downloadPromise;
  const body = await readFile((await download.path())!, "utf8");
  expect(body).toContain("BEGIN:VCALENDAR");
  expect(body).toContain("Mobility data clinic");
  await attendeeContext.close();
});
