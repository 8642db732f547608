// The timetable editor's direct manipulation: moving a session with the keyboard and with the
// mouse (drag and drop), each saved through the version-checked move action.
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

const EDITOR = "/organise/events/positive-energy-districts-workshop-vienna/agenda";

test("an organiser moves a session with the arrow keys and saves with Enter; a move into a clash is refused", async ({ page }) => {
  await signIn(page, "organiser@scale-events.demo");
  await page.goto(EDITOR);
  // The agenda is public: half an hour later in the plenary hall would clash with the panel.
  await page.getByRole("link", { name: /^Coffee and posters, 10:30–11:00/ }).focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByText(/Coffee and posters: 11:00–11:30, Plenary hall\. Press Enter to save/)).toBeAttached();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert")).toContainText("Not saved");
  await expect(page.getByRole("link", { name: /^Coffee and posters, 10:30–11:00/ })).toBeVisible();

  // In Lab B the same time is free.
  await page.getByRole("link", { name: /^Coffee and posters, 10:30–11:00/ }).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByText(/Coffee and posters: 11:00–11:30, Lab B\. Press Enter to save/)).toBeAttached();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: /^Coffee and posters, 11:00–11:30/ })).toBeVisible();
});

test("an organiser drags a session to another room and a later time", async ({ page }) => {
  await signIn(page, "organiser@scale-events.demo");
  await page.goto(EDITOR);
  const block = page.getByRole("link", { name: /^Espoo and Leipzig: what SPARCS learned, 09:45–10:30/ });
  await block.scrollIntoViewIfNeeded();
  const box = (await block.boundingBox())!;
  const columnWidth = (await page.locator(".timetable__colhead").first().boundingBox())!.width;
  const x = box.x + box.width / 2;
  const y = box.y + 8;
  await page.mouse.move(x, y);
  await page.mouse.down();
  // Four 15-minute rows down (28 px each) and one column to the right (Lab A), in small steps
  // as a hand would.
  for (let step = 1; step <= 10; step++) {
    await page.mouse.move(x + (columnWidth * step) / 10, y + (4 * 28 * step) / 10);
  }
  await page.mouse.up();
  await expect(page.getByRole("link", { name: /^Espoo and Leipzig: what SPARCS learned, 10:45–11:30/ })).toBeVisible();

  // The move was saved, not only previewed: a fresh load shows it in Lab A.
  await page.reload();
  const moved = page.getByRole("link", { name: /^Espoo and Leipzig: what SPARCS learned, 10:45–11:30/ });
  await expect(moved).toBeVisible();
  const headings = page.locator(".timetable__colhead");
  const labA = (await headings.filter({ hasText: "Lab A" }).boundingBox())!;
  const movedBox = (await moved.boundingBox())!;
  expect(movedBox.x).toBeGreaterThanOrEqual(labA.x - 2);
  expect(movedBox.x).toBeLessThan(labA.x + labA.width);
});
