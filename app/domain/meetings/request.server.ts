// Step 2 of the booking flow: a participant requests one of a host's free slots with a short
// message. One transaction: lapsed requests on that time are expired, a table is chosen, the
// REQUESTED meeting is inserted (it holds the slot, both people's time and the table until it
// is answered or expires) and the host's notice is queued. Two people racing for a slot are
// decided by the exclusion constraints: the loser gets SLOT_TAKEN and nothing is written.
// Booking implies attending: the same transaction marks the stop as attended by the guest, so
// the stop's scheduler and its host page count them there.
// The hot path is one round trip: the SQL function request_meeting (migration
// 20261206070000_request_meeting_function) runs that transaction on the server under the same
// lock. Two rarer cases take the statement-by-statement transaction below: an online window (its
// room may have to be created) and a lapsed request in the way (it is expired with its notice).
import { emailNotVerified } from "~/domain/accounts/verification.server";
import { DomainError } from "~/domain/kernel/errors";
import { Prisma } from "~/generated/prisma/client";
import { db, preparedQuery } from "~/platform/db.server";
import { markAttending } from "./attendance.server";
import { findRoadshow, findStopOf, notFound, type RoadshowStopRow } from "./roadshow.server";
import { notParticipant, participantSql } from "~/domain/access/meetings.server";
import type { Actor } from "~/domain/access/permissions";
import { isUuid } from "~/domain/kernel/ids";
import { liveMeetingsOf, slotInWindows } from "./availability.server";
import { bookingConstraintError, isRetryableConflict, isTableClash, SLOT_TAKEN_MESSAGE, TABLE_TAKEN_MESSAGE } from "./db-errors.server";
import { meetingNoticeEmail, meetingRequestedNotice } from "~/domain/notifications/emails/meetings";
import { prepareNotification } from "~/domain/notifications/notification-choices.server";
import { enqueueMeetingNotice, meetingEmailSelect, meetingPageUrl, type MeetingForEmail } from "./emails.server";
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

/** What a request returns: the new meeting, enough for the page's message and the callers. */
export interface RequestedMeeting {
  id: string;
  status: "REQUESTED";
  startsAt: Date;
  endsAt: Date;
  requestExpiresAt: Date | null;
  meetingPointId: string | null;
  host: { id: string; name: string };
}

type Roadshow = Awaited<ReturnType<typeof findRoadshow>>;
type Slot = { startsAt: Date; endsAt: Date };

export async function requestMeeting(actor: Actor, input: MeetingRequestInput, now = new Date()): Promise<RequestedMeeting> {
  const event = await findRoadshow(input.slug, actor);
  const stop = findStopOf(event, input.stopId);
  const hostId = input.hostId;
  if (!isUuid(hostId)) throw notFound("This investor");
  if (hostId === actor.id) throw new DomainError("VALIDATION", "You cannot book a meeting with yourself.");
  const message = (input.message ?? "").trim();
  if (message.length > MESSAGE_MAX) {
    throw new DomainError("VALIDATION", `Keep the message under ${MESSAGE_MAX} characters.`, {
      fieldErrors: { message: `At most ${MESSAGE_MAX} characters.` },
    });
  }
  const startsAt = typeof input.startsAt === "string" ? new Date(input.startsAt) : new Date(NaN);
  const validStart = Number.isNaN(startsAt.getTime()) ? null : startsAt;
  const gate = await bookingGate(actor, event.id, stop.id, hostId, validStart, now);
  if (!gate?.participant) throw notParticipant();
  if (!gate.verified) throw emailNotVerified("book a meeting");
  const found = validStart && gate.host ? slotInWindows(gate.host.windows, stop, validStart, now) : null;
  if (!found) throw notFound("That slot");
  const host = { id: hostId, name: gate.host!.name };
  if (found.slot.status === "PAST") throw new DomainError("VALIDATION", "That slot has already started — pick a later one.");
  const slot = { startsAt: found.slot.startsAt, endsAt: found.slot.endsAt };
  // Fast refusal without a transaction once the slot is visibly held (most losers of a rush).
  if (gate.held) throw new DomainError("SLOT_TAKEN", SLOT_TAKEN_MESSAGE);
  const requestExpiresAt = new Date(Math.min(now.getTime() + REQUEST_TTL_MS, slot.startsAt.getTime()));
  const booking: Booking = { event, stop, host, guest: { id: actor.id, name: gate.name }, slot, message: message || null, requestExpiresAt, now };

  const excluded: string[] = [];
  for (let attempt = 0; ; attempt++) {
    try {
      if (!found.window.onlineUrl) {
        const fast = await requestInOneStatement(booking, excluded);
        if (fast) return fast;
      }
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
            requestExpiresAt,
          },
          select: meetingEmailSelect,
        });
        await markAttending(tx, stop.id, actor.id);
        await enqueueMeetingNotice(tx, created, meetingRequestedNotice(created, event.title, stop.timeZone), null);
        return {
          id: created.id,
          status: "REQUESTED" as const,
          startsAt: created.startsAt,
          endsAt: created.endsAt,
          requestExpiresAt: created.requestExpiresAt,
          meetingPointId: place.kind === "point" ? place.id : null,
          host,
        };
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

/**
 * One query for what the request needs before it writes: may the asker book (participant,
 * confirmed address), their name (for the host's email), the host's name and windows at the
 * stop (for the slot), and whether the host already has a live meeting at the slot's start
 * (the fast refusal of most losers of a rush; the full check runs under the lock).
 */
