// Feedback surveys: organisers define them per event (optionally per session); a sweep emails each
// participant (checked in, or attended online) a single-use link a set time after the end; one
// response per person (unique), recorded together with the link's use in one transaction.
import { randomBytes } from "node:crypto";
import type { Actor } from "~/domain/access/permissions";
import { requireManagedEvent } from "~/domain/access/events.server";
import { DomainError } from "~/domain/kernel/errors";
import { requireUuid } from "~/domain/kernel/ids";
import { hashToken, wellFormedToken } from "~/domain/kernel/tokens.server";
import { enqueueEmail } from "~/domain/notifications/outbox.server";
import { feedbackInviteEmail } from "~/domain/notifications/emails/engagement";
import { db } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { engagementSettings } from "./certificates.server";
import {
  INVITE_TTL_DAYS,
  parseAnswers,
  parseQuestionDraft,
  SURVEY_QUESTIONS_MAX,
  summarise,
  type SurveyAnswers,
  type SurveyKind,
  type SurveyQuestionRecord,
} from "./surveys";

const QUESTION_SELECT = { id: true, kind: true, prompt: true, options: true, position: true } as const;
const asQuestions = (rows: { id: string; kind: string; prompt: string; options: string[]; position: number }[]) =>
  rows.map((r) => ({ ...r, kind: r.kind as SurveyKind })) as SurveyQuestionRecord[];

export async function feedbackOverview(actor: Actor, slug: string) {
  const event = await requireManagedEvent(actor, slug, "manage");
  const [settings, sessions, surveys] = await Promise.all([
    engagementSettings(event.id),
    db().agendaSession.findMany({ where: { eventId: event.id }, select: { id: true, title: true }, orderBy: { startsAt: "asc" } }),
    db().survey.findMany({
      where: { eventId: event.id },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        title: true,
        sessionId: true,
        questions: { select: QUESTION_SELECT, orderBy: { position: "asc" } },
        responses: { select: { answers: true } },
        _count: { select: { invites: true } },
      },
    }),
  ]);
  const titles = new Map(sessions.map((s) => [s.id, s.title]));
  return {
    event,
    settings,
    sessions,
    surveys: surveys.map((s) => ({
      id: s.id,
      title: s.title,
      sessionTitle: s.sessionId ? (titles.get(s.sessionId) ?? null) : null,
      questions: asQuestions(s.questions),
      responses: s.responses.length,
      invited: s._count.invites,
      summary: summarise(
        asQuestions(s.questions),
        s.responses.map((r) => r.answers as SurveyAnswers),
      ),
    })),
  };
}

export async function createSurvey(actor: Actor, slug: string, input: { title: string; sessionId?: string }) {
  const event = await requireManagedEvent(actor, slug, "manage");
  const sessionId = input.sessionId ? input.sessionId : null;
  if (sessionId) {
    const session = await db().agendaSession.findFirst({ where: { id: sessionId, eventId: event.id }, select: { id: true } });
    if (!session) throw new DomainError("VALIDATION", "Choose a session of this event.", { fieldErrors: { sessionId: "Choose a session of this event." } });
  }
  return db().survey.create({ data: { eventId: event.id, sessionId, title: input.title.trim() }, select: { id: true } });
}

