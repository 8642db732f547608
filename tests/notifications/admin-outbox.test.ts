// /admin/outbox over HTTP: admin only; lists emails with status, recipient, subject, attempts and
// last error; shows one with its HTML sandboxed (srcdoc, escaped) and attachments downloadable.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { draftEmail, enqueueEmail } from "~/domain/notifications/outbox.server";
import { db } from "~/platform/db.server";
import { seedDemoData } from "../../prisma/seed";
import { startTestServer } from "../support/app-server";
import { makeEvent, makeRegistration, makeTicketType, makeUser } from "../support/factories";
import { TestClient, signedInClient } from "../support/http-client";

let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: TestClient;
let attendee: TestClient;
let emailId: string;
let failedId: string;

const signedIn = (email: string) => signedInClient(server.baseUrl, email);

beforeAll(async () => {
  await seedDemoData();
  delete process.env.SMTP_URL;
  server = await startTestServer();
  admin = await signedIn("admin@scale-events.demo");
  attendee = await signedIn("attendee@scale-events.demo");
  await enqueueEmail(db(), {
    to: "ana@maia.example",
    subject: "You're registered: Smart <Lighting> Visit",
    text: "Hello Ana,\n\nYour place is confirmed.",
    html: '<p>Hello <b>Ana</b></p><script>alert("x")</script><img src="https://tracker.example/p.gif">',
    attachments: [
      {
        filename: "invite.ics",
        contentType: "text/calendar; charset=utf-8; method=REQUEST",
        content: Buffer.from("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n").toString("base64"),
      },
    ],
    dedupeKey: "registration-confirmed:test",
  });
  emailId = (await db().outboxEmail.findUniqueOrThrow({ where: { dedupeKey: "registration-confirmed:test" } })).id;
  const failed = await db().outboxEmail.create({
    data: { toAddress: "gone@nowhere.example", subject: "Refund issued", textBody: "…", status: "FAILED", attempts: 20, lastError: "550 5.1.1 No such user" },
  });
  failedId = failed.id;
});

afterAll(async () => {
  await server?.close();
});

describe("/admin/outbox", () => {
  it("is for administrators only", async () => {
    expect((await attendee.get("/admin/outbox")).status).toBe(403);
    expect((await attendee.get(`/admin/outbox/${emailId}`)).status).toBe(403);
    expect((await attendee.get(`/admin/outbox/${emailId}/attachments/0`)).status).toBe(403);
    const anonymous = await fetch(`${server.baseUrl}/admin/outbox`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/signin\?redirectTo=/);
  });

  it("lists emails with status, recipient, subject, attempts and the last error", async () => {
    const html = await (await admin.get("/admin/outbox")).text();
    expect(html).toContain("ana@maia.example");
    expect(html).toContain("You&#x27;re registered: Smart &lt;Lighting&gt; Visit");
    expect(html).toContain("gone@nowhere.example");
    expect(html).toContain("550 5.1.1 No such user");
    expect(html).toContain("SMTP is not configured");
    const failedOnly = await (await admin.get("/admin/outbox?status=FAILED")).text();
    expect(failedOnly).toContain("gone@nowhere.example");
    expect(failedOnly).not.toContain("ana@maia.example");
    const search = await (await admin.get("/admin/outbox?q=maia")).text();
    expect(search).toContain("ana@maia.example");
    expect(search).not.toContain("gone@nowhere.example");
    const nothing = await (await admin.get("/admin/outbox?q=zzz-no-match")).text();
    expect(nothing).toContain("No email matches these filters.");
    expect((await admin.get("/admin/outbox?status=BOGUS&page=-3")).status).toBe(200);
  });

  it("shows one email: text escaped, HTML only inside a sandboxed srcdoc iframe, attachments linked", async () => {
    const response = await admin.get(`/admin/outbox/${emailId}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<iframe[^>]*sandbox=""[^>]*srcDoc="|<iframe[^>]*srcDoc="[^"]*"[^>]*sandbox=""/i);
    // The email's markup is an attribute value (escaped), never live markup of our page.
    expect(html).not.toContain('<script>alert("x")</script>');
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("Your place is confirmed.");
    expect(html).toContain(`/admin/outbox/${emailId}/attachments/0`);
    expect(html).toContain("invite.ics");
  });

  it("shows a draft not yet written as a preview drawn from its registration, and one with nothing to send as such", async () => {
    const event = await makeEvent({ title: "Preview Lighting Day", status: "PUBLISHED" });
    const person = await makeUser({ name: "Petra Preview" });
    const registration = await makeRegistration(person, await makeTicketType(event));
    await enqueueEmail(db(), draftEmail(person.email, { kind: "registration-confirmed", id: registration.id }, `registration-confirmed:${registration.id}`));
    const draft = await db().outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `registration-confirmed:${registration.id}` } });
    const page = await (await admin.get(`/admin/outbox/${draft.id}`)).text();
    expect(page).toContain("Not written yet");
    expect(page).toContain("Preview Lighting Day");
    expect(page).toContain(registration.ticketCode);
    expect(page).toContain(`ticket-${registration.ticketCode}.png`);
    // Nothing is stored to download until the worker writes the email.
    expect(page).not.toContain(`/admin/outbox/${draft.id}/attachments/0`);

    await db().registration.update({ where: { id: registration.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    expect(await (await admin.get(`/admin/outbox/${draft.id}`)).text()).toContain("Nothing will be sent");
  });

  it("downloads an attachment as a file, never rendered inline", async () => {
    const response = await admin.get(`/admin/outbox/${emailId}/attachments/0`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="invite.ics"');
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.text()).toContain("BEGIN:VCALENDAR");
    expect((await admin.get(`/admin/outbox/${emailId}/attachments/7`)).status).toBe(404);
    expect((await admin.get(`/admin/outbox/not-a-uuid`)).status).toBe(404);
    expect((await admin.get(`/admin/outbox/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it("sends a failed email again on request (CSRF-checked)", async () => {
    const refused = await admin.submitForm(`/admin/outbox/${failedId}`, { intent: "retry" }, { csrf: false });
    expect(refused.status).toBe(403);
    const response = await admin.submitForm(`/admin/outbox/${failedId}`, { intent: "retry" });
    expect(response.status).toBe(302);
    expect(await db().outboxEmail.findUniqueOrThrow({ where: { id: failedId } })).toMatchObject({ status: "PENDING", attempts: 0 });
    const again = await admin.submitForm(`/admin/outbox/${failedId}`, { intent: "retry" });
    expect(again.status).toBe(409);
  });
});
