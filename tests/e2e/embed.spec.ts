// The embeddable event list on a partner's plain HTML page (served here by a test-local HTTP
// server on another origin): it renders inside the iframe, filters, sets no cookie, and links
// open the events on SCALE Events. The organiser finds the snippet on the event's API page.
import { createServer, type Server } from "node:http";
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

let partner: Server;
let partnerUrl = "";
const appOrigin = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

test.beforeAll(async () => {
  partner = createServer((request, response) => {
    const query = new URL(request.url ?? "/", "http://partner.test").search;
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partner city portal</title></head>
<body><h1>Our city's partner events</h1>
<iframe src="${appOrigin}/embed/events${query}" title="Upcoming SCALE events" width="100%" height="480" style="border:0"></iframe>
</body></html>`);
  });
  await new Promise<void>((resolve) => partner.listen(0, "localhost", resolve));
  const address = partner.address();
  partnerUrl = `http://localhost:${typeof address === "object" && address ? address.port : 0}/`;
});

test.afterAll(async () => {
  await new Promise((resolve) => partner?.close(resolve));
});

test("the event list renders inside a partner's page, without cookies", async ({ page, context }) => {
  const errors: string[] = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto(partnerUrl);
  await expect(page.getByRole("heading", { name: "Our city's partner events" })).toBeVisible();
  const frame = page.frameLocator('iframe[title="Upcoming SCALE events"]');
  await expect(frame.getByRole("heading", { name: /Upcoming SCALE events/ })).toBeVisible();
  const links = frame.getByRole("list").getByRole("link");
  expect(await links.count()).toBeGreaterThan(1);
  await expect(frame.getByRole("link", { name: "All events on SCALE Events" })).toBeVisible();
  expect(await context.cookies()).toEqual([]);
  expect(errors).toEqual([]);
  await page.setViewportSize({ width: 390, height: 800 });
  await page.screenshot({ path: "test-results/embed-390.png", fullPage: true });
});

test("filters by kind inside the frame", async ({ page }) => {
  await page.goto(`${partnerUrl}?kind=WEBINAR`);
  const frame = page.frameLocator('iframe[title="Upcoming SCALE events"]');
  await expect(frame.getByRole("heading", { name: "Upcoming SCALE webinars" })).toBeVisible();
  await expect(frame.getByText("Webinar").first()).toBeVisible();
  await expect(frame.getByText("Workshop")).toHaveCount(0);
});

test("the organiser copies the snippet from the event's API page", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await signIn(page, "organiser@scale-events.demo");
  await page.goto("/organise/events/positive-energy-districts-workshop-vienna/api");
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Recent deliveries" })).toBeVisible();
  const snippet = page.getByLabel("Embed snippet");
  await expect(snippet).toHaveValue(/<iframe src="http[^"]+\/embed\/events\?/);
  await page.screenshot({ path: "test-results/api-page-desktop.png", fullPage: true });
  await page.getByLabel("Name").fill("Partner CRM");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token")).toHaveText(/^scale_/);
  await page.setViewportSize({ width: 390, height: 800 });
  await page.screenshot({ path: "test-results/api-page-390.png", fullPage: true });
  // The new token works against the API at once.
  const token = (await page.getByTestId("new-token").textContent()) ?? "";
  const answer = await page.request.get("/api/v1/events/positive-energy-districts-workshop-vienna/registrations?limit=1", {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(answer.status()).toBe(200);
  expect(errors).toEqual([]);
});

test("the API documentation renders without script errors, on a phone too", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/api/v1/docs");
  await expect(page.getByRole("heading", { name: "SCALE Events API", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "POST /events/{slug}/check-ins" })).toBeVisible();
  await expect(page.getByRole("link", { name: "openapi.json" })).toHaveAttribute("href", "/api/v1/openapi.json");
  await page.setViewportSize({ width: 390, height: 800 });
  await page.screenshot({ path: "test-results/api-docs-390.png" });
  expect(errors).toEqual([]);
});
