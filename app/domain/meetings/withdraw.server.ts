// Someone leaving an event (their registration cancelled) leaves its meetings too. Every live
// request or confirmed meeting of theirs there that has not started is cancelled in the
// caller's transaction, as cancelMeeting (cancel.server.ts) cancels one: the row locked by
// lockMeeting, status CANCELLED (which frees the slot, both people's time and the table), a
// confirmed meeting's SEQUENCE bumped and METHOD:CANCEL queued to both calendars, a pending
// request withdrawn with a notice to the other side.
import type { Tx } from "~/utils/db.server";
import { isParticipant } from "./access.server";
import { describeWhen, enqueueMeetingCancelled, enqueueMeetingNotice, meetingEmailSelect } from "./emails.server";
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
    const { meeting, side } = await lockMeeting(tx, id, { id: userId, roles: [] });
    // Answered, cancelled or started while we waited for the lock: nothing left to withdraw.
    if ((meeting.status !== "REQUESTED" && meeting.status !== "CONFIRMED") || meeting.startsAt.getTime() <= now.getTime()) continue;
    const wasConfirmed = meeting.status === "CONFIRMED";
    const cancelled = await tx.meeting.update({
      where: { id: meeting.id },
      data: {
        status: "CANCELLED", cancelledAt: now, cancelledById: userId, requestExpiresAt: null,
        proposedStartsAt: null, proposedEndsAt: null, proposedById: null,
        ...(wasConfirmed ? { sequence: { increment: 1 } } : {}),
      },
      select: meetingEmailSelect,
    });
    const by = side === "host" ? cancelled.host.name : cancelled.guest.name;
    if (wasConfirmed) await enqueueMeetingCancelled(tx, cancelled, by);
    else {
      await enqueueMeetingNotice(tx, cancelled, side === "host" ? "guest" : "host", `Meeting request withdrawn: ${by}`, [
        `${by} withdrew the meeting request for ${describeWhen(cancelled)}: they are no longer taking part in ${cancelled.event.title}.`,
      ], "withdrawn");
    }
    withdrawn.push(meeting.id);
  }
  return withdrawn;
}
