// The agenda tests' scene (an event with an organiser, rooms, a track and speakers) and an
// attendee with a registration, built from the shared factories.
import { makeEvent, makeRegistration, makeUser, unique } from "../support/factories";

/**
 * An event in `timeZone` with an organiser (OWNER), two rooms, a track and two speakers (one a
 * platform user). Defaults: 2 days from 2026-06-10 07:00 UTC to 2026-06-11 16:00 UTC.
 */
export async function makeAgendaEvent(
  options: { timeZone?: string; startsAt?: Date; endsAt?: Date; agendaPublished?: boolean; status?: "DRAFT" | "PUBLISHED" } = {},
) {
  const organiser = await makeUser({ name: "Olga Organiser", roles: ["ORGANISER"] });
  const speakerUser = await makeUser({ name: "Sam Speaker" });
  const slug = `event-${unique()}`;
  const event = await makeEvent({
    slug,
    title: `Agenda test ${slug}`,
    summary: "s",
    description: "d",
    status: options.status ?? "PUBLISHED",
    publishedAt: null,
    timeZone: options.timeZone ?? "Europe/Paris",
    startsAt: options.startsAt ?? new Date("2026-06-10T07:00:00Z"),
    endsAt: options.endsAt ?? new Date("2026-06-11T16:00:00Z"),
    agendaPublishedAt: options.agendaPublished ? new Date() : null,
    owner: organiser,
    rooms: [
      { name: "Hall", position: 0 },
      { name: "Lab", position: 1 },
    ],
    tracks: [{ name: "Main", position: 0 }],
    speakers: [
      { name: "Sam Speaker", userId: speakerUser.id },
      { name: "Ext Person", organisation: "Elsewhere" },
    ],
    ticketTypes: [{ name: "Standard" }],
  });
  const organiserUser = { id: organiser.id, roles: organiser.roles };
  return { event, organiser: organiserUser, speakerUser, hall: event.rooms[0], lab: event.rooms[1], track: event.tracks[0], speakers: event.speakers };
}

/** Someone with a CONFIRMED registration for the event's first ticket type. */
export async function registeredAttendee(event: { ticketTypes: { id: string; eventId: string }[] }, name = "Ana Attendee") {
  const user = await makeUser({ name });
  await makeRegistration(user, event.ticketTypes[0]);
  return { id: user.id, roles: user.roles, email: user.email, name: user.name };
}

/** Form values as the editor posts them (local times in the event's zone). */
export function sessionForm(values: Record<string, string | string[]>) {
  return { format: "TALK", description: "", ...values };
}
