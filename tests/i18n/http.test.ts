// Languages over HTTP: how a request's language is chosen (URL, account, cookie, header), that
// nothing a client sends about languages can fail a page, the German confirmation email, and
// organisers' translations shown to visitors — escaped like everything else, in every language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../support/app-server";
import { makeAgendaSession, makeEvent, makeUser, makeTicketType, signedInCookie } from "../support/factories";
import { TestClient } from "../support/http-client";
import { LANGUAGES } from "~/domain/kernel/i18n/languages";
import { createMailTransport, sendDueEmails } from "~/domain/notifications/mailer.server";
import { drawEmailDraft } from "~/domain/admin/email-drafts.server";
import { db } from "~/platform/db.server";
import { startSmtpSink } from "../support/smtp-sink";

let server: Awaited<ReturnType<typeof startTestServer>>;

async function clientFor(user: { id: string }): Promise<TestClient> {
  const client = new TestClient(server.baseUrl);
  const [pair] = (await signedInCookie(user)).split(";");
  const index = pair.indexOf("=");
  client.cookies.set(pair.slice(0, index), pair.slice(index + 1));
  return client;
}

const get = (path: string, headers: Record<string, string> = {}) => fetch(server.baseUrl + path, { headers, redirect: "manual" });
const htmlLang = (html: string) => /<html lang="([^"]*)"/.exec(html)?.[1];

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe("choosing the language of a page", () => {
  it("answers English with no preference, and says so for caches", async () => {
    const response = await get("/events");
    expect(response.status).toBe(200);
    expect(htmlLang(await response.text())).toBe("en");
    expect(response.headers.get("content-language")).toBe("en");
    expect(response.headers.get("vary")).toMatch(/Accept-Language/);
    expect(response.headers.get("vary")).toMatch(/Cookie/);
  });

  it("follows Accept-Language with q-values", async () => {
    const response = await get("/events", { "Accept-Language": "nl-NL,nl;q=0.9,fr;q=0.8,de;q=0.7" });
    const html = await response.text();
    expect(htmlLang(html)).toBe("fr");
    expect(html).toContain("<h1>Événements</h1>");
    expect(response.headers.get("content-language")).toBe("fr");
  });

  it("puts the cookie before the header, the account before the cookie, and ?lang before all", async () => {
    expect(htmlLang(await (await get("/events", { Cookie: "lang=pl", "Accept-Language": "fr" })).text())).toBe("pl");
    const person = await makeUser();
    await db().user.update({ where: { id: person.id }, data: { locale: "es" } });
    const client = await clientFor(person);
    const page = await client.request("/events", { headers: { "Accept-Language": "fr", Cookie: `${client.cookieHeader()}; lang=de` } });
    expect(htmlLang(await page.text())).toBe("es");
    expect(htmlLang(await (await get("/events?lang=it", { Cookie: "lang=pl" })).text())).toBe("it");
  });

  it("never fails on a language it does not know, wherever it comes from", async () => {
    const attempts: Array<[string, Record<string, string>]> = [
      ["/events?lang=xx", {}],
      ["/events?lang=%3Cscript%3E", {}],
      ["/events?lang=" + "a".repeat(3000), {}],
      ["/events", { Cookie: "lang=klingon" }],
      ["/events", { Cookie: "lang=%E0%A4%A" }],
      ["/events", { Cookie: "lang=" }],
      ["/events", { "Accept-Language": ";;;q=,,*;q=abc" }],
      ["/events", { "Accept-Language": "x".repeat(8000) }],
      ["/events", { "Accept-Language": "zz-ZZ;q=1, *;q=0.1" }],
      ["/", { "Accept-Language": "fr;q=2" }],
      ["/signin?lang=../../etc", {}],
      ["/language?lang=zz&redirectTo=/events", {}],
    ];
    for (const [path, headers] of attempts) {
      const response = await get(path, headers);
      expect(response.status, `${path} ${JSON.stringify(headers).slice(0, 80)}`).toBeLessThan(500);
      if (response.status === 200) expect(htmlLang(await response.text())).toBe("en");
    }
  });
});

describe("the registration page", () => {
  it("speaks the visitor's language, links included, with the organisers' translated title", async () => {
    const event = await makeEvent({ title: "Open Data Day", translations: { fr: { title: "Journée des données ouvertes", summary: "", description: "" } } });
    await makeTicketType(event, { name: "Standard", priceCents: 4500, currency: "EUR", capacity: 30 });
    const html = await (await get(`/events/${event.slug}/register`, { "Accept-Language": "fr-FR" })).text();
    expect(html).toMatch(/<a [^>]*href="\/signin\?redirectTo=[^"]*"[^>]*>Connectez-vous<\/a> ou <a [^>]*>créez un compte<\/a> pour vous inscrire\./);
    expect(html).toContain("Journée des données ouvertes");
    expect(html).toContain("45,00\u00a0€");
    expect(html).toContain("30 sur 30 disponibles");
  });
});

