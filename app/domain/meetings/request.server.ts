// Step 2 of the booking flow: a participant requests one of a host's free slots with a short
// message. One transaction: lapsed requests on that time are expired, a table is chosen, the
// REQUESTED meeting is inserted (it holds the slot, both people's time and the table until it
// is answered or expires) and the host's notice is queued. Two people racing for a slot are
// decided by the exclusion constraints: the loser gets SLOT_TAKEN and nothing is written.
// Booking implies attending: the same transaction marks the stop as attended by the guest, so
// the stop's scheduler and its host page count them there.
import { requireVerifiedEmail } from "~/domain/accounts/verification.server";
import { DomainError } from "~/domain/kernel/errors";
import { db } from "~/platform/db.server";
import { markAttending } from "./attendance.server";
import { findRoadshow, findStopOf, notFound } from "./roadshow.server";
import { requireParticipant } from "~/domain/access/meetings.server";
import type { Actor } from "~/domain/access/permissions";
import { isUuid } from "~/domain/kernel/ids";
import { findHostSlot, liveMeetingsOf } from "./availability.server";
import { bookingConstraintError, isRetryableConflict, isTableClash, SLOT_TAKEN_MESSAGE, TABLE_TAKEN_MESSAGE } from "./db-errors.server";
import { meetingRequestedNotice } from "~/domain/notifications/emails/meetings";
import { enqueueMeetingNotice, meetingEmailSelect } from "./emails.server";
import { expireLapsedRequests } from "./expire.server";
import { chooseMeetingPoint, lockStopBookings } from "./tables.server";

/** How long a host has to answer a request (never past the slot's start). */
export const REQUEST_TTL_MS = 48 * 3_600_000;
export const MESSAGE_MAX = 500;
/** The guest (not the slot) is taken then: they asked for, or have, another meeting at that time. */
export const GUEST_BUSY_MESSAGE = "You already have a meeting or a pending request at that time — pick another slot.";
/** Interactive transactions of a booking wait for a pooled connection rather than fail under a burst. */
export const BOOKING_TX = { maxWait: 60_000, timeout: 20_000 } as const;

export interface MeetingRequestInput {
  slug: string;
  stopId: unknown;
  hostId: unknown;
  /** ISO instant of the slot's start, as the slot picker posts it. */
  startsAt: unknown;
  message?: string | null;
}

export async function requestMeeting(actor: Actor, input: MeetingRequestInput, now = new Date()) {
  const event = await findRoadshow(input.slug, actor);
  const stop = findStopOf(event, input.stopId);
  if (!isUuid(input.hostId)) throw notFound("This investor");
  if (input.hostId === actor.id) throw new DomainError("VALIDATION", "You cannot book a meeting with yourself.");
  await requireParticipant(actor, event.id);
  await requireVerifiedEmail(db(), actor.id, "book a meeting");
  const message = (input.message ?? "").trim();
  if (message.length > MESSAGE_MAX) {
    throw new DomainError("VALIDATION", `Keep the message under ${MESSAGE_MAX} characters.`, {
      fieldErrors: { message: `At most ${MESSAGE_MAX} characters.` },
    });
  }
  const startsAt = typeof input.startsAt === "string" ? new Date(input.startsAt) : new Date(NaN);
  if (Number.isNaN(startsAt.getTime())) throw notFound("That slot");
  const found = await findHostSlot(db(), stop, input.hostId, startsAt, now);
  if (!found) throw notFound("That slot");
  const host = found.host;
  if (found.slot.status === "PAST") throw new DomainError("VALIDATION", "That slot has already started — pick a later one.");
  const slot = { startsAt: found.slot.startsAt, endsAt: found.slot.endsAt };
  // Fast refusal without a transaction once the slot is visibly held (most losers of a rush).
  const held = await liveMeetingsOf([host.id], slot, now);
  if (held.length > 0) throw new DomainError("SLOT_TAKEN", SLOT_TAKEN_MESSAGE);

  const excluded: string[] = [];
  for (let attempt = 0; ; attempt++) {
    try {
      return await db().$transaction(async (tx) => {
        await lockStopBookings(tx, stop.id);
        await expireLapsedRequests(tx, now, { userIds: [host.id, actor.id], interval: slot });
        const clashes = await liveMeetingsOf([host.id, actor.id], slot, now, tx);
        if (clashes.some((m) => m.hostId === host.id || m.guestId === host.id)) {
          throw new DomainError("SLOT_TAKEN", SLOT_TAKEN_MESSAGE);
        }
        if (clashes.length > 0) throw new DomainError("SLOT_TAKEN", GUEST_BUSY_MESSAGE);
        const place = await chooseMeetingPoint(tx, {
          eventId: event.id,
          stopId: stop.id,
          hostName: host.name,
          onlineUrl: found.window.onlineUrl,
          interval: slot,
          now,
          exclude: excluded,
        });
        if (place.kind === "full") throw new DomainError("SLOT_TAKEN", TABLE_TAKEN_MESSAGE);
        const created = await tx.meeting.create({
          data: {
            eventId: event.id,
            stopId: stop.id,
            hostId: host.id,
            guestId: actor.id,
            meetingPointId: place.kind === "point" ? place.id : null,
            startsAt: slot.startsAt,
            endsAt: slot.endsAt,
            status: "REQUESTED",
            source: "REQUEST",
            message: message || null,
            requestExpiresAt: new Date(Math.min(now.getTime() + REQUEST_TTL_MS, slot.startsAt.getTime())),
          },
          select: meetingEmailSelect,
        });
        await markAttending(tx, stop.id, actor.id);
        await enqueueMeetingNotice(tx, created, meetingRequestedNotice(created, event.title, stop.timeZone), null);
        return created;
      }, BOOKING_TX);
    } catch (error) {
      // Two exclusion checks waited on each other and PostgreSQL chose this one: run it again,
      // it will now see the winner's row and answer SLOT_TAKEN (or book a still-free table).
      if (isRetryableConflict(error) && attempt < 8) continue;
      // Lost the table (not the slot) to a concurrent booking: try the next table.
      if (isTableClash(error) && attempt < 8) {
        const busy = await db().meeting.findMany({
          where: {
            stopId: stop.id,
            status: { in: ["REQUESTED", "CONFIRMED"] },
            startsAt: { lt: slot.endsAt },
            endsAt: { gt: slot.startsAt },
            meetingPointId: { not: null },
          },
          select: { meetingPointId: true },
        });
        excluded.push(...busy.map((m) => m.meetingPointId!));
        continue;
      }
      throw bookingConstraintError(error) ?? error;
    }
  }
}
