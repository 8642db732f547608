// The emails of a meeting's life, queued in the caller's transaction (outbox). A confirmed or
// moved meeting carries an invitation (METHOD:REQUEST), a cancelled one METHOD:CANCEL; both use
// the stable UID meeting-<id>@<host> and SEQUENCE = meeting.sequence + event.sequence (the same
// rule as the personal feeds), so calendars update the entry they already have.
import { calendarHost } from "~/domain/calendar/feeds.server";
import { renderCalendar, type CalendarItem } from "~/domain/calendar/render";
import { enqueueEmail } from "~/domain/notifications/outbox.server";
import { organizerAddress } from "~/domain/registration/ticket-assets.server";
import { formatRange } from "~/domain/time/zoned";
import { publicUrl } from "~/platform/env.server";
import type { Tx } from "~/platform/db.server";
import { enqueueNotification } from "~/domain/accounts/notification-choices.server";

export const meetingEmailSelect = {
  id: true, status: true, startsAt: true, endsAt: true, sequence: true, updatedAt: true, message: true,
  proposedStartsAt: true, proposedEndsAt: true, proposedById: true, requestExpiresAt: true,
  host: { select: { id: true, name: true, email: true } },
  guest: { select: { id: true, name: true, email: true } },
  meetingPoint: { select: { name: true, onlineUrl: true } },
  stop: { select: { id: true, city: true, timeZone: true, venueName: true } },
  event: { select: { id: true, slug: true, title: true, timeZone: true, sequence: true } },
} as const;

export interface MeetingForEmail {
  id: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  sequence: number;
  updatedAt: Date;
  message: string | null;
  proposedStartsAt: Date | null;
  proposedEndsAt: Date | null;
  proposedById: string | null;
  requestExpiresAt: Date | null;
  host: { id: string; name: string; email: string };
  guest: { id: string; name: string; email: string };
  meetingPoint: { name: string; onlineUrl: string | null } | null;
  stop: { id: string; city: string; timeZone: string; venueName: string | null } | null;
  event: { id: string; slug: string; title: string; timeZone: string; sequence: number };
}

export function meetingZone(meeting: Pick<MeetingForEmail, "stop" | "event">): string {
  return meeting.stop?.timeZone ?? meeting.event.timeZone;
}

export function meetingPlace(meeting: Pick<MeetingForEmail, "stop" | "meetingPoint">): string {
  return [meeting.meetingPoint?.name, meeting.stop?.venueName, meeting.stop?.city].filter(Boolean).join(", ");
}

export function meetingPageUrl(meeting: Pick<MeetingForEmail, "event" | "stop">, forHost: boolean): string {
  const base = `${publicUrl()}/roadshows/${encodeURIComponent(meeting.event.slug)}`;
  return forHost && meeting.stop ? `${base}/stops/${meeting.stop.id}/host` : base;
}

/** The iTIP attachment for one meeting (pure apart from reading MAIL_FROM / PUBLIC_URL). */
export function meetingInvitation(meeting: MeetingForEmail, method: "REQUEST" | "CANCEL"): string {
  const joinUrl = method === "REQUEST" ? meeting.meetingPoint?.onlineUrl : null;
  const item: CalendarItem = {
    kind: "meeting",
    id: meeting.id,
    title: `Meeting: ${meeting.host.name} × ${meeting.guest.name}`,
    description: [`One-to-one meeting at ${meeting.event.title}.`, joinUrl ? `Join online: ${joinUrl}` : null].filter(Boolean).join("\n\n"),
    location: meetingPlace(meeting) || null,
    url: `${publicUrl()}/roadshows/${encodeURIComponent(meeting.event.slug)}`,
    start: meeting.startsAt,
    end: meeting.endsAt,
    status: method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
    sequence: meeting.sequence + meeting.event.sequence,
    updatedAt: meeting.updatedAt,
    organizer: organizerAddress(),
    attendees: [meeting.host, meeting.guest].map((person) => ({
      name: person.name,
      email: person.email,
      role: "REQ-PARTICIPANT" as const,
      partstat: method === "CANCEL" ? ("DECLINED" as const) : ("ACCEPTED" as const),
      rsvp: false,
    })),
  };
  return renderCalendar({ name: meeting.event.title, timeZone: meetingZone(meeting), method, host: calendarHost(), includeAttendees: true, items: [item] });
}