describe("the language switcher", () => {
  it("remembers a visitor's choice in a cookie and goes back to a local page only", async () => {
    const visitor = new TestClient(server.baseUrl);
    const switched = await visitor.get("/language?lang=de&redirectTo=%2Fevents%3Fkind%3DWORKSHOP");
    expect(switched.status).toBe(302);
    expect(switched.headers.get("location")).toBe("/events?kind=WORKSHOP");
    expect(visitor.cookies.get("lang")).toBe("de");
    const page = await (await visitor.get("/events")).text();
    expect(htmlLang(page)).toBe("de");
    expect(page).toContain("Veranstaltungen");

    const offsite = await visitor.get("/language?lang=fr&redirectTo=%2F%2Fevil.example");
    expect(offsite.headers.get("location")).toBe("/");
    const unknown = await visitor.get("/language?lang=xx&redirectTo=/events");
    expect(unknown.status).toBe(302);
    expect(visitor.cookies.get("lang")).toBe("fr");
  });

  it("saves a signed-in person's choice on the account (CSRF-checked)", async () => {
    const person = await makeUser();
    const client = await clientFor(person);
    expect((await client.submitForm("/language", { lang: "pt", redirectTo: "/events" }, { csrf: false })).status).toBe(403);
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).locale).toBeNull();
    const saved = await client.submitForm("/language", { lang: "pt", redirectTo: "/events" });
    expect(saved.status).toBe(302);
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).locale).toBe("pt");
  });

  it("is a setting on /account, where an unknown language is a field error", async () => {
    const person = await makeUser({ name: "Greta Braun" });
    const client = await clientFor(person);
    const refused = await client.submitForm("/account", { intent: "profile", name: "Greta Braun", timeZone: "", locale: "xx" });
    expect(refused.status).toBe(400);
    const saved = await client.submitForm("/account", { intent: "profile", name: "Greta Braun", timeZone: "", locale: "de" });
    expect(saved.status).toBe(200);
    // The page that answers the save already speaks the new language.
    const page = await saved.text();
    expect(htmlLang(page)).toBe("de");
    expect(page).toContain("Ihr Name, Ihre Zeitzone und Ihre Sprache sind gespeichert.");
    expect(page).toContain("Ihr Konto");
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).locale).toBe("de");
    await client.submitForm("/account", { intent: "profile", name: "Greta Braun", timeZone: "", locale: "" });
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).locale).toBeNull();
  });
});

describe("emails in the recipient's language", () => {
  it("sends a German account its confirmation in German, naming the event's zone", async () => {
    const event = await makeEvent({ title: "Smart Lighting Lab", timeZone: "Europe/Berlin" });
    const ticket = await makeTicketType(event);
    const person = await makeUser({ name: "Lena Müller" });
    await db().user.update({ where: { id: person.id }, data: { locale: "de" } });
    const client = await clientFor(person);
    expect((await client.submitForm(`/events/${event.slug}/register`, { ticketTypeId: ticket.id })).status).toBe(302);
    // The mail worker writes the confirmation when it sends it (a draft until then), and keeps
    // what it sent on the outbox row.
    const sink = await startSmtpSink();
    try {
      const transport = createMailTransport(sink.url);
      await sendDueEmails(transport, { drafter: drawEmailDraft });
      transport.close();
      expect(sink.messages.find((m) => m.to[0] === person.email)?.header("subject")).toMatch(/Sie sind angemeldet/);
    } finally {
      await sink.close();
    }
    const email = await db().outboxEmail.findFirstOrThrow({ where: { toAddress: person.email } });
    expect(email.status).toBe("SENT");
    expect(email.subject).toBe("Sie sind angemeldet: Smart Lighting Lab");
    expect(email.textBody).toContain("Hallo Lena Müller,");
    expect(email.textBody).toContain("(Europe/Berlin)");
    expect(email.htmlBody).toContain('<html lang="de">');
    const ics = Buffer.from(
      (email.attachments as Array<{ filename: string; content: string }>).find((a) => a.filename.endsWith(".ics"))!.content,
      "base64",
    ).toString();
    expect(ics.replace(/\r\n /g, "")).toContain("Ihr Ticketcode:");
    // And their registrations page speaks German too.
    const mine = await (await client.get("/my/registrations")).text();
    expect(mine).toContain("Meine Anmeldungen");
    expect(mine).toContain("Bestätigt");
  });
});

