// Step: a pending request that nobody answered in time lapses and frees its slot. The sweep is
// safe on any number of nodes (FOR UPDATE SKIP LOCKED: each stale request is expired by exactly
// one transaction, which also queues the guest's notice), and booking calls the same code for
// the slot it wants, so an expired request never blocks anybody even between sweeps.
import { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/platform/db.server";
import { requestExpiredNotice } from "~/domain/notifications/emails/meetings";
import { enqueueMeetingNotice, meetingEmailSelect } from "./emails.server";
import type { TimeInterval } from "./slots";

const BATCH = 200;

/** Expires lapsed requests in `tx`; with `scope`, only those of these people overlapping that time. */
export async function expireLapsedRequests(tx: Tx, now: Date, scope?: { userIds: readonly string[]; interval: TimeInterval }): Promise<number> {
  const filter = scope
    ? Prisma.sql`AND ("hostId" = ANY(${[...scope.userIds]}::uuid[]) OR "guestId" = ANY(${[...scope.userIds]}::uuid[]))
                 AND tstzrange("startsAt", "endsAt", '[)') && tstzrange(${scope.interval.startsAt}::timestamptz, ${scope.interval.endsAt}::timestamptz, '[)')`
    : Prisma.empty;
  const expired = await tx.$queryRaw<{ id: string }[]>`
    WITH stale AS (
      SELECT "id" FROM "Meeting"
      WHERE "status" = 'REQUESTED' AND "requestExpiresAt" <= ${now}::timestamptz ${filter}
      ORDER BY "requestExpiresAt" LIMIT ${BATCH}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "Meeting" m SET "status" = 'EXPIRED', "updatedAt" = ${now}::timestamptz
    FROM stale WHERE m."id" = stale."id" AND m."status" = 'REQUESTED'
    RETURNING m."id"`;
  for (const { id } of expired) {
    const meeting = await tx.meeting.findUniqueOrThrow({ where: { id }, select: meetingEmailSelect });
    await enqueueMeetingNotice(tx, meeting, requestExpiredNotice(meeting), "expired");
  }
  return expired.length;
}

/** The sweep (job queue, every minute): expires every lapsed request, in batches. */
export async function expireStaleMeetingRequests(now: Date = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await db().$transaction((tx) => expireLapsedRequests(tx, now));
    total += count;
    if (count < BATCH) return total;
  }
}
