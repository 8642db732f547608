// Matchmaking rooms against PostgreSQL: rooms of an event, chat, "let's meet" contacts and
// speed-networking rounds. Presence (who is in a room right now) is computed by the realtime
// layer from the connected sockets of every node; the pairing of a round takes it as input.
import { randomBytes } from "node:crypto";
import type { Actor } from "~/domain/access/permissions";
import { hitRateLimit } from "~/domain/accounts/rate-limit.server";
import { DomainError, isDomainError } from "~/domain/kernel/errors";
import { findRoadshow } from "~/domain/meetings/roadshow.server";
import { stopHostSlots } from "~/domain/meetings/availability.server";
import { requestMeeting } from "~/domain/meetings/request.server";
import { formatDate, formatTime } from "~/domain/kernel/time/zoned";
import { roomContactEmail } from "~/domain/notifications/emails/rooms";
import { eventAccess, requireRoomParticipant, type AccessResolver } from "~/domain/access/live.server";
import { db } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { pairKey, pairParticipants, type Participant } from "./pairing";
import { publishRoomEvent } from "./publish.server";
import { meetingPlace, parseMessageBody, parseRoundMinutes, type MessageView, type PresenceProfile, type RoundView } from "./rooms";
import { isUuid } from "~/domain/kernel/ids";
import { enqueueNotification } from "~/domain/notifications/notification-choices.server";

export const ROOM_LIMITS = { messagesPerMinute: 20, contactsPerHour: 20 };

/** 128 random bits for a pair's video room name (see meetingPlace). */
const videoSecret = () => randomBytes(16).toString("base64url");

export type { MessageView, PresenceProfile, RoundView };

async function visibleEvent(slug: string, user: Actor | null) {
  const event = await db().event.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, status: true, mode: true, timeZone: true, startsAt: true, endsAt: true, onlineUrl: true },
  });
  if (!event) throw new DomainError("NOT_FOUND", "This event does not exist.");
  const access = await eventAccess(user, event.id);
  if (event.status === "DRAFT" && !access.moderator) throw new DomainError("NOT_FOUND", "This event does not exist.");
  return { event, access };
}

export async function listRooms(eventSlug: string, user: Actor | null) {
  const { event, access } = await visibleEvent(eventSlug, user);
  const rooms = await db().matchRoom.findMany({
    where: { eventId: event.id },
    orderBy: [{ createdAt: "asc" }, { name: "asc" }],
    select: { id: true, name: true, topic: true, themes: true, _count: { select: { messages: { where: { kind: "CHAT" } } } } },
  });
  return { event, access, rooms: rooms.map(({ _count, ...r }) => ({ ...r, messageCount: _count.messages })) };
}

/** A room the user may enter: registered (CONFIRMED) for its event, or staff. */
export async function findRoom(roomId: string, user: Actor | null, resolve: AccessResolver = eventAccess) {
  if (!isUuid(roomId)) throw new DomainError("NOT_FOUND", "This room does not exist.");
  const room = await db().matchRoom.findUnique({
    where: { id: roomId },
    select: {
      id: true,
      name: true,
      topic: true,
      themes: true,
      eventId: true,
      event: { select: { id: true, slug: true, title: true, status: true, mode: true, timeZone: true, kind: true } },
    },
  });
  if (!room) throw new DomainError("NOT_FOUND", "This room does not exist.");
  const access = await resolve(user, room.eventId);
  if (room.event.status === "DRAFT" && !access.moderator) throw new DomainError("NOT_FOUND", "This room does not exist.");
  return { room, access };
}

/** Name, organisation, themes and the intents given at registration: what others see in the room. */
export async function presenceProfile(userId: string, eventId: string, staff: boolean): Promise<PresenceProfile> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      name: true,
      jobTitle: true,
      memberships: { take: 1, orderBy: { createdAt: "asc" }, select: { organisation: { select: { id: true, name: true, themes: true } } } },
      registrations: { where: { eventId, status: "CONFIRMED" }, take: 1, select: { intents: true } },
    },
  });
  const organisation = user.memberships[0]?.organisation ?? null;
  return {
    userId,
    name: user.name,
    jobTitle: user.jobTitle,
    organisation: organisation?.name ?? null,
    organisationId: organisation?.id ?? null,
    themes: organisation?.themes ?? [],
    intents: user.registrations[0]?.intents ?? [],
    staff,
  };
}

