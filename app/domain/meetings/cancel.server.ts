// Step: either side cancels. A pending request is withdrawn quietly (a notice); a confirmed
// meeting is cancelled with METHOD:CANCEL to both calendars (SEQUENCE bumped).
import { DomainError } from "~/domain/kernel/errors";
import { db, type Tx } from "~/platform/db.server";
import type { Actor } from "~/domain/access/permissions";
import { requestWithdrawnNotice } from "~/domain/notifications/emails/meetings";
import { enqueueMeetingCancelled, enqueueMeetingNotice, meetingEmailSelect } from "./emails.server";
import { lockMeeting, requireStatus } from "./lock.server";
import { BOOKING_TX } from "./request.server";

export async function cancelMeeting(actor: Actor, meetingId: unknown, now = new Date()) {
  return db().$transaction(async (tx) => {
    const locked = await lockMeeting(tx, meetingId, actor);
    requireStatus(locked.meeting, ["REQUESTED", "CONFIRMED"], "This meeting is already cancelled or closed.");
    if (locked.meeting.startsAt.getTime() <= now.getTime())
      throw new DomainError("VALIDATION", "This meeting has already started; record an outcome or a no-show instead.");
    return cancelLockedMeeting(tx, locked, actor.id, now);
  }, BOOKING_TX);
}

/**
 * Cancels a live meeting already locked (lockMeeting) by one of its two people, in the caller's
 * transaction: status CANCELLED frees the slot, both people's time and the table; a confirmed
 * meeting's SEQUENCE moves on and METHOD:CANCEL goes to both calendars; a pending request is
 * withdrawn with a notice to the other side, `reason` added to it when given.
 */
export async function cancelLockedMeeting(tx: Tx, { meeting, side }: Awaited<ReturnType<typeof lockMeeting>>, actorId: string, now: Date, reason?: string) {
  const wasConfirmed = meeting.status === "CONFIRMED";
  const cancelled = await tx.meeting.update({
    where: { id: meeting.id },
    data: {
      status: "CANCELLED",
      cancelledAt: now,
      cancelledById: actorId,
      requestExpiresAt: null,
      proposedStartsAt: null,
      proposedEndsAt: null,
      proposedById: null,
      ...(wasConfirmed ? { sequence: { increment: 1 } } : {}),
    },
    select: meetingEmailSelect,
  });
  const by = side === "host" ? cancelled.host.name : cancelled.guest.name;
  if (wasConfirmed) await enqueueMeetingCancelled(tx, cancelled, by);
  else {
    await enqueueMeetingNotice(tx, cancelled, requestWithdrawnNotice(cancelled, side === "host" ? "guest" : "host", by, reason ?? null), "withdrawn");
  }
  return cancelled;
}
