// Step 3 of the booking flow: the host accepts or declines a pending request. Accepting confirms
// the meeting (SEQUENCE bumped) and queues the invitation to both; declining frees the slot.
import { DomainError } from "~/domain/kernel/errors";
import { db } from "~/platform/db.server";
import type { Actor } from "~/domain/access/permissions";
import { requestDeclinedNotice } from "~/domain/notifications/emails/meetings";
import { enqueueMeetingConfirmed, enqueueMeetingNotice, meetingEmailSelect } from "./emails.server";
import { lockMeeting, requireStatus } from "./lock.server";
import { BOOKING_TX } from "./request.server";

export async function acceptMeeting(actor: Actor, meetingId: unknown, now = new Date()) {
  return db().$transaction(async (tx) => {
    const { meeting, side } = await lockMeeting(tx, meetingId, actor);
    if (side !== "host") throw new DomainError("FORBIDDEN", "Only the host answers a meeting request.");
    requireStatus(meeting, ["REQUESTED"], meeting.status === "CONFIRMED" ? "This meeting is already confirmed." : "This request is no longer pending.");
    if (meeting.requestExpiresAt && meeting.requestExpiresAt.getTime() <= now.getTime()) {
      throw new DomainError("CONFLICT", "This request has expired and its slot was freed.");
    }
    const confirmed = await tx.meeting.update({
      where: { id: meeting.id },
      data: { status: "CONFIRMED", requestExpiresAt: null, sequence: { increment: 1 }, proposedStartsAt: null, proposedEndsAt: null, proposedById: null },
      select: meetingEmailSelect,
    });
    await enqueueMeetingConfirmed(tx, confirmed);
    return confirmed;
  }, BOOKING_TX);
}

export async function declineMeeting(actor: Actor, meetingId: unknown) {
  return db().$transaction(async (tx) => {
    const { meeting, side } = await lockMeeting(tx, meetingId, actor);
    if (side !== "host") throw new DomainError("FORBIDDEN", "Only the host answers a meeting request.");
    requireStatus(meeting, ["REQUESTED"], "This request is no longer pending.");
    const declined = await tx.meeting.update({
      where: { id: meeting.id },
      data: { status: "DECLINED", requestExpiresAt: null, proposedStartsAt: null, proposedEndsAt: null, proposedById: null },
      select: meetingEmailSelect,
    });
    await enqueueMeetingNotice(tx, declined, requestDeclinedNotice(declined), "declined");
    return declined;
  }, BOOKING_TX);
}
