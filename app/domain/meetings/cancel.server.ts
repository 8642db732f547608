// Step: either side cancels. A pending request is withdrawn quietly (a notice); a confirmed
// meeting is cancelled with METHOD:CANCEL to both calendars (SEQUENCE bumped).
import { DomainError } from "~/domain/errors";
import { db } from "~/utils/db.server";
import type { Actor } from "./access.server";
import { describeWhen, enqueueMeetingCancelled, enqueueMeetingNotice, meetingEmailSelect } from "./emails.server";
import { lockMeeting, requireStatus } from "./lock.server";
import { BOOKING_TX } from "./request.server";

export async function cancelMeeting(actor: Actor, meetingId: unknown, now = new Date()) {
  return db().$transaction(async (tx) => {
    const { meeting, side } = await lockMeeting(tx, meetingId, actor);
    requireStatus(meeting, ["REQUESTED", "CONFIRMED"], "This meeting is already cancelled or closed.");
    if (meeting.startsAt.getTime() <= now.getTime()) throw new DomainError("VALIDATION", "This meeting has already started; record an outcome or a no-show instead.");
    const wasConfirmed = meeting.status === "CONFIRMED";
    const cancelled = await tx.meeting.update({
      where: { id: meeting.id },
      data: {
        status: "CANCELLED", cancelledAt: now, cancelledById: actor.id, requestExpiresAt: null,
        proposedStartsAt: null, proposedEndsAt: null, proposedById: null,
        ...(wasConfirmed ? { sequence: { increment: 1 } } : {}),
      },
      select: meetingEmailSelect,
    });
    const by = side === "host" ? cancelled.host.name : cancelled.guest.name;
    if (wasConfirmed) await enqueueMeetingCancelled(tx, cancelled, by);
    else {
      await enqueueMeetingNotice(tx, cancelled, side === "host" ? "guest" : "host", `Meeting request withdrawn: ${by}`, [
        `${by} withdrew the meeting request for ${describeWhen(cancelled)}.`,
      ], "withdrawn");
    }
    return cancelled;
  }, BOOKING_TX);
}
