// The organiser's CSV exports of an event's polls and feedback, with the registrations export's
// CSV rules (app/domain/registration/csv.ts: RFC 4180, BOM, formula-injection safe). Poll ballots
// carry a name only when the poll was not anonymous; feedback responses are numbered, not named.
import { formatLocalDateTimeInput } from "~/domain/kernel/time/zoned";
import { answerCell, toCsv } from "~/domain/registration/csv";
import { db } from "~/platform/db.server";
import { POLL_KIND_LABELS, type PollKind } from "./polls";
import { SURVEY_KIND_LABELS, type SurveyAnswers, type SurveyKind } from "./surveys";

const localTime = (d: Date, timeZone: string) => formatLocalDateTimeInput(d, timeZone).replace("T", " ");

export async function pollsCsv(event: { id: string; timeZone: string }): Promise<string> {
  const polls = await db().poll.findMany({
    where: {
      status: { not: "DRAFT" },
      sessionId: { in: (await db().agendaSession.findMany({ where: { eventId: event.id }, select: { id: true } })).map((s) => s.id) },
    },
    orderBy: [{ openedAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      sessionId: true,
      kind: true,
      question: true,
      status: true,
      anonymous: true,
      options: { select: { id: true, label: true, correct: true } },
    },
  });
  const [sessions, ballots] = await Promise.all([
    db().agendaSession.findMany({ where: { eventId: event.id }, select: { id: true, title: true } }),
    db().$queryRaw<{ pollId: string; name: string; choices: string[]; rating: number | null; text: string | null; updatedAt: Date }[]>`
      SELECT b."pollId"::text, u."name", b."choices"::text[] AS choices, b."rating", b."text", b."updatedAt"
      FROM "PollBallot" b JOIN "User" u ON u."id" = b."userId"
      WHERE b."pollId" = ANY(${polls.map((p) => p.id)}::uuid[]) ORDER BY b."updatedAt", b."id"`,
  ]);
  const sessionTitle = new Map(sessions.map((s) => [s.id, s.title]));
  const byPoll = new Map(polls.map((p) => [p.id, p]));
  const header = ["Session", "Poll", "Kind", "Poll status", "Respondent", "Answer", "Correct (quiz)", `Answered at (${event.timeZone})`];
  const rows = ballots.map((b) => {
    const poll = byPoll.get(b.pollId)!;
    const chosen = poll.options.filter((o) => b.choices.includes(o.id));
    const answer = b.rating !== null ? String(b.rating) : b.text !== null ? b.text : answerCell(chosen.map((o) => o.label));
    return [
      sessionTitle.get(poll.sessionId) ?? "",
      poll.question,
      POLL_KIND_LABELS[poll.kind as PollKind],
      poll.status.toLowerCase(),
      poll.anonymous ? "Anonymous" : b.name,
      answer,
      poll.kind === "QUIZ" ? (chosen.some((o) => o.correct) ? "Yes" : "No") : "",
      localTime(b.updatedAt, event.timeZone),
    ];
  });
  return toCsv(header, rows);
}

export async function feedbackCsv(event: { id: string; timeZone: string }): Promise<string> {
  const surveys = await db().survey.findMany({
    where: { eventId: event.id },
    orderBy: { createdAt: "asc" },
    select: {
      title: true,
      sessionId: true,
      questions: { select: { id: true, kind: true, prompt: true }, orderBy: { position: "asc" } },
      responses: { select: { answers: true, createdAt: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  const sessions = await db().agendaSession.findMany({ where: { eventId: event.id }, select: { id: true, title: true } });
  const sessionTitle = new Map(sessions.map((s) => [s.id, s.title]));
  const header = ["Survey", "Session", "Response", `Submitted at (${event.timeZone})`, "Question", "Kind", "Answer"];
  const rows: (string | number)[][] = [];
  for (const survey of surveys) {
    survey.responses.forEach((response, index) => {
      const answers = response.answers as SurveyAnswers;
      for (const q of survey.questions) {
        if (answers[q.id] === undefined) continue;
        rows.push([
          survey.title,
          survey.sessionId ? (sessionTitle.get(survey.sessionId) ?? "") : "Whole event",
          index + 1,
          localTime(response.createdAt, event.timeZone),
          q.prompt,
          SURVEY_KIND_LABELS[q.kind as SurveyKind],
          answerCell(answers[q.id]),
        ]);
      }
    });
  }
  return toCsv(header, rows);
}

/** The dashboard's engagement figures: polls run and answers, feedback responses and the event NPS, certificates. */
export async function engagementSummary(event: { id: string }) {
  const [[polls], [feedback], certificates] = await Promise.all([
    db().$queryRaw<{ polls: number; ballots: number }[]>`
      SELECT count(DISTINCT p."id")::int AS polls, count(b."id")::int AS ballots
      FROM "Poll" p JOIN "AgendaSession" s ON s."id" = p."sessionId" LEFT JOIN "PollBallot" b ON b."pollId" = p."id"
      WHERE s."eventId" = ${event.id}::uuid AND p."status" <> 'DRAFT'`,
    db().$queryRaw<{ responses: number; nps: number | null }[]>`
      WITH scores AS (
        SELECT (r."answers" ->> q."id"::text)::int AS score
        FROM "SurveyResponse" r JOIN "Survey" s ON s."id" = r."surveyId" JOIN "SurveyQuestion" q ON q."surveyId" = s."id" AND q."kind" = 'NPS'
        WHERE s."eventId" = ${event.id}::uuid AND r."answers" ? q."id"::text
      )
      SELECT (SELECT count(*)::int FROM "SurveyResponse" r JOIN "Survey" s ON s."id" = r."surveyId" WHERE s."eventId" = ${event.id}::uuid) AS responses,
             CASE WHEN count(*) = 0 THEN NULL
                  ELSE round(100.0 * (count(*) FILTER (WHERE score >= 9) - count(*) FILTER (WHERE score <= 6)) / count(*))::int END AS nps
      FROM scores`,
    db().certificate.count({ where: { eventId: event.id } }),
  ]);
  return { polls: polls.polls, ballots: polls.ballots, responses: feedback.responses, nps: feedback.nps, certificates };
}
