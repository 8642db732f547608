// GDPR on real PostgreSQL: the export holds the person's data and nobody else's; erasure cancels
// through the existing steps (seat released, the other party's meeting cancelled with an email),
// anonymises the account so it cannot sign in, keeps questions as from a deleted member and
// payments; a wrong password changes nothing; over HTTP only the signed-in person is acted on and
// CSRF is required. The answer-retention job erases answers of long-ended events only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "~/domain/accounts/accounts.server";
import { DomainError } from "~/domain/kernel/errors";
import { exportPersonalData } from "~/domain/privacy/export.server";
import { DELETED_MEMBER_NAME, deleteAccount, deletedEmail, eraseAccount } from "~/domain/privacy/erasure.server";
import { eraseExpiredAnswers } from "~/domain/privacy/retention.server";
import { registerForEvent } from "~/domain/registration/register.server";
import { ENDED_STATUSES } from "~/domain/registration/ticket-rules";
import { db } from "~/platform/db.server";
import { DEMO_TOTP_SECRET } from "../../prisma/seed";
import { totpCode } from "~/domain/accounts/totp";
import { startTestServer } from "../support/app-server";
import { TestClient } from "../support/http-client";
import { makeAgendaSession, makeEvent, makeMeeting, makeRegistration, makeTicketType, makeUser, unique } from "../support/factories";

const PASSWORD = "erasure-is-a-right";
const DAY = 86_400_000;

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

async function attendeeWithEverything() {
  const person = await makeUser({ name: "Aino Virtanen", password: PASSWORD });
  const other = await makeUser({ name: "Bruno Costa", password: PASSWORD });
  const event = await makeEvent();
  const ticket = await makeTicketType(event, { capacity: 10, taken: 2 });
  const question = await db().registrationQuestion.create({ data: { eventId: event.id, label: "Dietary needs", kind: "SHORT_TEXT" } });
  const mine = await makeRegistration(person, ticket);
  const theirs = await makeRegistration(other, ticket);
  await db().registrationAnswer.createMany({
    data: [
      { registrationId: mine.id, questionId: question.id, value: "vegetarian" },
      { registrationId: theirs.id, questionId: question.id, value: "no nuts please" },
    ],
  });
  await db().payment.create({ data: { eventId: event.id, registrationId: mine.id, method: "INVOICE", state: "PAID", amountCents: 4900, paidAt: new Date() } });
  const session = await makeAgendaSession(event);
  const asked = await db().question.create({ data: { sessionId: session.id, authorId: person.id, body: "How do districts share heat?" } });
  await db().question.create({ data: { sessionId: session.id, authorId: other.id, body: "Bruno's private question" } });
  // A confirmed meeting at another event, where the person is not registered: cancelled by erasure itself.
  const elsewhere = await makeEvent();
  const meeting = await makeMeeting({ event: elsewhere, host: other, guest: person, status: "CONFIRMED", source: "REQUEST" });
  return { person, other, event, ticket, mine, theirs, asked, meeting };
}

describe("export", () => {
  it("holds the person's registrations, answers, payments and questions, and nothing of another person", async () => {
    const { person, other, mine, theirs } = await attendeeWithEverything();
    const data = await exportPersonalData(person.id);
    expect(data.profile.email).toBe(person.email);
    expect(data.registrations.map((r) => r.id)).toEqual([mine.id]);
    expect(data.registrations[0].answers).toEqual([{ question: "Dietary needs", value: "vegetarian" }]);
    expect(data.registrations[0].payments).toEqual([expect.objectContaining({ amountCents: 4900, state: "PAID" })]);
    expect(data.questions.map((q) => q.body)).toEqual(["How do districts share heat?"]);
    expect(data.meetings).toEqual([expect.objectContaining({ role: "guest", with: "Bruno Costa", status: "CONFIRMED" })]);
    const text = JSON.stringify(data);
    for (const foreign of [theirs.id, other.email, other.id, "no nuts please", "Bruno's private question"]) expect(text).not.toContain(foreign);
    expect(text).not.toContain("passwordHash");
    expect(text).not.toContain("totpSecret");
  });
});