const messageSelect = {
  id: true,
  roomId: true,
  kind: true,
  body: true,
  authorId: true,
  recipientId: true,
  createdAt: true,
  author: { select: { name: true } },
} as const;

async function toViews(
  rows: {
    id: string;
    roomId: string;
    kind: "CHAT" | "CONTACT" | "SYSTEM";
    body: string;
    authorId: string;
    recipientId: string | null;
    createdAt: Date;
    author: { name: string };
  }[],
): Promise<MessageView[]> {
  const recipientIds = [...new Set(rows.map((r) => r.recipientId).filter((id): id is string => id !== null))];
  const recipients = recipientIds.length
    ? new Map((await db().user.findMany({ where: { id: { in: recipientIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]))
    : new Map<string, string>();
  return rows.map((r) => ({
    id: r.id,
    roomId: r.roomId,
    kind: r.kind,
    body: r.body,
    authorId: r.authorId,
    authorName: r.author.name,
    recipientId: r.recipientId,
    recipientName: r.recipientId ? (recipients.get(r.recipientId) ?? null) : null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The latest messages, oldest first: chat and system messages, and the contacts this user sent or received. */
export async function recentMessages(roomId: string, userId: string, limit = 50): Promise<MessageView[]> {
  const rows = await db().roomMessage.findMany({
    where: { roomId, OR: [{ kind: { in: ["CHAT", "SYSTEM"] } }, { authorId: userId }, { recipientId: userId }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: messageSelect,
  });
  return toViews(rows.reverse());
}

export async function postMessage(
  user: (Actor & { name: string }) | null,
  input: { roomId: string; body: unknown },
  resolve?: AccessResolver,
): Promise<MessageView> {
  const body = parseMessageBody(input.body);
  const { room, access } = await findRoom(input.roomId, user, resolve);
  requireRoomParticipant(user, access);
  await hitRateLimit({ key: `room-chat:${user.id}`, limit: ROOM_LIMITS.messagesPerMinute, windowSeconds: 60 });
  const row = await db().roomMessage.create({ data: { roomId: room.id, authorId: user.id, body, kind: "CHAT" }, select: messageSelect });
  const [view] = await toViews([row]);
  publishRoomEvent({ type: "message", roomId: room.id, message: view });
  return view;
}

/**
 * "Let's meet": both must take part in the event. In a roadshow where the person asked publishes
 * meeting slots (an investor) and one is free for both, this is a meeting request in the roadshow
 * meeting flow (app/domain/meetings: it holds the slot and emails the host). Otherwise it is a
 * chat-only contact: a private CONTACT message in the room (seen by the two of them) and an email
 * to the person asked, written in the same transaction.
 */
export async function letsMeet(user: (Actor & { name: string }) | null, input: { roomId: string; userId: string; note?: unknown }, resolve?: AccessResolver) {
  const { room, access } = await findRoom(input.roomId, user, resolve);
  requireRoomParticipant(user, access);
  if (!isUuid(input.userId) || input.userId === user.id) throw new DomainError("VALIDATION", "Choose someone else to meet.");
  const target = await db().user.findUnique({ where: { id: input.userId }, select: { id: true, name: true, email: true } });
  if (!target) throw new DomainError("NOT_FOUND", "This person does not exist.");
  const targetAccess = await eventAccess({ id: target.id, roles: [] }, room.eventId);
  if (!targetAccess.participant) throw new DomainError("FORBIDDEN", "This person is not taking part in this event.");
  await hitRateLimit({ key: `room-contact:${user.id}`, limit: ROOM_LIMITS.contactsPerHour, windowSeconds: 3600 });
  const note = input.note === undefined || input.note === "" ? null : parseMessageBody(input.note);

  const meeting = room.event.kind === "ROADSHOW" ? await requestRoadshowMeeting(user, room.event.slug, target.id, note) : null;
  if (meeting) {
    const when = `${formatDate(meeting.startsAt, meeting.timeZone)}, ${formatTime(meeting.startsAt, meeting.timeZone)}`;
    const row = await db().roomMessage.create({
      data: {
        roomId: room.id,
        authorId: user.id,
        recipientId: target.id,
        kind: "CONTACT",
        body: `${user.name} requested a meeting with ${target.name} on ${when} (${meeting.city}).${note ? ` “${note}”` : ""}`.slice(0, 1000),
      },
      select: messageSelect,
    });
    const [message] = await toViews([row]);
    publishRoomEvent({ type: "contact", roomId: room.id, message, to: [user.id, target.id] });
    return { kind: "meeting" as const, message, meetingId: meeting.id, startsAt: meeting.startsAt.toISOString() };
  }

  const body = `${user.name} would like to meet ${target.name}.${note ? ` “${note}”` : ""}`.slice(0, 1000);
  const row = await db().$transaction(async (tx) => {
    const created = await tx.roomMessage.create({
      data: { roomId: room.id, authorId: user.id, recipientId: target.id, body, kind: "CONTACT" },
      select: messageSelect,
    });
    const link = `${publicUrl()}/events/${room.event.slug}/rooms/${room.id}`;
    await enqueueNotification(tx, target, "INTRODUCTIONS", {
      to: target.email,
      ...roomContactEmail({ fromName: user.name, eventTitle: room.event.title, roomName: room.name, body, roomUrl: link }),
      dedupeKey: `room-contact:${room.id}:${user.id}:${target.id}:${new Date().toISOString().slice(0, 13)}`,
    });
    return created;
  });
  const [message] = await toViews([row]);
  publishRoomEvent({ type: "contact", roomId: room.id, message, to: [user.id, target.id] });
  return { kind: "contact" as const, message };
}

/**
 * The earliest slot the person asked publishes at a coming roadshow stop that is free for both,
 * requested through the meeting flow; null when there is none (or it was just taken), so the
 * caller falls back to a chat-only contact.
 */
async function requestRoadshowMeeting(user: Actor & { name: string }, slug: string, hostId: string, note: string | null, now = new Date()) {
  const event = await findRoadshow(slug, user).catch(() => null);
  if (!event) return null;
  for (const stop of event.stops.filter((s) => s.endsAt > now)) {
    const [host] = await stopHostSlots(stop, now, { hostId, viewerId: user.id });
    const free = (host?.slots ?? []).filter((slot) => slot.status === "FREE").slice(0, 3);
    for (const slot of free) {
      try {
        const meeting = await requestMeeting(user, { slug, stopId: stop.id, hostId, startsAt: slot.startsAt.toISOString(), message: note });
        return { id: meeting.id, startsAt: slot.startsAt, timeZone: stop.timeZone, city: stop.city };
      } catch (error) {
        if (isDomainError(error) && error.code === "SLOT_TAKEN") continue;
        if (isDomainError(error)) return null;
        throw error;
      }
    }
  }
  return null;
}

function roundView(
  round: {
    id: string;
    roomId: string;
    number: number;
    minutes: number;
    startsAt: Date;
    endsAt: Date;
    pairs: { position: number; userAId: string; userBId: string | null; place: string }[];
  },
  names: Map<string, string>,
): RoundView {
  return {
    id: round.id,
    roomId: round.roomId,
    number: round.number,
    minutes: round.minutes,
    startsAt: round.startsAt.toISOString(),
    endsAt: round.endsAt.toISOString(),
    pairs: [...round.pairs]
      .sort((a, b) => a.position - b.position)
      .map((p) => ({
        position: p.position,
        a: { id: p.userAId, name: names.get(p.userAId) ?? "Someone" },
        b: p.userBId ? { id: p.userBId, name: names.get(p.userBId) ?? "Someone" } : null,
        place: p.place,
      })),
  };
}

async function namesOf(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  return new Map((await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
}

/** The room's latest round (running or over), or null before the first. */
export async function latestRound(roomId: string): Promise<RoundView | null> {
  const round = await db().networkingRound.findFirst({ where: { roomId }, orderBy: { number: "desc" }, include: { pairs: true } });
  if (!round) return null;
  return roundView(round, await namesOf(round.pairs.flatMap((p) => [p.userAId, p.userBId ?? p.userAId])));
}

/**
 * Starts the next round: pairs the participants present now (staff excluded), avoiding every
 * pair of the room's earlier rounds, one bye when the count is odd. Serialised per room by an
 * advisory lock; refused while a round is still running.
 */
export async function startRound(
  user: (Actor & { name: string }) | null,
  input: { roomId: string; minutes: unknown; present: Pick<PresenceProfile, "userId" | "themes" | "intents" | "organisationId" | "staff">[] },
  now = new Date(),
  resolve?: AccessResolver,
): Promise<RoundView> {
  const minutes = parseRoundMinutes(input.minutes);
  const { room, access } = await findRoom(input.roomId, user, resolve);
  if (!user) throw new DomainError("UNAUTHENTICATED", "Sign in to run speed networking.");
  if (!access.moderator) throw new DomainError("FORBIDDEN", "Only this event's organisers can start networking rounds.");
  const people: Participant[] = [...new Map(input.present.filter((p) => !p.staff).map((p) => [p.userId, p])).values()].map((p) => ({
    id: p.userId,
    themes: p.themes,
    intents: p.intents,
    organisationId: p.organisationId,
  }));
  if (people.length < 2) throw new DomainError("CONFLICT", "At least two participants must be in the room to start a round.");
  const round = await db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`networking:${room.id}`}, 0))`;
      const previous = await tx.networkingRound.findMany({ where: { roomId: room.id }, orderBy: { number: "asc" }, include: { pairs: true } });
      const last = previous[previous.length - 1];
      if (last && last.endsAt > now) throw new DomainError("CONFLICT", `Round ${last.number} is still running.`);
      const met = new Set<string>();
      const byes = new Map<string, number>();
      for (const r of previous) {
        for (const p of r.pairs) {
          if (p.userBId) met.add(pairKey(p.userAId, p.userBId));
          else byes.set(p.userAId, (byes.get(p.userAId) ?? 0) + 1);
        }
      }
      const number = (last?.number ?? 0) + 1;
      const pairing = pairParticipants(people, { met, byes, seed: number });
      const created = await tx.networkingRound.create({
        data: {
          roomId: room.id,
          number,
          minutes,
          startsAt: now,
          endsAt: new Date(now.getTime() + minutes * 60_000),
          startedById: user.id,
          pairs: {
            create: [
              ...pairing.pairs.map(([a, b], i) => ({
                position: i,
                userAId: a,
                userBId: b,
                place: meetingPlace(room.event.mode, i, { roomId: room.id, number }, videoSecret()),
              })),
              ...(pairing.bye ? [{ position: pairing.pairs.length, userAId: pairing.bye, userBId: null, place: "Bye — this round you sit out" }] : []),
            ],
          },
        },
        include: { pairs: true },
      });
      const announcement = await tx.roomMessage.create({
        data: {
          roomId: room.id,
          authorId: user.id,
          kind: "SYSTEM",
          body: `Speed networking round ${number} started: ${pairing.pairs.length} ${pairing.pairs.length === 1 ? "pair" : "pairs"}, ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`,
        },
        select: messageSelect,
      });
      return { created, announcement };
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
  const view = roundView(round.created, await namesOf(round.created.pairs.flatMap((p) => [p.userAId, p.userBId ?? p.userAId])));
  publishRoomEvent({ type: "round", roomId: room.id, round: view });
  publishRoomEvent({ type: "message", roomId: room.id, message: (await toViews([round.announcement]))[0] });
  return view;
}

/** Ends the running round now (organisers). */
export async function endRound(
  user: (Actor & { name: string }) | null,
  input: { roomId: string },
  now = new Date(),
  resolve?: AccessResolver,
): Promise<RoundView> {
  const { room, access } = await findRoom(input.roomId, user, resolve);
  if (!user) throw new DomainError("UNAUTHENTICATED", "Sign in to run speed networking.");
  if (!access.moderator) throw new DomainError("FORBIDDEN", "Only this event's organisers can end networking rounds.");
  const last = await db().networkingRound.findFirst({ where: { roomId: room.id }, orderBy: { number: "desc" } });
  if (!last || last.endsAt <= now) throw new DomainError("CONFLICT", "No round is running.");
  await db().networkingRound.updateMany({ where: { id: last.id, endsAt: { gt: now } }, data: { endsAt: now } });
  const view = (await latestRound(room.id))!;
  publishRoomEvent({ type: "round", roomId: room.id, round: view });
  return view;
}
