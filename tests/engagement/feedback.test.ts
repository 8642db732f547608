// Feedback surveys end to end without a browser: the organiser defines a survey over HTTP, the
// sweep emails each participant once (checked in or attended online; not the absent), the link
// works for its person only and once, and both CSV exports follow the registrations' CSV rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { castBallot, createPoll } from "~/domain/engagement/polls.server";
import { sendDueSurveyInvites } from "~/domain/engagement/surveys.server";
import { db } from "~/platform/db.server";
import { makeAgendaSession, makeEvent, makeRegistration, makeUser, signedInCookie } from "../support/factories";
import { startTestServer } from "../support/app-server";
import { TestClient } from "../support/http-client";

let server: Awaited<ReturnType<typeof startTestServer>>;
const HOUR = 3_600_000;

async function browserFor(user: { id: string } | null) {
  const client = new TestClient(server.baseUrl);
  if (user) {
    const [name, value] = (await signedInCookie(user)).split("=");
    client.cookies.set(name, value);
  }
  return client;
}

let fx: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const now = Date.now();
  const owner = await makeUser({ name: "Olga Owner", roles: ["ORGANISER"] });
  const stranger = await makeUser({ name: "Other Organiser", roles: ["ORGANISER"] });
  const event = await makeEvent({
    title: "Feedback Forum",
    status: "PUBLISHED",
    agendaPublishedAt: new Date(),
    startsAt: new Date(now - 8 * HOUR),
    endsAt: new Date(now - 3 * HOUR),
    owner,
    ticketTypes: [{ name: "Seat", priceCents: 0 }],
  });
  const session = await makeAgendaSession(event, {
    status: "PUBLISHED",
    title: "Opening",
    startsAt: new Date(now - 8 * HOUR),
    endsAt: new Date(now - 7 * HOUR),
  });
  const checkedIn = await makeUser({ name: "Ana Silva" });
  const online = await makeUser({ name: "Bruno Costa" });
  const absent = await makeUser({ name: "Carla Dias" });
  const [rChecked] = await Promise.all([checkedIn, online, absent].map((u) => makeRegistration(u, event.ticketTypes[0], { status: "CONFIRMED" })));
  await db().registration.update({ where: { id: rChecked.id }, data: { checkedInAt: new Date(now - 7 * HOUR) } });
  await db().sessionAttendance.create({ data: { sessionId: session.id, userId: online.id } });
  return { event, session, owner, stranger, checkedIn, online, absent };
}

