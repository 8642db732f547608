// Shared steps of the browser journeys.
import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { totpCode } from "../../app/domain/accounts/totp";

export const DEMO_PASSWORD = "scale-demo-2026";
export const DEMO_TOTP_SECRET = "SCALEEVENTSDEMOSECRETTOTP234567A";

/** The e2e server's database (tests/e2e/serve.ts): DATABASE_URL's server, else the embedded test cluster. */
export function e2eDatabaseUrl(): string {
  const url = new URL(process.env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${process.env.TEST_EMBEDDED_PG_PORT ?? 54339}/postgres`);
  url.pathname = `/scale_e2e_${process.env.E2E_PORT ?? 3100}`;
  return url.toString();
}

/** Runs `work` with a client on the e2e database. */
export async function withE2eDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The seed registers nobody: give a demo user a confirmed registration for an event (first ticket
 * type), as the registration flow would, for journeys that start after registering.
 */
export async function confirmRegistration(client: pg.Client, email: string, eventSlug: string): Promise<void> {
  await client.query(
    `INSERT INTO "Registration" ("eventId", "userId", "ticketTypeId", status, "ticketCode", "updatedAt")
     SELECT e.id, u.id, (SELECT t.id FROM "TicketType" t WHERE t."eventId" = e.id ORDER BY t.position LIMIT 1), 'CONFIRMED', md5(random()::text), now()
     FROM "Event" e, "User" u
     WHERE e.slug = $1 AND u.email = $2
       AND NOT EXISTS (SELECT 1 FROM "Registration" r WHERE r."eventId" = e.id AND r."userId" = u.id AND r.status = 'CONFIRMED')`,
    [eventSlug, email],
  );
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/signin");
  if (new URL(page.url()).pathname === "/signin/code") {
    // Demo staff have two-factor on with the demo secret; journeys share it, so the replay guard and
    // the per-person code limit are reset first.
    await withE2eDatabase(async (client) => {
      const { rows } = await client.query(`UPDATE "User" SET "totpLastStep" = NULL WHERE email = $1 RETURNING id`, [email]);
      await client.query(`DELETE FROM "RateLimitBucket" WHERE key = $1`, [`totp:${rows[0].id}`]);
    });
    await page.getByLabel("Code", { exact: true }).fill(totpCode(DEMO_TOTP_SECRET, new Date()));
    await page.getByRole("button", { name: "Verify and sign in" }).click();
  }
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** Signs out and waits until the page shows it, so the next step does not cut the sign-out short. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}
