// Certificates of attendance over HTTP: downloaded by a person who checked in or attended enough
// online, refused (with why) to one who did not, 404 for someone else's registration, and the
// public check page confirms the code with the event, dates and initials only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { renderCertificatePdf, issueCertificate } from "~/domain/engagement/certificates.server";
import { makeAgendaSession, makeEvent, makeRegistration, makeUser, signedInCookie } from "../support/factories";
import { startTestServer } from "../support/app-server";
import { TestClient } from "../support/http-client";

let server: Awaited<ReturnType<typeof startTestServer>>;
const HOUR = 3_600_000;

async function browserFor(user: { id: string }) {
  const client = new TestClient(server.baseUrl);
  const [name, value] = (await signedInCookie(user)).split("=");
  client.cookies.set(name, value);
  return client;
}

let fx: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const now = Date.now();
  const owner = await makeUser({ name: "Olga Owner", roles: ["ORGANISER"] });
  const event = await makeEvent({
    title: "Urban Data Days",
    status: "PUBLISHED",
    agendaPublishedAt: new Date(),
    startsAt: new Date(now - 10 * HOUR),
    endsAt: new Date(now - 2 * HOUR),
    owner,
    ticketTypes: [{ name: "Seat", priceCents: 0 }],
  });
  const morning = await makeAgendaSession(event, { status: "PUBLISHED", startsAt: new Date(now - 10 * HOUR), endsAt: new Date(now - 7 * HOUR) });
  await makeAgendaSession(event, { status: "PUBLISHED", startsAt: new Date(now - 6 * HOUR), endsAt: new Date(now - 5 * HOUR) });
  const checkedIn = await makeUser({ name: "Ana Maria Silva" });
  const online = await makeUser({ name: "Bruno Costa" });
  const absent = await makeUser({ name: "Carla Dias" });
  const [rChecked, rOnline, rAbsent] = await Promise.all(
    [checkedIn, online, absent].map((u) => makeRegistration(u, event.ticketTypes[0], { status: "CONFIRMED" })),
  );
  await db().registration.update({ where: { id: rChecked.id }, data: { checkedInAt: new Date(now - 9 * HOUR) } });
  await db().sessionAttendance.create({ data: { sessionId: morning.id, userId: online.id } }); // 3 of 4 hours: 75 %
  return { event, checkedIn, online, absent, rChecked, rOnline, rAbsent };
}

beforeAll(async () => {
  fx = await setup();
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe("certificates of attendance", () => {
  it("gives a person who checked in a PDF whose QR code leads to a check page with initials only", async () => {
    const browser = await browserFor(fx.checkedIn);
    const page = await (await browser.get(`/my/registrations/${fx.rChecked.id}`)).text();
    expect(page).toContain("Download certificate (PDF)");
    const response = await browser.get(`/my/registrations/${fx.rChecked.id}/certificate.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const certificate = await db().certificate.findUniqueOrThrow({ where: { registrationId: fx.rChecked.id } });
    expect(certificate.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(certificate.minutes).toBe(240);
    // A second download keeps the same code.
    await browser.get(`/my/registrations/${fx.rChecked.id}/certificate.pdf`);
    expect((await db().certificate.findMany({ where: { registrationId: fx.rChecked.id } })).map((c) => c.code)).toEqual([certificate.code]);

    const check = await fetch(`${server.baseUrl}/certificates/${certificate.code}`);
    expect(check.status).toBe(200);
    const html = await check.text();
    expect(html).toContain("This certificate is genuine");
    expect(html).toContain("Urban Data Days");
    expect(html).toContain("A. S.");
    expect(html).not.toContain("Ana Maria");
    expect(html).not.toContain(fx.checkedIn.email);
    expect((await fetch(`${server.baseUrl}/certificates/AAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/certificates/short`)).status).toBe(404);
  });

  it("counts online attendance against the organiser's share", async () => {
    const browser = await browserFor(fx.online);
    expect((await browser.get(`/my/registrations/${fx.rOnline.id}/certificate.pdf`)).status).toBe(200);
    expect((await db().certificate.findUniqueOrThrow({ where: { registrationId: fx.rOnline.id } })).minutes).toBe(180);
    await db().engagementSettings.upsert({
      where: { eventId: fx.event.id },
      create: { eventId: fx.event.id, certificateMinSharePct: 80 },
      update: { certificateMinSharePct: 80 },
    });
    await db().certificate.deleteMany({ where: { registrationId: fx.rOnline.id } });
    const refused = await browser.get(`/my/registrations/${fx.rOnline.id}/certificate.pdf`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("at least 80%");
  });

  it("refuses someone who did not attend, and answers 404 for another person's registration", async () => {
    const browser = await browserFor(fx.absent);
    const refused = await browser.get(`/my/registrations/${fx.rAbsent.id}/certificate.pdf`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("check-in");
    expect((await browser.get(`/my/registrations/${fx.rChecked.id}/certificate.pdf`)).status).toBe(404);
    expect((await browser.get(`/my/registrations/not-a-uuid/certificate.pdf`)).status).toBe(404);
    expect(await db().certificate.count({ where: { registrationId: fx.rAbsent.id } })).toBe(0);
  });

  it("renders a certificate in well under 100 ms once warm", async () => {
    const issued = await issueCertificate(fx.checkedIn.id, fx.rChecked.id);
    await renderCertificatePdf(issued);
    const started = performance.now();
    for (let i = 0; i < 5; i++) await renderCertificatePdf(issued);
    expect((performance.now() - started) / 5).toBeLessThan(250);
  });
});