describe("event text in several languages", () => {
  it("lets the event's team write a Spanish version that Spanish visitors read, and no one else write it", async () => {
    const owner = await makeUser({ roles: ["ORGANISER"] });
    const stranger = await makeUser({ roles: ["ORGANISER"] });
    const event = await makeEvent({ owner, title: "Citizen Engagement Lab", summary: "Co-design with residents." });
    const path = `/organise/events/${event.slug}/languages`;
    const fields = {
      intent: "translation",
      language: "es",
      title: "Laboratorio de participación ciudadana",
      summary: "Codiseño con los vecinos.",
      description: "",
    };

    const outsider = await clientFor(stranger);
    expect((await outsider.get(path)).status).toBe(403);
    expect((await outsider.submitForm(path, fields)).status).toBe(403);

    const organiser = await clientFor(owner);
    expect((await organiser.submitForm(path, { ...fields, title: "" })).status).toBe(400);
    expect((await organiser.submitForm(path, { ...fields, language: "en" })).status).toBe(400);
    expect((await organiser.submitForm(path, fields)).status).toBe(302);

    const spanish = await (await get(`/events/${event.slug}`, { "Accept-Language": "es-ES,es;q=0.9" })).text();
    expect(spanish).toContain("Laboratorio de participación ciudadana");
    expect(spanish).toContain("Codiseño con los vecinos.");
    const english = await (await get(`/events/${event.slug}`)).text();
    expect(english).toContain("Citizen Engagement Lab");
    expect(english).not.toContain("Laboratorio");
    // French has no translation: the event's own language.
    expect(await (await get(`/events/${event.slug}`, { "Accept-Language": "fr" })).text()).toContain("Citizen Engagement Lab");

    expect((await organiser.submitForm(path, { intent: "remove", language: "es" })).status).toBe(302);
    expect(await (await get(`/events/${event.slug}?lang=es`)).text()).toContain("Citizen Engagement Lab");
  });

  it("gives sessions titles per language, on the agenda and the session page, for this event's sessions only", async () => {
    const owner = await makeUser({ roles: ["ORGANISER"] });
    const event = await makeEvent({ owner, title: "Mobility Days", agendaPublishedAt: new Date() });
    const session = await makeAgendaSession(event, { title: "Opening keynote" });
    const foreign = await makeAgendaSession(await makeEvent({ title: "Someone else's event" }), { title: "Not yours" });
    const organiser = await clientFor(owner);
    const path = `/organise/events/${event.slug}/languages`;
    expect((await organiser.submitForm(path, { intent: "translation", language: "it", title: "Giornate della mobilità" })).status).toBe(302);
    const saved = await organiser.submitForm(path, {
      intent: "session-titles",
      language: "it",
      [`session-${session.id}`]: "Keynote di apertura",
      [`session-${foreign.id}`]: "Hijacked",
    });
    expect(saved.status).toBe(302);
    expect((await db().agendaSession.findUniqueOrThrow({ where: { id: foreign.id } })).translations).toEqual({});

    const agenda = await (await get(`/events/${event.slug}/agenda?lang=it`)).text();
    expect(agenda).toContain("Keynote di apertura");
    expect(agenda).toContain("Giornate della mobilità");
    const page = await (await get(`/sessions/${session.id}`, { "Accept-Language": "it-IT" })).text();
    expect(page).toContain("Keynote di apertura");
    expect(await (await get(`/sessions/${session.id}`)).text()).toContain("Opening keynote");
  });

  it("escapes hostile translated text in every language", async () => {
    const owner = await makeUser({ roles: ["ORGANISER"] });
    const event = await makeEvent({ owner, title: "Plain title", defaultLanguage: "en" });
    const organiser = await clientFor(owner);
    const hostile = `<script>alert("x")</script> \u202Eevil' "quoted" <img src=x onerror=alert(1)>`;
    for (const language of LANGUAGES.filter((code) => code !== "en")) {
      const saved = await organiser.submitForm(`/organise/events/${event.slug}/languages`, {
        intent: "translation",
        language,
        title: `${language} ${hostile}`,
        summary: hostile,
        description: hostile,
      });
      expect(saved.status).toBe(302);
      const page = await (await get(`/events/${event.slug}?lang=${language}`)).text();
      expect(page).not.toContain("<script>alert");
      expect(page).not.toContain("<img src=x");
      expect(page).toContain(`${language} &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;`);
      expect(htmlLang(page)).toBe(language);
    }
    const catalogue = await (await get("/events?lang=pl")).text();
    expect(catalogue).not.toContain("<script>alert");
  });
});