beforeAll(async () => {
  fx = await setup();
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe("feedback surveys", () => {
  const page = () => `/organise/events/${fx.event.slug}/feedback`;

  it("lets the event's organiser define a survey, and nobody else", async () => {
    const organiser = await browserFor(fx.owner);
    expect((await organiser.submitForm(page(), { intent: "create-survey", title: "How was the forum?", sessionId: "" })).status).toBe(302);
    const survey = await db().survey.findFirstOrThrow({ where: { eventId: fx.event.id } });
    const bad = await organiser.submitForm(page(), { intent: "add-question", surveyId: survey.id, kind: "CHOICE", prompt: "Format?", options: "only one" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Give 2 to 10 choices");
    for (const q of [
      { kind: "NPS", options: "", prompt: "Would you recommend it?" },
      { kind: "RATING", options: "", prompt: "The venue" },
      { kind: "CHOICE", prompt: "Best format?", options: "Panels\nWorkshops" },
      { kind: "TEXT", options: "", prompt: "Anything else?" },
    ]) {
      expect((await organiser.submitForm(page(), { intent: "add-question", surveyId: survey.id, ...q })).status).toBe(302);
    }
    expect(await db().surveyQuestion.count({ where: { surveyId: survey.id } })).toBe(4);
    await organiser.submitForm(page(), { intent: "settings", certificateMinSharePct: "50", feedbackDelayHours: "2" });

    const stranger = await browserFor(fx.stranger);
    expect((await stranger.get(page())).status).toBe(403);
    expect((await stranger.submitForm(page(), { intent: "add-question", surveyId: survey.id, kind: "TEXT", prompt: "Hijack" })).status).toBe(403);
    expect((await stranger.get(`/organise/events/${fx.event.slug}/feedback.csv`)).status).toBe(403);
    expect((await stranger.get(`/organise/events/${fx.event.slug}/polls.csv`)).status).toBe(403);
    expect(await db().surveyQuestion.count({ where: { surveyId: survey.id } })).toBe(4);
  });

  it("emails each participant once, after the delay, and never the absent", async () => {
    expect(await sendDueSurveyInvites(new Date(Date.now() - 2 * HOUR))).toBe(0); // an hour after the end: too early
    expect(await sendDueSurveyInvites()).toBe(2);
    expect(await sendDueSurveyInvites()).toBe(0);
    const invites = await db().surveyInvite.findMany({ select: { userId: true } });
    expect(invites.map((i) => i.userId).sort()).toEqual([fx.checkedIn.id, fx.online.id].sort());
    const emails = await db().outboxEmail.findMany({ where: { subject: { contains: "Feedback Forum" } } });
    expect(emails).toHaveLength(2);
  });

  it("takes one response through the person's link, refuses another person and a second use", async () => {
    const email = await db().outboxEmail.findFirstOrThrow({ where: { toAddress: fx.checkedIn.email } });
    const token = /\/feedback\/([A-Za-z0-9_-]{43})/.exec(email.textBody)![1];
    const other = await browserFor(fx.online);
    expect((await other.get(`/feedback/${token}`)).status).toBe(403);
    const mine = await browserFor(fx.checkedIn);
    expect(await (await mine.get(`/feedback/${token}`)).text()).toContain("Would you recommend it?");
    const questions = await db().surveyQuestion.findMany({ orderBy: { position: "asc" } });
    const [nps, rating, choice, text] = questions;
    const invalid = await mine.submitForm(`/feedback/${token}`, { intent: "answer", [`q_${nps.id}`]: "11" });
    expect(invalid.status).toBe(400);
    const sent = await mine.submitForm(`/feedback/${token}`, {
      intent: "answer",
      [`q_${nps.id}`]: "9",
      [`q_${rating.id}`]: "4",
      [`q_${choice.id}`]: "Workshops",
      [`q_${text.id}`]: '=HYPERLINK("x")',
    });
    expect(sent.status).toBe(302);
    const again = await mine.submitForm(`/feedback/${token}`, { intent: "answer", [`q_${nps.id}`]: "0" });
    expect(again.status).toBe(410);
    expect((await mine.get(`/feedback/${token}`)).status).toBe(410);
    expect(await db().surveyResponse.count()).toBe(1);
    expect((await (await browserFor(null)).get(`/feedback/${"x".repeat(43)}`)).status).toBe(410);

    const organiser = await browserFor(fx.owner);
    const html = await (await organiser.get(`/organise/events/${fx.event.slug}/feedback`)).text();
    expect(html).toContain("NPS <strong>100</strong>");
    const csv = await (await organiser.get(`/organise/events/${fx.event.slug}/feedback.csv`)).text();
    expect(csv.replace(/^\uFEFF/, "").startsWith("Survey,Session,Response")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).not.toContain(fx.checkedIn.name);
  });

  it("exports poll ballots with names only for polls that are not anonymous", async () => {
    const organiserActor = { id: fx.owner.id, name: fx.owner.name, roles: ["ORGANISER" as const] };
    const base = { options: ["Yes", "No"], showResults: true, allowChange: false, launch: true } as const;
    const named = await createPoll(organiserActor, fx.session.id, { ...base, kind: "SINGLE", question: "Named?", options: ["Yes", "No"], anonymous: false });
    const anon = await createPoll(organiserActor, fx.session.id, { ...base, kind: "WORD_CLOUD", question: "One word", options: [], anonymous: true });
    const ana = { id: fx.checkedIn.id, name: fx.checkedIn.name, roles: ["ATTENDEE" as const] };
    await castBallot(ana, { pollId: named.id, choices: [named.options[0].id] });
    await castBallot(ana, { pollId: anon.id, text: "@SUM(1)" });
    const csv = await (await (await browserFor(fx.owner)).get(`/organise/events/${fx.event.slug}/polls.csv`)).text();
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("Named?");
    expect(lines[1]).toContain("Ana Silva");
    expect(lines[2]).toContain("Anonymous");
    expect(lines[2]).toContain("'@SUM(1)");
    const dashboard = await (await (await browserFor(fx.owner)).get(`/organise/events/${fx.event.slug}/dashboard`)).text();
    expect(dashboard).toMatch(/reg-stats__value">2<\/span><span class="reg-stats__label"><a [^>]*>Poll answers/);
    expect(dashboard).toMatch(/reg-stats__value">100<\/span><span class="reg-stats__label"><a [^>]*>NPS/);
  });
});
