// Someone leaving an event (their registration cancelled) leaves its meetings too. Every live
// request or confirmed meeting of theirs there that has not started is cancelled in the
// caller's transaction, exactly as either person cancelling one would (cancelLockedMeeting).
import type { Tx } from "~/platform/db.server";
import { isParticipant } from "~/domain/access/policy.server";
import { cancelLockedMeeting } from "./cancel.server";
import { lockMeeting } from "./lock.server";

/** Cancels the person's live meetings at the event; returns their ids. */
export async function withdrawFromEventMeetings(tx: Tx, userId: string, eventId: string, now: Date = new Date()): Promise<string[]> {
  // Organisers take part without a registration: their meetings stand.
  if (await isParticipant(userId, eventId, tx)) return [];
  const live = await tx.meeting.findMany({
    where: {
      eventId,
      OR: [{ hostId: userId }, { guestId: userId }],
      startsAt: { gt: now },
      // A request past its answer time has lapsed already (the sweep marks it EXPIRED).
      AND: [{ OR: [{ status: "CONFIRMED" }, { status: "REQUESTED", OR: [{ requestExpiresAt: null }, { requestExpiresAt: { gt: now } }] }] }],
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const withdrawn: string[] = [];
  for (const { id } of live) {
    const locked = await lockMeeting(tx, id, { id: userId, roles: [] });
    // Answered, cancelled or started while we waited for the lock: nothing left to withdraw.
    if ((locked.meeting.status !== "REQUESTED" && locked.meeting.status !== "CONFIRMED") || locked.meeting.startsAt.getTime() <= now.getTime()) continue;
    const cancelled = await cancelLockedMeeting(tx, locked, userId, now, `they are no longer taking part in ${locked.meeting.event.title}`);
    withdrawn.push(cancelled.id);
  }
  return withdrawn;
}
