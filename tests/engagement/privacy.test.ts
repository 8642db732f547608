// Engagement data in the GDPR export and in erasure: ballots, feedback and certificates are
// exported; erasure deletes typed text, certificates and survey links, keeping counted answers.
import { describe, expect, it } from "vitest";
import { castBallot, createPoll } from "~/domain/engagement/polls.server";
import { exportPersonalData } from "~/domain/privacy/export.server";
import { eraseAccount } from "~/domain/privacy/erasure.server";
import { db } from "~/platform/db.server";
import { createQaFixture } from "../realtime/fixtures";

describe("engagement personal data", () => {
  it("is exported, and erased down to anonymous counted answers", async () => {
    const fx = await createQaFixture({ attendees: 1, tag: `priv${Date.now() % 100000}` });
    const organiser = { id: fx.organiser.id, name: fx.organiser.name, roles: ["ORGANISER" as const] };
    const me = { id: fx.attendees[0].id, name: fx.attendees[0].name, roles: ["ATTENDEE" as const] };
    const base = { showResults: true, allowChange: false, anonymous: true, launch: true };
    const choice = await createPoll(organiser, fx.sessionId, { ...base, kind: "SINGLE", question: "Pick", options: ["A", "B"] });
    const cloud = await createPoll(organiser, fx.sessionId, { ...base, kind: "WORD_CLOUD", question: "Word", options: [] });
    await castBallot(me, { pollId: choice.id, choices: [choice.options[1].id] });
    await castBallot(me, { pollId: cloud.id, text: "my secret word" });
    const survey = await db().survey.create({
      data: {
        eventId: fx.eventId,
        title: "Feedback",
        questions: {
          create: [
            { kind: "NPS", prompt: "Recommend?", position: 0 },
            { kind: "TEXT", prompt: "Comments", position: 1 },
          ],
        },
      },
      include: { questions: true },
    });
    const [nps, text] = survey.questions.sort((a, b) => a.position - b.position);
    await db().surveyResponse.create({ data: { surveyId: survey.id, userId: me.id, answers: { [nps.id]: 9, [text.id]: "Call me on +351 900" } } });
    const registration = await db().registration.findFirstOrThrow({ where: { userId: me.id } });
    await db().certificate.create({ data: { code: "c".repeat(22), registrationId: registration.id, userId: me.id, eventId: fx.eventId, minutes: 60 } });

    const exported = await exportPersonalData(me.id);
    expect(exported.pollAnswers.map((b) => b.choices.join() || b.text)).toEqual(["B", "my secret word"]);
    expect(exported.feedback[0].answers).toEqual([
      { question: "Recommend?", answer: 9 },
      { question: "Comments", answer: "Call me on +351 900" },
    ]);
    expect(exported.certificates[0].code).toBe("c".repeat(22));

    await eraseAccount(me.id);
    expect(await db().pollBallot.count({ where: { userId: me.id } })).toBe(1); // the choice stays counted
    expect(await db().pollBallot.count({ where: { userId: me.id, text: { not: null } } })).toBe(0);
    expect((await db().surveyResponse.findFirstOrThrow({ where: { userId: me.id } })).answers).toEqual({ [nps.id]: 9 });
    expect(await db().certificate.count({ where: { userId: me.id } })).toBe(0);
  });
});
