// Rows for agenda tests, created directly in this test file's database.
import { randomBytes } from "node:crypto";
import type { UserRole } from "~/generated/prisma/enums";
import { db } from "~/platform/db.server";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString("hex")}`;

export async function makeUser(name = "Test Person", roles: UserRole[] = ["ATTENDEE"]) {
  const id = unique();
  return db().user.create({ data: { email: `${id}@example.test`, name, passwordHash: "x", roles } });
}

/**
 * An event in `timeZone` with an organiser (OWNER), two rooms, a track and two speakers (one a
 * platform user). Defaults: 2 days from 2026-06-10 07:00 UTC to 2026-06-11 16:00 UTC.
 */
export async function makeEvent(options: { timeZone?: string; startsAt?: Date; endsAt?: Date; agendaPublished?: boolean; status?: "DRAFT" | "PUBLISHED" } = {}) {
  const organiser = await makeUser("Olga Organiser", ["ORGANISER"]);
  const speakerUser = await makeUser("Sam Speaker");
  const slug = `event-${unique()}`;
  const event = await db().event.create({
    data: {
      slug,
      title: `Agenda test ${slug}`,
      summary: "s",
      description: "d",
      kind: "WORKSHOP",
      status: options.status ?? "PUBLISHED",
      timeZone: options.timeZone ?? "Europe/Paris",
      startsAt: options.startsAt ?? new Date("2026-06-10T07:00:00Z"),
      endsAt: options.endsAt ?? new Date("2026-06-11T16:00:00Z"),
      agendaPublishedAt: options.agendaPublished ? new Date() : null,
      organisers: { create: [{ userId: organiser.id, role: "OWNER" }] },
      rooms: { create: [{ name: "Hall", position: 0 }, { name: "Lab", position: 1 }] },
      tracks: { create: [{ name: "Main", position: 0 }] },
      speakers: { create: [{ name: "Sam Speaker", userId: speakerUser.id }, { name: "Ext Person", organisation: "Elsewhere" }] },
      ticketTypes: { create: [{ name: "Standard" }] },
    },
    include: { rooms: { orderBy: { position: "asc" } }, tracks: true, speakers: { orderBy: { name: "asc" } }, ticketTypes: true },
  });
  const organiserUser = { id: organiser.id, roles: organiser.roles };
  return { event, organiser: organiserUser, speakerUser, hall: event.rooms[0], lab: event.rooms[1], track: event.tracks[0], speakers: event.speakers };
}

/** A CONFIRMED registration, as the registration flow (issue 3) will create. */
export async function register(userId: string, event: { id: string; ticketTypes: { id: string }[] }, status: "CONFIRMED" | "PENDING_PAYMENT" | "CANCELLED" = "CONFIRMED") {
  return db().registration.create({
    data: { eventId: event.id, userId, ticketTypeId: event.ticketTypes[0].id, status, ticketCode: `T-${unique()}` },
  });
}

export async function registeredAttendee(event: { id: string; ticketTypes: { id: string }[] }, name = "Ana Attendee") {
  const user = await makeUser(name);
  await register(user.id, event);
  return { id: user.id, roles: user.roles, email: user.email, name: user.name };
}

/** Form values as the editor posts them (local times in the event's zone). */
export function sessionForm(values: Record<string, string | string[]>) {
  return { format: "TALK", description: "", ...values };
}

/** A session row straight in the DB (status PUBLISHED unless told). */
export async function makeSession(eventId: string, data: Partial<{ title: string; startsAt: Date; endsAt: Date; roomId: string | null; onlineUrl: string | null; capacity: number | null; status: "DRAFT" | "PUBLISHED" | "CANCELLED" }> = {}) {
  return db().agendaSession.create({
    data: {
      eventId,
      title: data.title ?? "A session",
      startsAt: data.startsAt ?? new Date("2026-06-10T08:00:00Z"),
      endsAt: data.endsAt ?? new Date("2026-06-10T09:00:00Z"),
      roomId: data.roomId ?? null,
      onlineUrl: data.onlineUrl ?? null,
      capacity: data.capacity ?? null,
      status: data.status ?? "PUBLISHED",
    },
  });
}
