// What a ticket is made of besides its row: the QR code (PNG for emails, SVG for pages) and
// the calendar entry (METHOD:REQUEST in the confirmation, CANCEL when it ends, PUBLISH for
// downloads). The UID is the one the personal calendar feed uses for the same registration
// (`registration-<id>@host`), so every copy of the entry updates the same calendar item.
import QRCode from "qrcode";
import { qrMatrixToPng } from "./qr-png";
import { calendarHost } from "~/domain/calendar/feeds.server";
import { renderCalendar, type CalendarItem, type CalendarMethod } from "~/domain/calendar/render";
import { countryName } from "~/domain/kernel/vocabulary";
import { env, publicUrl } from "~/platform/env.server";

const DAY_MS = 86_400_000;

export async function ticketQrPng(ticketCode: string): Promise<Buffer> {
  // 8 px per module (crisp, ~200 px wide), encoded as a 1-bit PNG (see qr-png.ts).
  const qr = QRCode.create(ticketCode, { errorCorrectionLevel: "M" });
  return qrMatrixToPng({ size: qr.modules.size, get: (row, col) => qr.modules.get(row, col) }, 8, 2);
}

export async function ticketQrSvg(ticketCode: string): Promise<string> {
  return QRCode.toString(ticketCode, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

export function eventPageUrl(slug: string): string {
  return `${publicUrl()}/events/${encodeURIComponent(slug)}`;
}

export function ticketPageUrl(registrationId: string): string {
  return `${publicUrl()}/my/registrations/${registrationId}`;
}

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

function place(event: TicketCalendarEvent): string | null {
  const inPerson = [event.venueName, event.venueAddress, event.city, event.country ? countryName(event.country) : null].filter(Boolean).join(", ");
  if (event.mode === "ONLINE") return "Online";
  if (event.mode === "HYBRID") return inPerson ? `${inPerson} (and online)` : "Online";
  return inPerson || null;
}

export function ticketCalendar(
  registration: TicketCalendarRegistration,
  event: TicketCalendarEvent,
  attendee: { name: string; email: string },
  method: CalendarMethod,
): string {
  const cancelled = method === "CANCEL" || event.status === "CANCELLED";
  const updatedAt = new Date(Math.max(registration.updatedAt.getTime(), event.updatedAt.getTime()));
  const item: CalendarItem = {
    kind: "registration",
    id: registration.id,
    title: event.title,
    description: [event.summary, `Your ticket code: ${registration.ticketCode}`, `Your ticket: ${ticketPageUrl(registration.id)}`].filter(Boolean).join("\n\n"),
    location: place(event),
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