describe("erasure", () => {
  it("cancels, releases the seat, tells the other party, anonymises, keeps questions and payments", async () => {
    const { person, other, ticket, mine, theirs, asked, meeting } = await attendeeWithEverything();
    const started = new Date();
    await db().calendarFeedToken.create({ data: { userId: person.id, tokenHash: `hash-${unique()}` } });
    const report = await deleteAccount(person.id, { currentPassword: PASSWORD });
    expect(report).toMatchObject({ cancelledRegistrations: 1, cancelledMeetings: 1 });

    await expect(signIn({ email: person.email, password: PASSWORD })).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    await expect(signIn({ email: deletedEmail(person.id), password: PASSWORD })).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    const erased = await db().user.findUniqueOrThrow({ where: { id: person.id } });
    expect(erased).toMatchObject({ name: DELETED_MEMBER_NAME, email: deletedEmail(person.id), totpSecret: null, jobTitle: null });
    expect(erased.deletedAt).not.toBeNull();

    expect((await db().ticketType.findUniqueOrThrow({ where: { id: ticket.id } })).taken).toBe(1);
    expect((await db().registration.findUniqueOrThrow({ where: { id: mine.id } })).status).toBe("CANCELLED");
    expect((await db().registration.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("CONFIRMED");
    expect(await db().registrationAnswer.count({ where: { registrationId: mine.id } })).toBe(0);
    expect(await db().registrationAnswer.count({ where: { registrationId: theirs.id } })).toBe(1);
    expect(await db().payment.count({ where: { registrationId: mine.id } })).toBe(1);

    expect((await db().meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe("CANCELLED");
    const toOther = await db().outboxEmail.findMany({ where: { toAddress: other.email, createdAt: { gte: started } } });
    expect(toOther.length).toBeGreaterThan(0);
    expect(toOther.some((email) => /cancel/i.test(email.subject))).toBe(true);

    const question = await db().question.findUniqueOrThrow({ where: { id: asked.id }, select: { body: true, author: { select: { name: true } } } });
    expect(question).toEqual({ body: "How do districts share heat?", author: { name: DELETED_MEMBER_NAME } });
    expect(await db().calendarFeedToken.count({ where: { userId: person.id, revokedAt: null } })).toBe(0);
    await expect(deleteAccount(person.id, { currentPassword: PASSWORD })).rejects.toBeInstanceOf(DomainError);
  });

  it("a wrong password is a field error and changes nothing", async () => {
    const { person, mine, ticket } = await attendeeWithEverything();
    await expect(deleteAccount(person.id, { currentPassword: "not-my-password" })).rejects.toMatchObject({
      code: "INVALID_CREDENTIALS",
      fieldErrors: { currentPassword: expect.any(String) },
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).deletedAt).toBeNull();
    expect((await db().registration.findUniqueOrThrow({ where: { id: mine.id } })).status).toBe("CONFIRMED");
    expect((await db().ticketType.findUniqueOrThrow({ where: { id: ticket.id } })).taken).toBe(2);
  });

  it("asks for the second factor when two-factor is on", async () => {
    const person = await makeUser({ password: PASSWORD });
    await db().user.update({ where: { id: person.id }, data: { totpSecret: DEMO_TOTP_SECRET, totpEnabledAt: new Date() } });
    await expect(deleteAccount(person.id, { currentPassword: PASSWORD })).rejects.toMatchObject({ fieldErrors: { code: expect.any(String) } });
    await expect(
      deleteAccount(person.id, { currentPassword: PASSWORD, code: "000000" === totpCode(DEMO_TOTP_SECRET, new Date()) ? "111111" : "000000" }),
    ).rejects.toMatchObject({
      fieldErrors: { code: expect.any(String) },
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).deletedAt).toBeNull();
    await deleteAccount(person.id, { currentPassword: PASSWORD, code: totpCode(DEMO_TOTP_SECRET, new Date()) });
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).deletedAt).not.toBeNull();
  });
});

describe("erasure racing registrations in flight", () => {
  // Free seats go through the one-statement seated registration; a full ticket type through the
  // waiting-list insert. Both must respect an erasure that is under way.
  for (const [what, ticketShape] of [
    ["seats free", { capacity: 100 }],
    ["ticket type full (waiting list)", { capacity: 1, taken: 1 }],
  ] as const) {
    it(`never leaves a live registration or a taken seat for a deleted member: ${what}`, async () => {
      const event = await makeEvent();
      const ticket = await makeTicketType(event, ticketShape);
      const people = await Promise.all(Array.from({ length: 12 }, (_, i) => makeUser({ name: `Racer ${i}` })));
      // Each person registers and is erased at the same moment; whichever statement wins, the
      // outcome must be the same: no live registration, and the seat (if taken) given back.
      await Promise.all(
        people.flatMap((person) => [
          registerForEvent(person, { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} }).catch((error: unknown) => {
            if (!(error instanceof DomainError)) throw error;
          }),
          eraseAccount(person.id),
        ]),
      );
      const rows = await db().registration.findMany({ where: { ticketTypeId: ticket.id }, select: { status: true } });
      expect(rows.filter((r) => !ENDED_STATUSES.has(r.status))).toEqual([]);
      const { taken } = await db().ticketType.findUniqueOrThrow({ where: { id: ticket.id }, select: { taken: true } });
      expect(taken).toBe(ticketShape.taken ?? 0);
      const deleted = await db().user.count({ where: { id: { in: people.map((p) => p.id) }, deletedAt: { not: null } } });
      expect(deleted).toBe(people.length);
    });
  }
});

describe("over HTTP", () => {
  async function signUp(name: string, password = PASSWORD): Promise<{ browser: TestClient; email: string }> {
    const browser = new TestClient(server.baseUrl);
    const email = `gdpr-${unique()}@example.test`;
    expect((await browser.submitForm("/signup", { name, email, password })).status).toBe(302);
    return { browser, email };
  }

  it("exports and deletes only the signed-in person, with CSRF; a deleted person cannot sign in", async () => {
    const ana = await signUp("Ana Ionescu");
    const ben = await signUp("Ben Okafor", "bens-own-long-password");

    const download = await ana.browser.get("/account/export");
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="scale-events-my-data-/);
    expect(download.headers.get("cache-control")).toContain("no-store");
    const body = await download.text();
    expect(JSON.parse(body).profile.email).toBe(ana.email);
    expect(body).not.toContain(ben.email);
    expect((await new TestClient(server.baseUrl).get("/account/export")).status).toBe(302);

    expect((await ana.browser.submitForm("/account/delete", { currentPassword: PASSWORD }, { csrf: false })).status).toBe(403);
    // Ben knows Ana's password: the route acts on the signed-in Ben only, whose password it is not.
    const wrong = await ben.browser.submitForm("/account/delete", { currentPassword: PASSWORD });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain("That is not your current password.");
    expect(await db().user.count({ where: { email: { in: [ana.email, ben.email] }, deletedAt: null } })).toBe(2);

    const deleted = await ana.browser.submitForm("/account/delete", { currentPassword: PASSWORD });
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("location")).toBe("/account/deleted");
    expect(deleted.headers.getSetCookie().some((c) => /^scale_sid=;/.test(c) && /Max-Age=0/i.test(c))).toBe(true);
    expect((await ana.browser.get("/account/deleted")).status).toBe(200);
    expect((await ana.browser.get("/account")).status).toBe(302);
    const again = await new TestClient(server.baseUrl).submitForm("/signin", { email: ana.email, password: PASSWORD });
    expect(again.status).not.toBe(302);
    expect(await again.text()).toContain("That email and password do not match an account.");
    expect((await ben.browser.get("/account")).status).toBe(200);
  });

  it("the privacy page is public and names its version", async () => {
    const page = await new TestClient(server.baseUrl).get("/privacy");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("10 years");
    expect(html).toMatch(/data-testid="privacy-version">\d{4}-\d{2}-\d{2}</);
  });
});

describe("answer retention", () => {
  it("erases answers of events that ended more than the retention ago, and keeps recent ones", async () => {
    const now = new Date();
    const person = await makeUser();
    const answered = async (endedDaysAgo: number) => {
      const event = await makeEvent({ startsAt: new Date(now.getTime() - endedDaysAgo * DAY - DAY), endsAt: new Date(now.getTime() - endedDaysAgo * DAY) });
      const ticket = await makeTicketType(event);
      const question = await db().registrationQuestion.create({ data: { eventId: event.id, label: "Organisation size", kind: "SHORT_TEXT" } });
      const registration = await makeRegistration(person, ticket);
      await db().registrationAnswer.create({ data: { registrationId: registration.id, questionId: question.id, value: "50" } });
      return registration;
    };
    const old = await answered(25 * 31);
    const recent = await answered(30);
    const erased = await eraseExpiredAnswers(now, 24);
    expect(erased).toBeGreaterThanOrEqual(1);
    expect(await db().registrationAnswer.count({ where: { registrationId: old.id } })).toBe(0);
    expect(await db().registrationAnswer.count({ where: { registrationId: recent.id } })).toBe(1);
    expect(await db().registration.count({ where: { id: old.id } })).toBe(1);
  });
});
