// The pages added beside the first translation speak the visitor's language too: one check per
// page group (network, community, sessions) that a French or German visitor sees translated text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../support/app-server";
import { makeAgendaSession, makeDirectoryProfile, makeEvent, makeOrganisation, makeUser, signedInCookie } from "../support/factories";

let server: Awaited<ReturnType<typeof startTestServer>>;

const page = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(server.baseUrl + path, { headers, redirect: "manual" });
  expect(response.status).toBe(200);
  return response.text();
};

async function cookieOf(user: { id: string }, language: string): Promise<string> {
  const [pair] = (await signedInCookie(user)).split(";");
  return `${pair}; lang=${language}`;
}

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe("the network pages", () => {
  it("show the directories, a person and an organisation in French, and stay English by default", async () => {
    const me = await makeUser({ name: "Amélie Laurent" });
    await makeDirectoryProfile(me, { listed: true });
    const organisation = await makeOrganisation();
    const cookie = await cookieOf(me, "fr");

    const profile = await page("/account/profile", { Cookie: cookie });
    expect(profile).toContain("<title>Mon profil — SCALE Events</title>");
    expect(profile).toContain("Nom complet");
    expect(profile).toContain("Enregistrer le profil");

    const people = await page("/people", { Cookie: cookie });
    expect(people).toContain("Rechercher des personnes");
    expect(await page(`/people/${me.id}`, { Cookie: cookie })).toContain("Dans le réseau");

    const organisations = await page("/organisations", { "Accept-Language": "fr" });
    expect(organisations).toContain("Tous les types");
    const orgPage = await page(`/organisations/${organisation.slug}`, { "Accept-Language": "de" });
    expect(orgPage).toContain("Angebotene Lösungen");

    expect(await page("/organisations")).toContain("All kinds");
  });
});

describe("the community pages", () => {
  it("show roles, introductions and an organisation's members in French", async () => {
    const me = await makeUser();
    const organisation = await makeOrganisation();
    const cookie = await cookieOf(me, "fr");

    const roles = await page("/account/roles", { Cookie: cookie });
    expect(roles).toContain("<title>Vos rôles — SCALE Events</title>");
    expect(roles).toContain("Demander un rôle");
    expect(roles).toContain("Participant");

    const introductions = await page("/my/introductions", { Cookie: cookie });
    expect(introductions).toContain("Vos mises en relation");
    expect(introductions).toContain("Personne ne vous a encore demandé de mise en relation.");

    const members = await page(`/organisations/${organisation.slug}/members`, { Cookie: cookie });
    expect(members).toContain(`Membres de ${organisation.name}`);
    expect(members).toContain(`Demander à rejoindre ${organisation.name}`);
  });
});

describe("the session page and the certificate check", () => {
  it("show a session's labels and my agenda in German, and a missing certificate in French", async () => {
    const event = await makeEvent({ title: "Mobility Days", agendaPublishedAt: new Date() });
    const session = await makeAgendaSession(event, { title: "Opening keynote" });

    const german = await page(`/sessions/${session.id}`, { "Accept-Language": "de" });
    expect(german).toContain("Über diese Session");
    expect(german).toContain("Ihr Programm");
    expect(german).toContain("← Programm von Mobility Days");
    expect(await page(`/sessions/${session.id}`)).toContain("About this session");
    const qa = await page(`/sessions/${session.id}/qa`, { Cookie: await cookieOf(await makeUser(), "fr") });
    expect(qa).toContain("Questions en direct");
    expect(qa).toContain("Réservé aux participants inscrits");

    const missing = await fetch(`${server.baseUrl}/certificates/NOPE-NOPE`, { headers: { "Accept-Language": "fr" } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Attestation introuvable");

    const agenda = await page("/my/agenda", { Cookie: await cookieOf(await makeUser(), "de") });
    expect(agenda).toContain("<title>Mein Programm — SCALE Events</title>");
    expect(agenda).toContain("Ihr Programm ist leer");
  });
});
