// The emails of a meeting's life, queued in the caller's transaction (outbox). The words are
// notifications/emails/meetings.ts; this adds the calendar data and the dedupe keys. A confirmed
// or moved meeting carries an invitation (METHOD:REQUEST), a cancelled one METHOD:CANCEL; both
// use the stable UID meeting-<id>@<host> and SEQUENCE = meeting.sequence + event.sequence (the
// same rule as the personal feeds), so calendars update the entry they already have.
import { calendarHost } from "~/domain/calendar/feeds.server";
import { organizerAddress } from "~/domain/calendar/invitations.server";
import { renderCalendar, type CalendarItem } from "~/domain/calendar/render";
import {
  meetingCancelledEmail,
  meetingConfirmedEmail,
  meetingNoticeEmail,
  meetingPlace,
  meetingZone,
  type MeetingEmailData,
  type MeetingNotice,
} from "~/domain/notifications/emails/meetings";
import { enqueueEmail } from "~/domain/notifications/outbox.server";
import { publicUrl } from "~/platform/env.server";
import type { Tx } from "~/platform/db.server";
import { enqueueNotification } from "~/domain/notifications/notification-choices.server";

export const meetingEmailSelect = {
  id: true,
  status: true,
  startsAt: true,
  endsAt: true,
  sequence: true,
  updatedAt: true,
  message: true,
  proposedStartsAt: true,
  proposedEndsAt: true,
  proposedById: true,
  requestExpiresAt: true,
  host: { select: { id: true, name: true, email: true } },
  guest: { select: { id: true, name: true, email: true } },
  meetingPoint: { select: { name: true, onlineUrl: true } },
  stop: { select: { id: true, city: true, timeZone: true, venueName: true } },
  event: { select: { id: true, slug: true, title: true, timeZone: true, sequence: true } },
} as const;

/** A meeting as `meetingEmailSelect` reads it. */
export type MeetingForEmail = MeetingEmailData;

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

/** Confirmed (or moved): both people get the invitation. */
export async function enqueueMeetingConfirmed(tx: Tx, meeting: MeetingForEmail, moved = false): Promise<void> {
  const ics = Buffer.from(meetingInvitation(meeting, "REQUEST"), "utf8").toString("base64");
  for (const [person, other, forHost] of [
    [meeting.host, meeting.guest, true],
    [meeting.guest, meeting.host, false],
  ] as const) {
    await enqueueEmail(tx, {
      to: person.email,
      ...meetingConfirmedEmail(meeting, person, other, moved, meetingPageUrl(meeting, forHost)),
      attachments: [{ filename: "meeting.ics", contentType: "text/calendar; charset=utf-8; method=REQUEST", content: ics }],
      dedupeKey: `meeting:${meeting.id}:${meeting.sequence}:request:${person.id}`,
    });
  }
}

/** Cancelled after it was confirmed: both people get METHOD:CANCEL. */
export async function enqueueMeetingCancelled(tx: Tx, meeting: MeetingForEmail, byName: string): Promise<void> {
  const ics = Buffer.from(meetingInvitation(meeting, "CANCEL"), "utf8").toString("base64");
  for (const [person, other, forHost] of [
    [meeting.host, meeting.guest, true],
    [meeting.guest, meeting.host, false],
  ] as const) {
    await enqueueEmail(tx, {
      to: person.email,
      ...meetingCancelledEmail(meeting, person, other, byName, meetingPageUrl(meeting, forHost)),
      attachments: [{ filename: "cancel.ics", contentType: "text/calendar; charset=utf-8; method=CANCEL", content: ics }],
      dedupeKey: `meeting:${meeting.id}:${meeting.sequence}:cancel:${person.id}`,
    });
  }
}

/** A plain notice without calendar data (requests, declines, expiries, proposals). */
export async function enqueueMeetingNotice(
  tx: Tx,
  meeting: MeetingForEmail,
  notice: MeetingNotice,
  /** Dedupe key suffix; null for a notice about a row created in this transaction (nothing to dedupe). */
  key: string | null,
): Promise<void> {
  const person = notice.to === "host" ? meeting.host : meeting.guest;
  await enqueueNotification(tx, person, "MEETING_REQUESTS", {
    to: person.email,
    ...meetingNoticeEmail(person, notice, meetingPageUrl(meeting, notice.to === "host")),
    ...(key ? { dedupeKey: `meeting:${meeting.id}:${key}:${person.id}` } : {}),
  });
}
