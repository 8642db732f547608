// Journeys of the network: a new member asks to be an investor, a platform admin approves, and the
// new investor publishes meeting availability at a roadshow stop; an organisation admin invites a
// colleague who joins with the emailed link.
import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut, withE2eDatabase } from "./support";

const ROADSHOW = "scale-roadshow-investing-in-replication";
const SHOTS = process.env.COMMUNITY_SCREENSHOTS;
let stop = { id: "", from: "", until: "" };

/** With COMMUNITY_SCREENSHOTS set: the page at desktop width and on a 390 px phone. */
async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  const size = page.viewportSize();
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-phone.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

async function emailedLink(to: string, path: string): Promise<string> {
  return withE2eDatabase(async (client) => {
    const { rows } = await client.query(
      `SELECT "textBody" FROM "OutboxEmail" WHERE "toAddress" = $1 AND "textBody" LIKE $2 ORDER BY "createdAt" DESC LIMIT 1`,
      [to, `%${path}/%`],
    );
    return new URL(rows[0].textBody.match(new RegExp(`https?://\\S+${path}/[A-Za-z0-9_-]+`))[0]).pathname;
  });
}

async function signUp(page: Page, name: string, email: string, from = "/signup") {
  await page.goto(from);
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("replicate-the-depot");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

test.beforeAll(async () => {
  await withE2eDatabase(async (client) => {
    const { rows } = await client.query(
      `SELECT s.id, to_char(s."startsAt" AT TIME ZONE s."timeZone", 'YYYY-MM-DD"T"HH24:MI') AS "from",
              to_char((s."startsAt" + interval '2 hours') AT TIME ZONE s."timeZone", 'YYYY-MM-DD"T"HH24:MI') AS "until"
       FROM "RoadshowStop" s JOIN "Event" e ON e.id = s."eventId" WHERE e.slug = $1 ORDER BY s.position LIMIT 1`,
      [ROADSHOW],
    );
    stop = rows[0];
    // Maria runs Kraków's team on the platform.
    await client.query(
      `UPDATE "Membership" SET role = 'ADMIN' WHERE "userId" = (SELECT id FROM "User" WHERE email = 'city@scale-events.demo') AND "organisationId" = (SELECT id FROM "Organisation" WHERE slug = 'krakow')`,
    );
  });
});

test("a new member asks to be an investor, an admin approves, and the investor publishes availability at a roadshow stop", async ({ browser }) => {
  const email = `lena.${Date.now()}@baltic-fund.eu`;
  const member = await (await browser.newContext()).newPage();
  await signUp(member, "Lena Berg", email);
  await member.goto(await emailedLink(email, "/verify-email"));
  await expect(member.getByText("Thank you — your email address is confirmed.")).toBeVisible();

  await member.goto("/account/roles");
  await member.getByLabel("Role", { exact: true }).selectOption("INVESTOR");
  await member.getByLabel("Organisation you act for").fill("Baltic Urban Impact Fund");
  await member.getByLabel("Why you ask").fill("We co-fund municipal e-mobility and retrofits, EUR 1–10 M tickets.");
  await member.getByRole("button", { name: "Send the request" }).click();
  await expect(member.getByText("Your request is with the platform admins.")).toBeVisible();
  await expect(member.getByText("Waiting for a decision")).toBeVisible();
  await shot(member, "roles-asked");

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@scale-events.demo");
  await admin.getByRole("link", { name: "Admin" }).click();
  await expect(admin.getByRole("heading", { name: "Admin console" })).toBeVisible();
  await shot(admin, "admin-overview");
  await admin.getByRole("navigation", { name: "Admin console" }).getByRole("link", { name: "Requests" }).click();
  const card = admin.getByRole("listitem", { name: "Lena Berg asks to be Investor" });
  await expect(card).toContainText("Baltic Urban Impact Fund");
  await shot(admin, "admin-requests");
  await card.getByRole("button", { name: "Approve" }).click();
  await expect(admin.getByText("Approved: the role is in force now")).toBeVisible();

  // In force on the member's next page, without signing in again.
  await member.goto("/account/roles");
  await expect(member.getByRole("listitem").filter({ hasText: /^Investor$/ })).toBeVisible();
  await member.goto(`/roadshows/${ROADSHOW}/stops/${stop.id}/host`);
  await member.getByLabel(/^From/).fill(stop.from);
  await member.getByLabel(/^Until/).fill(stop.until);
  await member.getByLabel("Slot length (minutes)").fill("30");
  await member.getByLabel("Pause between slots (minutes)").fill("0");
  await member.getByRole("button", { name: "Publish availability" }).click();
  await expect(member.getByRole("region", { name: "My availability" }).getByText("30-minute slots")).toBeVisible();
  await shot(member, "investor-availability");

  await admin.goto("/admin/audit");
  await expect(admin.getByRole("cell", { name: "role-request.approved" })).toBeVisible();
  await expect(admin.getByRole("cell", { name: "user.roles-changed" }).first()).toBeVisible();
  await shot(admin, "admin-audit");
  await admin.goto("/admin/users");
  await shot(admin, "admin-users");
  await admin.goto("/admin/organisations");
  await shot(admin, "admin-organisations");
});

test("an organisation admin invites a colleague, who signs up and joins with the emailed link", async ({ browser }) => {
  const colleague = `piotr.${Date.now()}@krakow.pl`;
  const maria = await (await browser.newContext()).newPage();
  await signIn(maria, "city@scale-events.demo");
  await maria.goto("/organisations/krakow/members");
  await maria.getByLabel("Email address").fill(colleague);
  await maria.getByLabel("Role", { exact: true }).selectOption("REPRESENTATIVE");
  await maria.getByRole("button", { name: "Send invitation" }).click();
  await expect(maria.getByText("Invitation sent.")).toBeVisible();
  await expect(maria.getByText(colleague)).toBeVisible();
  await shot(maria, "members-invited");

  const piotr = await (await browser.newContext()).newPage();
  const link = await emailedLink(colleague, "/invitations");
  await piotr.goto(link);
  await expect(piotr.getByRole("heading", { name: /Join City of Kraków/ })).toBeVisible();
  await piotr.getByRole("link", { name: "create an account" }).click();
  await piotr.getByLabel("Full name").fill("Piotr Zieliński");
  await piotr.getByLabel("Email").fill(colleague);
  await piotr.getByLabel("Password").fill("wawel-dragon-2026");
  await piotr.getByRole("button", { name: "Create account" }).click();
  await expect(piotr).toHaveURL(new RegExp(`${link}$`));
  await piotr.getByRole("button", { name: "Accept and join" }).click();
  await expect(piotr.getByText("Welcome: you are now a member.")).toBeVisible();
  await expect(piotr.getByText(/You are representative of City of Kraków/)).toBeVisible();
  await piotr.goto("/my/introductions");
  await shot(piotr, "my-introductions");

  await maria.reload();
  await expect(maria.getByRole("row", { name: /Piotr Zieliński/ })).toBeVisible();
  await signOut(maria);
});