function when(meeting: MeetingForEmail, start = meeting.startsAt, end = meeting.endsAt): string {
  return formatRange(start, end, meetingZone(meeting));
}

/** Confirmed (or moved): both people get the invitation. */
export async function enqueueMeetingConfirmed(tx: Tx, meeting: MeetingForEmail, moved = false): Promise<void> {
  const ics = Buffer.from(meetingInvitation(meeting, "REQUEST"), "utf8").toString("base64");
  for (const [person, other, forHost] of [[meeting.host, meeting.guest, true], [meeting.guest, meeting.host, false]] as const) {
    await enqueueEmail(tx, {
      to: person.email,
      subject: `${moved ? "Meeting moved" : "Meeting confirmed"}: ${other.name}, ${when(meeting)}`,
      text: [
        `Hello ${person.name},`,
        `Your meeting with ${other.name} at ${meeting.event.title} is ${moved ? "now" : "confirmed for"} ${when(meeting)}${meetingPlace(meeting) ? `, ${meetingPlace(meeting)}` : ""}.`,
        meeting.meetingPoint?.onlineUrl ? `Join online: ${meeting.meetingPoint.onlineUrl}` : null,
        `The calendar invitation is attached. Your meetings: ${meetingPageUrl(meeting, forHost)}`,
      ].filter(Boolean).join("\n\n"),
      attachments: [{ filename: "meeting.ics", contentType: "text/calendar; charset=utf-8; method=REQUEST", content: ics }],
      dedupeKey: `meeting:${meeting.id}:${meeting.sequence}:request:${person.id}`,
    });
  }
}

/** Cancelled after it was confirmed: both people get METHOD:CANCEL. */
export async function enqueueMeetingCancelled(tx: Tx, meeting: MeetingForEmail, byName: string): Promise<void> {
  const ics = Buffer.from(meetingInvitation(meeting, "CANCEL"), "utf8").toString("base64");
  for (const [person, other, forHost] of [[meeting.host, meeting.guest, true], [meeting.guest, meeting.host, false]] as const) {
    await enqueueEmail(tx, {
      to: person.email,
      subject: `Meeting cancelled: ${other.name}, ${when(meeting)}`,
      text: [
        `Hello ${person.name},`,
        `${byName} cancelled the meeting with ${other.name} at ${meeting.event.title} on ${when(meeting)}.`,
        `The attached update removes it from your calendar. Your meetings: ${meetingPageUrl(meeting, forHost)}`,
      ].join("\n\n"),
      attachments: [{ filename: "cancel.ics", contentType: "text/calendar; charset=utf-8; method=CANCEL", content: ics }],
      dedupeKey: `meeting:${meeting.id}:${meeting.sequence}:cancel:${person.id}`,
    });
  }
}

/** A plain notice without calendar data (requests, declines, expiries, proposals). */
export async function enqueueMeetingNotice(
  tx: Tx,
  meeting: MeetingForEmail,
  to: "host" | "guest",
  subject: string,
  lines: (string | null)[],
  /** Dedupe key suffix; null for a notice about a row created in this transaction (nothing to dedupe). */
  key: string | null,
): Promise<void> {
  const person = to === "host" ? meeting.host : meeting.guest;
  await enqueueNotification(tx, person, "MEETING_REQUESTS", {
    to: person.email,
    subject,
    text: [`Hello ${person.name},`, ...lines.filter(Boolean), `Your meetings: ${meetingPageUrl(meeting, to === "host")}`].join("\n\n"),
    ...(key ? { dedupeKey: `meeting:${meeting.id}:${key}:${person.id}` } : {}),
  });
}

export function describeWhen(meeting: MeetingForEmail, start?: Date | null, end?: Date | null): string {
  return when(meeting, start ?? meeting.startsAt, end ?? meeting.endsAt);
}
