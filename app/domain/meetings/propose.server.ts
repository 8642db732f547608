// Step: either side proposes another of the host's slots for a pending or confirmed meeting.
// The proposal does not hold the new slot (it is a question, not a booking); when the other
// side accepts, the same meeting moves there in one UPDATE — the exclusion constraints decide
// if the slot was taken meanwhile — keeps its UID, bumps SEQUENCE and re-sends the invitation.
import { DomainError } from "~/domain/kernel/errors";
import { db } from "~/platform/db.server";
import { notFound, type RoadshowStopRow } from "./roadshow.server";
import type { Actor } from "~/domain/access/permissions";
import { findHostSlot, liveMeetingsOf } from "./availability.server";
import { bookingConstraintError } from "./db-errors.server";
import { proposalRejectedNotice, timeProposedNotice } from "~/domain/notifications/emails/meetings";
import { enqueueMeetingConfirmed, enqueueMeetingNotice, meetingEmailSelect } from "./emails.server";
import { lockMeeting, requireStatus } from "./lock.server";
import { BOOKING_TX } from "./request.server";
import { chooseMeetingPoint, lockStopBookings } from "./tables.server";

async function stopRow(stopId: string | null): Promise<RoadshowStopRow> {
  const stop = stopId ? await db().roadshowStop.findUnique({ where: { id: stopId } }) : null;
  if (!stop) throw new DomainError("VALIDATION", "This meeting is not at a roadshow stop, so it cannot be moved here.");
  return stop;
}

export async function proposeOtherSlot(actor: Actor, meetingId: unknown, startsAtIso: unknown, now = new Date()) {
  return db().$transaction(async (tx) => {
    const { meeting, side } = await lockMeeting(tx, meetingId, actor);
    requireStatus(meeting, ["REQUESTED", "CONFIRMED"], "This meeting is cancelled or closed; request a new one instead.");
    const stop = await stopRow(meeting.stop?.id ?? null);
    const startsAt = typeof startsAtIso === "string" ? new Date(startsAtIso) : new Date(NaN);
    if (Number.isNaN(startsAt.getTime())) throw notFound("That slot");
    const found = await findHostSlot(tx, stop, meeting.host.id, startsAt, now);
    if (!found) throw notFound("That slot");
    if (found.slot.status === "PAST") throw new DomainError("VALIDATION", "That slot has already started — pick a later one.");
    if (found.slot.startsAt.getTime() === meeting.startsAt.getTime())
      throw new DomainError("VALIDATION", "That is the meeting's current slot — pick a different one.");
    const busy = (await liveMeetingsOf([meeting.host.id, meeting.guest.id], found.slot, now, tx)).filter((m) => m.id !== meeting.id);
    if (busy.length > 0) throw new DomainError("SLOT_TAKEN", "One of you already has a meeting at that time — pick another slot.");
    const updated = await tx.meeting.update({
      where: { id: meeting.id },
      data: { proposedStartsAt: found.slot.startsAt, proposedEndsAt: found.slot.endsAt, proposedById: actor.id },
      select: meetingEmailSelect,
    });
    const by = side === "host" ? updated.host.name : updated.guest.name;
    await enqueueMeetingNotice(
      tx,
      updated,
      timeProposedNotice(updated, side === "host" ? "guest" : "host", by),
      `proposal:${found.slot.startsAt.toISOString()}`,
    );
    return updated;
  }, BOOKING_TX);
}

export async function acceptProposal(actor: Actor, meetingId: unknown, now = new Date()) {
  try {
    return await db().$transaction(async (tx) => {
      const { meeting } = await lockMeeting(tx, meetingId, actor);
      requireStatus(meeting, ["REQUESTED", "CONFIRMED"], "This meeting is cancelled or closed.");
      if (!meeting.proposedStartsAt || !meeting.proposedEndsAt || !meeting.proposedById) throw new DomainError("CONFLICT", "There is no proposal to accept.");
      if (meeting.proposedById === actor.id) throw new DomainError("FORBIDDEN", "The other person answers your proposal.");
      const stop = await stopRow(meeting.stop?.id ?? null);
      await lockStopBookings(tx, stop.id);
      const found = await findHostSlot(tx, stop, meeting.host.id, meeting.proposedStartsAt, now);
      if (!found || found.slot.status === "PAST") throw new DomainError("CONFLICT", "The proposed slot is no longer available.");
      const place = await chooseMeetingPoint(tx, {
        eventId: meeting.eventId,
        stopId: stop.id,
        hostName: meeting.host.name,
        onlineUrl: found.window.onlineUrl,
        interval: found.slot,
        now,
        ignoreMeetingId: meeting.id,
      });
      if (place.kind === "full") throw new DomainError("SLOT_TAKEN", "No meeting table is free at the proposed time any more.");
      const moved = await tx.meeting.update({
        where: { id: meeting.id },
        data: {
          startsAt: found.slot.startsAt,
          endsAt: found.slot.endsAt,
          meetingPointId: place.kind === "point" ? place.id : null,
          status: "CONFIRMED",
          requestExpiresAt: null,
          sequence: { increment: 1 },
          proposedStartsAt: null,
          proposedEndsAt: null,
          proposedById: null,
        },
        select: meetingEmailSelect,
      });
      await enqueueMeetingConfirmed(tx, moved, meeting.status === "CONFIRMED");
      return moved;
    }, BOOKING_TX);
  } catch (error) {
    throw bookingConstraintError(error) ?? error;
  }
}

export async function rejectProposal(actor: Actor, meetingId: unknown) {
  return db().$transaction(async (tx) => {
    const { meeting, side } = await lockMeeting(tx, meetingId, actor);
    if (!meeting.proposedById) throw new DomainError("CONFLICT", "There is no proposal to answer.");
    const updated = await tx.meeting.update({
      where: { id: meeting.id },
      data: { proposedStartsAt: null, proposedEndsAt: null, proposedById: null },
      select: meetingEmailSelect,
    });
    const by = side === "host" ? updated.host.name : updated.guest.name;
    const proposerSide = meeting.proposedById === meeting.host.id ? "host" : "guest";
    await enqueueMeetingNotice(tx, updated, proposalRejectedNotice(updated, proposerSide, by), `proposal-rejected:${updated.updatedAt.getTime()}`);
    return updated;
  }, BOOKING_TX);
}
