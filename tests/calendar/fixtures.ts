// The calendar tests' scene: a hybrid roadshow in Warsaw's zone whose texts need escaping in
// ICS, with a ticket type, a room and a track; built from the shared factories.
import { makeEvent } from "../support/factories";

export async function makeCalendarEvent(options: {
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
  const event = await makeEvent({
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
    onlineUrl: options.onlineUrl ?? null,
    publishedAt: new Date(),
    ticketTypes: [{ name: "Standard" }],
    rooms: [{ name: "Sala Główna" }],
    tracks: [{ name: "Mobility, data & energy" }],
  });
  return { event, ticketType: event.ticketTypes[0], room: event.rooms[0], track: event.tracks[0] };
}

export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
