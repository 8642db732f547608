// Calendar entries sent by email (iTIP): the organizer every invitation names, and a ticket's
// entry (METHOD:REQUEST in the confirmation, CANCEL when it ends, PUBLISH for downloads). The
// UID is the one the personal calendar feed uses for the same registration
// (`registration-<id>@host`), so every copy of the entry updates the same calendar item.
import { createT } from "~/domain/kernel/i18n/translate";
import { eventPageUrl, ticketPageUrl } from "~/domain/kernel/links.server";
import { env } from "~/platform/env.server";
import { calendarHost, eventPlace } from "./feeds.server";
import { renderCalendar, type CalendarItem, type CalendarMethod } from "./render";

const DAY_MS = 86_400_000;

/** The address part of MAIL_FROM ("SCALE Events <events@…>" → "events@…"). */
export function organizerAddress(): { name: string; email: string } {
  const from = env().MAIL_FROM;
  const match = /^(.*)<([^>]+)>\s*$/.exec(from);
  return match ? { name: match[1].trim().replace(/^"|"$/g, "") || "SCALE Events", email: match[2].trim() } : { name: "SCALE Events", email: from.trim() };
}

export interface TicketCalendarEvent {
  id: string;
  slug: string;
  title: string;
  summary?: string | null;
  status: string;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  venueName: string | null;
  venueAddress: string | null;
  city: string | null;
  country?: string | null;
  mode?: string;
  sequence: number;
  updatedAt: Date;
}

export interface TicketCalendarRegistration {
  id: string;
  ticketCode: string;
  sequence: number;
  updatedAt: Date;
}

export function ticketCalendar(
  registration: TicketCalendarRegistration,
  event: TicketCalendarEvent,
  attendee: { name: string; email: string },
  method: CalendarMethod,
  /** The attendee's language for our own words (the event's text is the caller's to choose). */
  language?: string | null,
): string {
  const t = createT(language);
  const cancelled = method === "CANCEL" || event.status === "CANCELLED";
  const updatedAt = new Date(Math.max(registration.updatedAt.getTime(), event.updatedAt.getTime()));
  const item: CalendarItem = {
    kind: "registration",
    id: registration.id,
    title: event.title,
    description: [event.summary, t("calendar.ticketCode", { code: registration.ticketCode }), t("calendar.ticketLink", { url: ticketPageUrl(registration.id) })]
      .filter(Boolean)
      .join("\n\n"),
    location: eventPlace(event),
    url: eventPageUrl(event.slug),
    start: event.startsAt,
    end: event.endsAt,
    allDay: event.endsAt.getTime() - event.startsAt.getTime() >= DAY_MS,
    timeZone: event.timeZone,
    status: cancelled ? "CANCELLED" : "CONFIRMED",
    // Same rule as the personal feed: event.sequence + registration.sequence.
    sequence: event.sequence + registration.sequence,
    updatedAt,
    organizer: organizerAddress(),
    attendees: [{ name: attendee.name, email: attendee.email, role: "REQ-PARTICIPANT", partstat: cancelled ? "DECLINED" : "ACCEPTED", rsvp: false }],
  };
  return renderCalendar({
    name: event.title,
    timeZone: event.timeZone,
    method,
    host: calendarHost(),
    includeAttendees: method !== "PUBLISH",
    items: [item],
  });
}
