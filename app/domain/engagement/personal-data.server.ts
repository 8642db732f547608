// A person's engagement data for the GDPR export, and its erasure (called by app/domain/privacy).
import { db, type Tx } from "~/platform/db.server";

export async function exportEngagementData(userId: string) {
  const [ballots, responses, certificates] = await Promise.all([
    db().$queryRaw<{ poll: string; session: string; choices: string[]; rating: number | null; text: string | null; answeredAt: Date }[]>`
      SELECT p."question" AS poll, s."title" AS session,
             coalesce((SELECT array_agg(o."label" ORDER BY o."position") FROM "PollOption" o WHERE o."id" = ANY(b."choices")), '{}') AS choices,
             b."rating", b."text", b."updatedAt" AS "answeredAt"
      FROM "PollBallot" b JOIN "Poll" p ON p."id" = b."pollId" JOIN "AgendaSession" s ON s."id" = p."sessionId"
      WHERE b."userId" = ${userId}::uuid ORDER BY b."updatedAt"`,
    db().surveyResponse.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, answers: true, survey: { select: { title: true, questions: { select: { id: true, prompt: true } } } } },
    }),
    db().$queryRaw<{ event: string; code: string; minutes: number; issuedAt: Date }[]>`
      SELECT e."title" AS event, c."code", c."minutes", c."issuedAt" FROM "Certificate" c JOIN "Event" e ON e."id" = c."eventId"
      WHERE c."userId" = ${userId}::uuid ORDER BY c."issuedAt"`,
  ]);
  return {
    pollAnswers: ballots,
    feedback: responses.map((r) => {
      const answers = r.answers as Record<string, unknown>;
      return {
        survey: r.survey.title,
        submittedAt: r.createdAt,
        answers: r.survey.questions.filter((q) => answers[q.id] !== undefined).map((q) => ({ question: q.prompt, answer: answers[q.id] })),
      };
    }),
    certificates,
  };
}

/**
 * Erasure: free text the person typed (open-text and word-cloud answers, text answers in feedback)
 * is deleted, as are their certificates and survey links. Choice and rating ballots and the rest of
 * their feedback stay, counted in results, under the anonymised "Deleted member".
 */
export async function eraseEngagementData(tx: Tx, userId: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM "PollBallot" WHERE "userId" = ${userId}::uuid AND "text" IS NOT NULL`;
  await tx.$executeRaw`
    UPDATE "SurveyResponse" r SET "answers" = r."answers" - coalesce(
      (SELECT array_agg(q."id"::text) FROM "SurveyQuestion" q WHERE q."surveyId" = r."surveyId" AND q."kind" = 'TEXT'), '{}')
    WHERE r."userId" = ${userId}::uuid`;
  await tx.certificate.deleteMany({ where: { userId } });
  await tx.surveyInvite.deleteMany({ where: { userId } });
}