async function bookingGate(actor: Actor, eventId: string, stopId: string, hostId: string, startsAt: Date | null, now: Date) {
  // Every booking attempt asks this first: a prepared statement (platform's preparedQuery says why).
  const gate = Prisma.sql`
    SELECT u."name", u."emailVerifiedAt" IS NOT NULL AS verified, ${participantSql(actor, eventId)} AS participant,
      EXISTS (
        SELECT 1 FROM "Meeting" m
         WHERE (m."hostId" = ${hostId}::uuid OR m."guestId" = ${hostId}::uuid)
           AND m."startsAt" <= ${startsAt}::timestamptz AND m."endsAt" > ${startsAt}::timestamptz
           AND (m."status" = 'CONFIRMED' OR (m."status" = 'REQUESTED' AND (m."requestExpiresAt" IS NULL OR m."requestExpiresAt" > ${now}::timestamptz)))
      ) AS held,
      (SELECT json_build_object('name', h."name", 'windows', json_agg(json_build_object(
                'startsAt', w."startsAt", 'endsAt', w."endsAt", 'slotMinutes', w."slotMinutes", 'bufferMinutes', w."bufferMinutes", 'onlineUrl', w."onlineUrl")))
         FROM "MeetingAvailability" w JOIN "User" h ON h."id" = w."hostId"
        WHERE w."stopId" = ${stopId}::uuid AND w."hostId" = ${hostId}::uuid
        GROUP BY h."id") AS host
    FROM "User" u WHERE u."id" = ${actor.id}::uuid`;
  const [row] = await preparedQuery<{ name: string; verified: boolean; participant: boolean; held: boolean; host: GateHost | null }>(gate.text, gate.values);
  if (!row) return null;
  const windows = (row.host?.windows ?? []).map((w) => ({ ...w, startsAt: new Date(w.startsAt), endsAt: new Date(w.endsAt) }));
  return { ...row, host: row.host ? { name: row.host.name, windows } : null };
}

interface GateHost {
  name: string;
  windows: { startsAt: string; endsAt: string; slotMinutes: number; bufferMinutes: number; onlineUrl: string | null }[];
}

interface Booking {
  event: Roadshow;
  stop: RoadshowStopRow;
  host: { id: string; name: string };
  guest: { id: string; name: string };
  slot: Slot;
  message: string | null;
  requestExpiresAt: Date;
  now: Date;
}

/**
 * The request as one call of request_meeting: the host's notice is written before (its text
 * needs no row of the new meeting) and stored by the function only if the host wants it.
 * Null when a lapsed request is in the way (the caller's transaction expires it first).
 */
async function requestInOneStatement(booking: Booking, excluded: readonly string[]): Promise<RequestedMeeting | null> {
  const { event, stop, host, guest, slot, now } = booking;
  const notice = hostNotice(booking);
  const call = Prisma.sql`
    SELECT * FROM "request_meeting"(
      ${event.id}::uuid, ${stop.id}::uuid, ${host.id}::uuid, ${guest.id}::uuid,
      ${slot.startsAt}::timestamptz, ${slot.endsAt}::timestamptz, ${now}::timestamptz, ${booking.requestExpiresAt}::timestamptz, ${booking.message},
      ${[...excluded]}::uuid[],
      ${notice.kind}, ${notice.tokenHash}, ${notice.tokenExpiresAt}::timestamptz,
      ${notice.email.subject}, ${notice.email.text}, ${JSON.stringify(notice.email.headers ?? {})}::jsonb)`;
  const [row] = await preparedQuery<{ outcome: string; meeting_id: string | null; meeting_point_id: string | null }>(call.text, call.values);
  switch (row?.outcome) {
    case "booked":
      return {
        id: row.meeting_id!,
        status: "REQUESTED",
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        requestExpiresAt: booking.requestExpiresAt,
        meetingPointId: row.meeting_point_id,
        host,
      };
    case "slot_taken":
      throw new DomainError("SLOT_TAKEN", SLOT_TAKEN_MESSAGE);
    case "guest_busy":
      throw new DomainError("SLOT_TAKEN", GUEST_BUSY_MESSAGE);
    case "table_full":
      throw new DomainError("SLOT_TAKEN", TABLE_TAKEN_MESSAGE);
    default:
      return null;
  }
}

/** The host's "meeting request" email, as enqueueMeetingNotice words it for the created row. */
function hostNotice(booking: Booking) {
  const { event, stop, host, guest, slot } = booking;
  const meeting: MeetingForEmail = {
    id: "",
    status: "REQUESTED",
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    sequence: 0,
    updatedAt: booking.now,
    message: booking.message,
    proposedStartsAt: null,
    proposedEndsAt: null,
    proposedById: null,
    requestExpiresAt: booking.requestExpiresAt,
    host: { ...host, email: "" },
    guest: { ...guest, email: "" },
    meetingPoint: null,
    stop: { id: stop.id, city: stop.city, timeZone: stop.timeZone, venueName: stop.venueName },
    event: { id: event.id, slug: event.slug, title: event.title, timeZone: event.timeZone, sequence: event.sequence },
  };
  const notice = meetingRequestedNotice(meeting, event.title, stop.timeZone);
  return prepareNotification("MEETING_REQUESTS", { to: "", ...meetingNoticeEmail(meeting.host, notice, meetingPageUrl(meeting, true)) }, booking.now);
}
