// Languages in a real browser: a French browser reads the catalogue and an event page in French
// with French dates (and hydrates without a mismatch); an organiser writes an event in English
// and Spanish, and a Spanish browser reads the Spanish text.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

const FRENCH_DATE = /\d{1,2} (janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) 20\d\d/;

/** Console errors, hydration mismatches among them, collected while the page is used. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

test.describe("a browser set to French", () => {
  test.use({ locale: "fr-FR" });

  test("sees the catalogue and an event page in French, with French dates", async ({ page }) => {
    const errors = consoleErrors(page);
    await page.goto("/events");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1, name: "Événements" })).toBeVisible();
    await expect(page.getByLabel("Rechercher", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Appliquer les filtres" })).toBeVisible();
    await expect(page.locator(".event-card__meta").first()).toContainText(FRENCH_DATE);
    await expect(page.getByText("Atelier").first()).toBeVisible();

    await page.getByRole("link", { name: "Positive Energy Districts" }).first().click();
    await expect(page.getByRole("heading", { name: "Informations pratiques" })).toBeVisible();
    const when = page.locator(".event-facts dd").first();
    await expect(when).toContainText(FRENCH_DATE);
    // Times stay in the event's zone, and the zone is shown.
    await expect(page.locator(".event-facts")).toContainText("Europe/Vienna");
    await expect(page.getByRole("link", { name: "S'inscrire" })).toBeVisible();
    expect(errors.filter((text) => /hydrat|did not match/i.test(text))).toEqual([]);
  });

  test("can switch to English with the switcher at the foot of the page, without JavaScript's help", async ({ page }) => {
    await page.goto("/events");
    await page.getByLabel("Langue").selectOption("en");
    await page.getByRole("button", { name: "Changer de langue" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});

test("an organiser writes an event in English and Spanish; a Spanish browser reads the Spanish text", async ({ page, browser }) => {
  const slug = "city-coordinators-group-mobility-meetup";
  await signIn(page, "organiser@scale-events.demo");
  await page.goto(`/organise/events/${slug}/languages`);
  await expect(page.getByRole("heading", { name: "Add a language" })).toBeVisible();
  await page.getByLabel("New language", { exact: true }).selectOption("es");
  await page.getByLabel("Title in the new language").fill("Encuentro de movilidad del Grupo de Coordinadores de Ciudades");
  await page.getByLabel("Summary in the new language").fill("Coordinadores de las ciudades comparten lo que funciona en movilidad compartida.");
  await page.getByRole("button", { name: "Add this language" }).click();
  await expect(page.getByRole("heading", { name: "Español" })).toBeVisible();
  await expect(page.getByLabel("Title in Español")).toHaveValue("Encuentro de movilidad del Grupo de Coordinadores de Ciudades");

  const spanish = await browser.newContext({ locale: "es-ES" });
  const visitor = await spanish.newPage();
  await visitor.goto(`/events/${slug}`);
  await expect(visitor.locator("html")).toHaveAttribute("lang", "es");
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Encuentro de movilidad del Grupo de Coordinadores de Ciudades");
  await expect(visitor.getByText("Coordinadores de las ciudades comparten lo que funciona en movilidad compartida.")).toBeVisible();
  await expect(visitor.getByRole("heading", { name: "Información práctica" })).toBeVisible();
  await visitor.goto("/events");
  await expect(visitor.getByRole("link", { name: "Encuentro de movilidad del Grupo de Coordinadores de Ciudades" })).toBeVisible();
  await spanish.close();

  // English visitors still read the English text.
  await page.goto(`/events/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(/Encuentro/);
});

test("every language's pages hydrate as the server drew them (the server's and the browser's Intl agree)", async ({ browser }) => {
  for (const locale of ["de-DE", "es-ES", "it-IT", "pt-PT", "pl-PL"]) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const errors = consoleErrors(page);
    for (const path of [
      "/",
      "/events",
      "/events/positive-energy-districts-workshop-vienna",
      "/events/positive-energy-districts-workshop-vienna/agenda",
      "/events/positive-energy-districts-workshop-vienna/register",
    ]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", locale.slice(0, 2));
      // Hydration has run once the switcher's form is interactive (React attached its handlers).
      await page.waitForLoadState("networkidle");
    }
    expect(
      errors.filter((text) => /hydrat|did not match|Minified React error/i.test(text)),
      locale,
    ).toEqual([]);
    await context.close();
  }
});
