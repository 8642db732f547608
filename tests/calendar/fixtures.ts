// Rows for the calendar tests, created directly (registration, agenda and meeting flows are
// built elsewhere; these tables already exist).
import { randomBytes } from "node:crypto";
import type { MeetingStatus, RegistrationStatus, SessionStatus } from "~/generated/prisma/enums";
import { db } from "~/platform/db.server";

export const ORGANISER_EMAIL = "organiser@calendar.test";

export async function createUser(email: string, name: string) {
  return db().user.upsert({ where: { email }, update: {}, create: { email, name, passwordHash: "not-a-real-hash" } });
}

export async function createEvent(options: {
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone?: string;
  mode?: "IN_PERSON" | "ONLINE" | "HYBRID";
  onlineUrl?: string | null;
  status?: "DRAFT" | "PUBLISHED" | "CANCELLED";
  city?: string;
  venueName?: string;
}) {
  const event = await db().event.create({
    data: {
      slug: options.slug,
      title: options.title,
      summary: `Summary of ${options.title}; with commas, semicolons \\ and backslashes.`,
      description: "Long description",
      kind: "ROADSHOW",
      status: options.status ?? "PUBLISHED",
      // Its sessions are created published, so its agenda is too.
      agendaPublishedAt: options.status === "DRAFT" ? null : options.startsAt,
      mode: options.mode ?? "HYBRID",
      timeZone: options.timeZone ?? "Europe/Warsaw",
      startsAt: options.startsAt,
      endsAt: options.endsAt,
      venueName: options.venueName ?? "ICE Kraków",
      city: options.city ?? "Kraków",
      country: "PL",
      onlineUrl: options.onlineUrl === undefined ? null : options.onlineUrl,
      publishedAt: new Date(),
    },
  });
  const ticketType = await db().ticketType.create({ data: { eventId: event.id, name: "Standard" } });
  const room = await db().room.create({ data: { eventId: event.id, name: "Sala Główna" } });
  const track = await db().track.create({ data: { eventId: event.id, name: "Mobility, data & energy" } });
  return { event, ticketType, room, track };
}

export async function createSession(
  eventId: string,
  options: { title: string; startsAt: Date; endsAt: Date; status?: SessionStatus; onlineUrl?: string; roomId?: string; trackId?: string; updatedAt?: Date },
) {
  return db().agendaSession.create({
    data: {
      eventId,
      title: options.title,
      description: "Session description",
      status: options.status ?? "PUBLISHED",
      startsAt: options.startsAt,
      endsAt: options.endsAt,
      onlineUrl: options.onlineUrl,
      roomId: options.roomId,
      trackId: options.trackId,
      ...(options.updatedAt ? { updatedAt: options.updatedAt } : {}),
    },
  });
}

export async function register(userId: string, eventId: string, ticketTypeId: string, status: RegistrationStatus, extra: { decisionNote?: string; updatedAt?: Date } = {}) {
  return db().registration.create({
    data: {
      userId,
      eventId,
      ticketTypeId,
      status,
      ticketCode: randomBytes(12).toString("base64url"),
      decisionNote: extra.decisionNote,
      ...(extra.updatedAt ? { updatedAt: extra.updatedAt } : {}),
    },
  });
}

export async function pick(userId: string, sessionId: string) {
  return db().agendaPick.create({ data: { userId, sessionId } });
}

export async function createMeeting(options: {
  eventId: string;
  hostId: string;
  guestId: string;
  startsAt: Date;
  endsAt: Date;
  status: MeetingStatus;
  message?: string;
  meetingPointId?: string;
  updatedAt?: Date;
}) {
  return db().meeting.create({
    data: {
      eventId: options.eventId,
      hostId: options.hostId,
      guestId: options.guestId,
      startsAt: options.startsAt,
      endsAt: options.endsAt,
      status: options.status,
      message: options.message,
      meetingPointId: options.meetingPointId,
      ...(options.updatedAt ? { updatedAt: options.updatedAt } : {}),
    },
  });
}

export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
