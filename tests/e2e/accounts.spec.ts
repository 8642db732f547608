// Accounts people can trust, in a real browser: sign up → confirm by the emailed link → sign out
// → forgot password → reset by the emailed link → sign in; then two-factor on and signing in with it;
// and a member downloads their data and deletes their account.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { totpCode } from "../../app/domain/accounts/totp";
import { signOut, withE2eDatabase } from "./support";

/** The path of the newest link to `path` emailed to `to`, read from the outbox as a mail client would show it. */
async function emailedLink(to: string, path: string): Promise<string> {
  return withE2eDatabase(async (client) => {
    const { rows } = await client.query(
      `SELECT "textBody" FROM "OutboxEmail" WHERE "toAddress" = $1 AND "textBody" LIKE $2 ORDER BY "createdAt" DESC LIMIT 1`,
      [to, `%${path}/%`],
    );
    return new URL(rows[0].textBody.match(new RegExp(`https?://\\S+${path}/[A-Za-z0-9_-]+`))[0]).pathname;
  });
}

async function signInWithPassword(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The priced ticket of the Vienna workshop, paid by invoice (the only method it offers). */
async function buyStudyVisit(page: Page) {
  await page.goto("/events/positive-energy-districts-workshop-vienna/register");
  await page.getByRole("radio", { name: /Study visit to Aspern Seestadt/ }).check();
  await page.getByRole("button", { name: "Register" }).click();
}

test("sign up, confirm the address, forget the password, reset it, sign in; then turn on two-factor and sign in with it", async ({ page }) => {
  const email = `ana.${Date.now()}@porto.pt`;
  await page.goto("/signup");
  await page.getByLabel("Full name").fill("Ana Ribeiro");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("ribeira-bridges");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Ana Ribeiro")).toBeVisible();

  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Confirm your email address" })).toBeVisible();
  await page.screenshot({ path: "test-results/account-unverified.png", fullPage: true });
  // Paying waits for a confirmed address.
  await buyStudyVisit(page);
  await expect(page.getByText(/Confirm your email address before you pay for a ticket/)).toBeVisible();
  await page.goto(await emailedLink(email, "/verify-email"));
  await expect(page.getByText("Thank you — your email address is confirmed.")).toBeVisible();
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Confirm your email address" })).toHaveCount(0);
  await buyStudyVisit(page);
  await expect(page).toHaveURL(/\/my\/registrations\//);
  await expect(page.getByText(/Study visit to Aspern Seestadt/).first()).toBeVisible();
  await expect(page.getByText(/Confirm your email address/)).toHaveCount(0);

  await signOut(page);
  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByText("If an account uses that address")).toBeVisible();
  await page.goto(await emailedLink(email, "/reset-password"));
  await page.getByLabel("New password", { exact: true }).fill("douro-at-sunset");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByText("Your new password is saved")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("douro-at-sunset");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  // Two-factor on.
  await page.goto("/account/security");
  await expect(page.getByRole("heading", { name: "Where you are signed in" })).toBeVisible();
  await page.screenshot({ path: "test-results/account-security.png", fullPage: true });
  await page.getByRole("link", { name: "Turn on two-factor authentication" }).click();
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  await page.screenshot({ path: "test-results/account-two-factor.png", fullPage: true });
  await page.getByLabel("Code from the app").fill(totpCode(secret, new Date()));
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(page.getByRole("heading", { name: "Two-factor authentication is on" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);

  await signOut(page);
  await signInWithPassword(page, email, "douro-at-sunset");
  await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();
  // The code that turned it on was used; the app's next code (one step of drift is accepted) signs in.
  await page.getByLabel("Code", { exact: true }).fill(totpCode(secret, new Date(Date.now() + 30_000)));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.goto("/account");
  await page.screenshot({ path: "test-results/account-settings.png", fullPage: true });
});

test("download one's data (it names the registration), then delete the account: signed out, cannot sign in, the seat is released", async ({ page }) => {
  const email = `lea.${Date.now()}@graz.at`;
  await page.goto("/signup");
  await page.getByLabel("Full name").fill("Lea Huber");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("schlossberg-clock");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Lea Huber")).toBeVisible();

  await page.goto("/events/positive-energy-districts-workshop-vienna");
  await page.getByRole("link", { name: "Register" }).click();
  await page.getByRole("radio", { name: /In person/ }).check();
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByText("You're registered!")).toBeVisible();
  const ticketTypeId = await withE2eDatabase(async (client) => {
    const { rows } = await client.query(`SELECT r."ticketTypeId" FROM "Registration" r JOIN "User" u ON u.id = r."userId" WHERE u.email = $1`, [email]);
    return rows[0].ticketTypeId as string;
  });
  const seatsTaken = () =>
    withE2eDatabase(async (client) => Number((await client.query(`SELECT taken FROM "TicketType" WHERE id = $1`, [ticketTypeId])).rows[0].taken));
  const takenBefore = await seatsTaken();

  await page.goto("/account/security");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my data (JSON)" }).click()]);
  const exported = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(exported.profile.email).toBe(email);
  expect(exported.registrations.map((r: { event: { slug: string } }) => r.event.slug)).toEqual(["positive-energy-districts-workshop-vienna"]);

  await page.getByRole("link", { name: "Delete my account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Delete your account" })).toBeVisible();
  await page.getByLabel("Your password").fill("not-the-password");
  await page.getByRole("button", { name: "Delete my account for good" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  await page.screenshot({ path: "test-results/account-delete.png", fullPage: true });
  await page.getByLabel("Your password").fill("schlossberg-clock");
  await page.getByRole("button", { name: "Delete my account for good" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account is deleted" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  expect(await seatsTaken()).toBe(takenBefore - 1);

  await signInWithPassword(page, email, "schlossberg-clock");
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await page.goto("/privacy");
  await expect(page.getByRole("heading", { level: 1, name: "Privacy" })).toBeVisible();
});
