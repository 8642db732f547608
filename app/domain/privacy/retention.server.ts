// How long organisers keep attendees' answers to custom questions: ANSWER_RETENTION_MONTHS after
// their event ends, then the retention job erases them (server/jobs, daily).
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";

export function answerRetentionMonths(): number {
  return env().ANSWER_RETENTION_MONTHS;
}

/**
 * Deletes the answers of every event that ended more than `months` months before `now`, in one
 * statement (so a run is all or nothing and needs no batching state). Returns how many went.
 */
export async function eraseExpiredAnswers(now: Date = new Date(), months: number = answerRetentionMonths()): Promise<number> {
  return db().$executeRaw`
    DELETE FROM "RegistrationAnswer" AS a
     USING "Registration" AS r, "Event" AS e
     WHERE a."registrationId" = r."id"
       AND r."eventId" = e."id"
       AND e."endsAt" < (${now}::timestamptz - make_interval(months => ${months}::int))`;
}