export async function addSurveyQuestion(actor: Actor, slug: string, input: { surveyId: string; kind: SurveyKind; prompt: string; options?: string }) {
  const event = await requireManagedEvent(actor, slug, "manage");
  requireUuid(input.surveyId, "This survey does not exist.");
  const draft = parseQuestionDraft(input);
  return db().$transaction(async (tx) => {
    // The survey row is locked so two questions added at once get distinct positions.
    const [survey] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT "id" FROM "Survey" WHERE "id" = ${input.surveyId}::uuid AND "eventId" = ${event.id}::uuid FOR UPDATE`;
    if (!survey) throw new DomainError("NOT_FOUND", "This survey does not exist.");
    const count = await tx.surveyQuestion.count({ where: { surveyId: survey.id } });
    if (count >= SURVEY_QUESTIONS_MAX) throw new DomainError("CONFLICT", `A survey has at most ${SURVEY_QUESTIONS_MAX} questions.`);
    return tx.surveyQuestion.create({
      data: { surveyId: survey.id, kind: draft.kind, prompt: draft.prompt, options: draft.options, position: count },
      select: { id: true },
    });
  });
}

export async function saveEngagementSettings(actor: Actor, slug: string, input: { certificateMinSharePct: number; feedbackDelayHours: number }) {
  const event = await requireManagedEvent(actor, slug, "manage");
  await db().engagementSettings.upsert({
    where: { eventId: event.id },
    create: { eventId: event.id, ...input },
    update: { ...input, updatedAt: new Date() },
  });
}

/**
 * Emails the survey link to every participant whose event (or session) ended at least the event's
 * delay ago — within the last 30 days — and who has no invitation yet. The invitation's unique
 * (survey, person) makes this safe to run on every node and again: each person is invited once.
 */
export async function sendDueSurveyInvites(now: Date = new Date(), limit = 500): Promise<number> {
  const due = await db().$queryRaw<
    { surveyId: string; userId: string; name: string; email: string; eventTitle: string; sessionTitle: string | null; surveyTitle: string }[]
  >`
    WITH s AS (
      SELECT sv."id", sv."eventId", sv."sessionId", sv."title", e."title" AS "eventTitle", ses."title" AS "sessionTitle",
             coalesce(ses."endsAt", e."endsAt") AS "endsAt", coalesce(st."feedbackDelayHours", 2) AS delay
      FROM "Survey" sv JOIN "Event" e ON e."id" = sv."eventId"
      LEFT JOIN "AgendaSession" ses ON ses."id" = sv."sessionId"
      LEFT JOIN "EngagementSettings" st ON st."eventId" = sv."eventId"
      WHERE e."status" = 'PUBLISHED' AND EXISTS (SELECT 1 FROM "SurveyQuestion" q WHERE q."surveyId" = sv."id")
    ), due AS (
      SELECT * FROM s WHERE s."endsAt" + make_interval(hours => s.delay) <= ${now} AND s."endsAt" > ${now}::timestamptz - interval '30 days'
    ), people AS (
      SELECT due."id" AS "surveyId", r."userId" FROM due JOIN "Registration" r ON r."eventId" = due."eventId"
      WHERE r."status" = 'CONFIRMED' AND r."checkedInAt" IS NOT NULL
      UNION
      SELECT due."id", a."userId" FROM due JOIN "AgendaSession" x ON x."eventId" = due."eventId" AND (due."sessionId" IS NULL OR x."id" = due."sessionId")
      JOIN "SessionAttendance" a ON a."sessionId" = x."id"
    )
    SELECT p."surveyId"::text, p."userId"::text, u."name", u."email", due."eventTitle", due."sessionTitle", due."title" AS "surveyTitle"
    FROM people p JOIN due ON due."id" = p."surveyId" JOIN "User" u ON u."id" = p."userId"
    WHERE u."deletedAt" IS NULL AND NOT EXISTS (SELECT 1 FROM "SurveyInvite" i WHERE i."surveyId" = p."surveyId" AND i."userId" = p."userId")
    LIMIT ${limit}`;
  let sent = 0;
  for (const person of due) {
    const token = randomBytes(32).toString("base64url");
    const created = await db().$transaction(async (tx) => {
      const rows = await tx.$executeRaw`
        INSERT INTO "SurveyInvite" ("surveyId", "userId", "tokenHash", "expiresAt")
        VALUES (${person.surveyId}::uuid, ${person.userId}::uuid, ${hashToken(token)}, ${new Date(now.getTime() + INVITE_TTL_DAYS * 86_400_000)})
        ON CONFLICT ("surveyId", "userId") DO NOTHING`;
      if (rows === 0) return false;
      const email = feedbackInviteEmail({
        attendeeName: person.name,
        eventTitle: person.eventTitle,
        sessionTitle: person.sessionTitle,
        surveyTitle: person.surveyTitle,
        url: `${publicUrl()}/feedback/${token}`,
        validDays: INVITE_TTL_DAYS,
      });
      await enqueueEmail(tx, { to: person.email, ...email, dedupeKey: `survey:${person.surveyId}:${person.userId}` });
      return true;
    });
    if (created) sent += 1;
  }
  return sent;
}

async function inviteFor(token: string, viewer: Actor | null) {
  if (!wellFormedToken(token)) throw new DomainError("INVALID_TOKEN", "This feedback link is not valid.");
  const invite = await db().surveyInvite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      userId: true,
      usedAt: true,
      expiresAt: true,
      survey: { select: { id: true, title: true, sessionId: true, eventId: true, questions: { select: QUESTION_SELECT, orderBy: { position: "asc" } } } },
    },
  });
  if (!invite) throw new DomainError("INVALID_TOKEN", "This feedback link is not valid.");
  if (viewer && viewer.id !== invite.userId)
    throw new DomainError("FORBIDDEN", "This feedback link was sent to someone else. Sign out, or use the link from your own email.");
  if (invite.usedAt) throw new DomainError("INVALID_TOKEN", "Thank you — this feedback has already been given. Each link works once.");
  if (invite.expiresAt.getTime() <= Date.now()) throw new DomainError("INVALID_TOKEN", "This feedback link has expired.");
  return invite;
}

/** The survey behind a link, for its person (anyone else signed in is refused). */
export async function openSurvey(token: string, viewer: Actor | null) {
  const invite = await inviteFor(token, viewer);
  const [event, session] = await Promise.all([
    db().event.findUniqueOrThrow({ where: { id: invite.survey.eventId }, select: { title: true } }),
    invite.survey.sessionId ? db().agendaSession.findUnique({ where: { id: invite.survey.sessionId }, select: { title: true } }) : null,
  ]);
  return { title: invite.survey.title, eventTitle: event.title, sessionTitle: session?.title ?? null, questions: asQuestions(invite.survey.questions) };
}

/** Records the response and uses up the link, both or neither; a second response is refused. */
export async function submitSurvey(token: string, viewer: Actor | null, raw: Record<string, unknown>): Promise<void> {
  const invite = await inviteFor(token, viewer);
  const answers = parseAnswers(asQuestions(invite.survey.questions), raw);
  await db().$transaction(async (tx) => {
    const used = await tx.$executeRaw`
      UPDATE "SurveyInvite" SET "usedAt" = now() WHERE "id" = ${invite.id}::uuid AND "usedAt" IS NULL AND "expiresAt" > now()`;
    if (used === 0) throw new DomainError("INVALID_TOKEN", "Thank you — this feedback has already been given. Each link works once.");
    const inserted = await tx.$executeRaw`
      INSERT INTO "SurveyResponse" ("surveyId", "userId", "answers") VALUES (${invite.survey.id}::uuid, ${invite.userId}::uuid, ${JSON.stringify(answers)}::jsonb)
      ON CONFLICT ("surveyId", "userId") DO NOTHING`;
    if (inserted === 0) throw new DomainError("CONFLICT", "You have already answered this survey.");
  });
}
