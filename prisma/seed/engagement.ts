// Demo data of live engagement: a webinar session live now with a prepared poll (open, answered by
// the other demo attendees), a two-question quiz ready to launch and an open word cloud; and a past exchange
// where attendee@ checked in, answered the feedback survey and can download a certificate. Called from seedDemoData.
import { createHash, randomBytes } from "node:crypto";
import type { Db, Tx } from "../../app/platform/db.server";
import { generateTicketCode } from "../../app/domain/registration/ticket-code";

const HOUR = 3_600_000;

export async function seedEngagement(client: Tx | Db, now = new Date()): Promise<void> {
  const organiser = await client.user.findUniqueOrThrow({ where: { email: "organiser@scale-events.demo" }, select: { id: true } });
  const attendee = await client.user.findUniqueOrThrow({ where: { email: "attendee@scale-events.demo" }, select: { id: true } });
  const delegates = await client.user.findMany({
    where: { email: { endsWith: ".demo" }, roles: { equals: ["ATTENDEE"] }, NOT: { id: attendee.id } },
    select: { id: true },
    take: 12,
  });

  // 1. Live now: a replication clinic webinar (started 30 minutes ago).
  const live = await client.event.create({
    data: {
      slug: "replication-clinic-live",
      title: "Replication Clinic: From Lighthouse to Fellow Cities (live)",
      summary: "A live clinic where fellow cities ask how lighthouse solutions travel — with polls, a quiz and a word cloud.",
      description: "SCALE supports 48 lighthouse and 72 fellow cities. In this clinic, fellow cities bring their replication questions.",
      kind: "WEBINAR",
      status: "PUBLISHED",
      mode: "ONLINE",
      timeZone: "Europe/Brussels",
      startsAt: new Date(now.getTime() - 0.5 * HOUR),
      endsAt: new Date(now.getTime() + 1.5 * HOUR),
      onlineUrl: "https://meet.scale-events.demo/replication-clinic",
      themes: ["GOVERNANCE", "DATA_PLATFORMS"],
      createdById: organiser.id,
      publishedAt: now,
      agendaPublishedAt: now,
      organisers: { create: [{ userId: organiser.id, role: "OWNER" }] },
      ticketTypes: { create: [{ name: "Clinic seat", priceCents: 0, capacity: 300, position: 0 }] },
    },
    include: { ticketTypes: true },
  });
  const session = await client.agendaSession.create({
    data: {
      eventId: live.id,
      title: "Open clinic: replicating urban data platforms",
      format: "WORKSHOP",
      status: "PUBLISHED",
      startsAt: live.startsAt,
      endsAt: live.endsAt,
      onlineUrl: live.onlineUrl,
      themes: ["DATA_PLATFORMS"],
    },
  });
  const people = [attendee, ...delegates];
  await client.registration.createMany({
    data: people.map((p) => ({
      eventId: live.id,
      userId: p.id,
      ticketTypeId: live.ticketTypes[0].id,
      status: "CONFIRMED" as const,
      ticketCode: generateTicketCode(),
    })),
  });
  await client.ticketType.update({ where: { id: live.ticketTypes[0].id }, data: { taken: people.length } });

  const platform = await client.poll.create({
    data: {
      sessionId: session.id,
      kind: "SINGLE",
      question: "Which urban data platform does your city run?",
      status: "OPEN",
      openedAt: new Date(now.getTime() - 10 * 60_000),
      createdById: organiser.id,
      options: { create: ["FIWARE-based", "CKAN open data portal", "Our own build", "None yet"].map((label, position) => ({ label, position })) },
    },
    include: { options: { orderBy: { position: "asc" } } },
  });
  await client.pollBallot.createMany({
    data: delegates.map((d, i) => ({ pollId: platform.id, userId: d.id, choices: [platform.options[[0, 0, 1, 2, 3, 0, 1][i % 7]].id] })),
  });
  const quiz = [
    { question: "How many lighthouse cities does SCALE reinforce?", options: ["18", "48", "72", "120"], correct: 1 },
    { question: "How many fellow cities are in the network?", options: ["48", "55", "72", "550"], correct: 2 },
  ];
  for (const q of quiz) {
    await client.poll.create({
      data: {
        sessionId: session.id,
        kind: "QUIZ",
        question: q.question,
        timerSeconds: 30,
        createdById: organiser.id,
        options: { create: q.options.map((label, position) => ({ label, position, correct: position === q.correct })) },
      },
    });
  }
  const cloud = await client.poll.create({
    data: {
      sessionId: session.id,
      kind: "WORD_CLOUD",
      question: "One word: what makes replication work?",
      status: "OPEN",
      allowChange: true,
      openedAt: new Date(now.getTime() - 5 * 60_000),
      createdById: organiser.id,
    },
  });
  const words = ["trust", "open data", "funding", "trust", "peer learning", "open data", "trust", "procurement"];
  await client.pollBallot.createMany({ data: delegates.slice(0, words.length).map((d, i) => ({ pollId: cloud.id, userId: d.id, text: words[i] })) });

  // 2. A past exchange: attendee@ checked in, answered the survey, and has a certificate to download.
  const past = await client.event.create({
    data: {
      slug: "lighthouse-cities-exchange-lisbon",
      title: "Lighthouse Cities Exchange: Positive Energy Districts",
      summary: "Lighthouse and fellow cities compared their positive energy district pilots.",
      description: "An in-person exchange of the SCALE network on positive energy districts, with site visits.",
      kind: "WORKSHOP",
      status: "PUBLISHED",
      mode: "IN_PERSON",
      timeZone: "Europe/Lisbon",
      startsAt: new Date(now.getTime() - 21 * 24 * HOUR),
      endsAt: new Date(now.getTime() - 21 * 24 * HOUR + 7 * HOUR),
      venueName: "Lisboa E-Nova",
      city: "Lisbon",
      country: "PT",
      themes: ["ENERGY"],
      createdById: organiser.id,
      publishedAt: new Date(now.getTime() - 60 * 24 * HOUR),
      agendaPublishedAt: new Date(now.getTime() - 60 * 24 * HOUR),
      organisers: { create: [{ userId: organiser.id, role: "OWNER" }] },
      ticketTypes: { create: [{ name: "Delegate", priceCents: 0, capacity: 80, position: 0 }] },
    },
    include: { ticketTypes: true },
  });
  for (const [hours, title] of [
    [0, "Positive energy districts: where the pilots stand"],
    [3, "Site visit and replication workshop"],
  ] as const) {
    await client.agendaSession.create({
      data: {
        eventId: past.id,
        title,
        status: "PUBLISHED",
        startsAt: new Date(past.startsAt.getTime() + hours * HOUR),
        endsAt: new Date(past.startsAt.getTime() + (hours + 3) * HOUR),
        themes: ["ENERGY"],
      },
    });
  }
  const attendees = [attendee, ...delegates.slice(0, 6)];
  await client.registration.createMany({
    data: attendees.map((p) => ({
      eventId: past.id,
      userId: p.id,
      ticketTypeId: past.ticketTypes[0].id,
      status: "CONFIRMED" as const,
      ticketCode: generateTicketCode(),
      checkedInAt: new Date(past.startsAt.getTime() + 0.25 * HOUR),
      checkedInById: organiser.id,
    })),
  });
  await client.ticketType.update({ where: { id: past.ticketTypes[0].id }, data: { taken: attendees.length } });
  await client.engagementSettings.create({ data: { eventId: past.id, certificateMinSharePct: 60, feedbackDelayHours: 2 } });
  const survey = await client.survey.create({
    data: {
      eventId: past.id,
      title: "How was the Lighthouse Cities Exchange?",
      questions: {
        create: [
          { kind: "NPS", prompt: "How likely are you to recommend a SCALE exchange to a colleague?", position: 0 },
          { kind: "RATING", prompt: "How useful were the site visits?", position: 1 },
          { kind: "CHOICE", prompt: "Which format should the next exchange favour?", options: ["Site visits", "Workshops", "Panels"], position: 2 },
          { kind: "TEXT", prompt: "What should we change next time?", position: 3 },
        ],
      },
    },
    include: { questions: { orderBy: { position: "asc" } } },
  });
  const [nps, rating, choice, text] = survey.questions;
  const allAnswers = [
    { [nps.id]: 9, [rating.id]: 5, [choice.id]: "Site visits", [text.id]: "More time with the district operators, please." },
    { [nps.id]: 10, [rating.id]: 4, [choice.id]: "Workshops" },
    { [nps.id]: 7, [rating.id]: 4, [choice.id]: "Site visits", [text.id]: "Share the slides before the visit." },
    { [nps.id]: 6, [rating.id]: 3, [choice.id]: "Panels" },
  ];
  const answers = allAnswers.slice(0, attendees.length);
  const expiresAt = new Date(now.getTime() + 9 * 24 * HOUR);
  await client.surveyInvite.createMany({
    data: attendees.map((p, i) => ({
      surveyId: survey.id,
      userId: p.id,
      tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
      expiresAt,
      usedAt: i < answers.length ? new Date(past.endsAt.getTime() + 5 * HOUR) : null,
    })),
  });
  await client.surveyResponse.createMany({ data: answers.map((a, i) => ({ surveyId: survey.id, userId: attendees[i].id, answers: a })) });
}
