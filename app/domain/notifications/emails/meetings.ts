// The emails of a one-to-one meeting's life (requested, confirmed or moved, another time
// proposed or kept, declined, withdrawn, expired, cancelled), plain text only. They take the
// meeting as plain data (what meetings/emails.server.ts selects) and the link to the person's
// meetings page; the meetings capability adds the calendar invitation and queues them.
import { formatDate, formatRange, formatTime } from "~/domain/kernel/time/zoned";

export interface MeetingEmailPerson {
  id: string;
  name: string;
  email: string;
}

/** One meeting as its emails need it. */
export interface MeetingEmailData {
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
  host: MeetingEmailPerson;
  guest: MeetingEmailPerson;
  meetingPoint: { name: string; onlineUrl: string | null } | null;
  stop: { id: string; city: string; timeZone: string; venueName: string | null } | null;
  event: { id: string; slug: string; title: string; timeZone: string; sequence: number };
}

export interface MeetingEmail {
  subject: string;
  text: string;
}

/** A notice to one side: its subject and its lines (null lines are left out). */
export interface MeetingNotice {
  to: "host" | "guest";
  subject: string;
  lines: (string | null)[];
}

/** The zone a meeting is shown in: its stop's, else its event's. */
export function meetingZone(meeting: Pick<MeetingEmailData, "stop" | "event">): string {
  return meeting.stop?.timeZone ?? meeting.event.timeZone;
}

/** Table, venue, city — whatever is known. */
export function meetingPlace(meeting: Pick<MeetingEmailData, "stop" | "meetingPoint">): string {
  return [meeting.meetingPoint?.name, meeting.stop?.venueName, meeting.stop?.city].filter(Boolean).join(", ");
}

/** The meeting's time (or another start and end) as a range in its zone. */
export function describeWhen(meeting: Pick<MeetingEmailData, "stop" | "event" | "startsAt" | "endsAt">, start?: Date | null, end?: Date | null): string {
  return formatRange(start ?? meeting.startsAt, end ?? meeting.endsAt, meetingZone(meeting));
}

/** Confirmed (or moved), to one of the two people; the invitation is attached by the caller. */
export function meetingConfirmedEmail(
  meeting: MeetingEmailData,
  person: MeetingEmailPerson,
  other: MeetingEmailPerson,
  moved: boolean,
  meetingsUrl: string,
): MeetingEmail {
  const place = meetingPlace(meeting);
  return {
    subject: `${moved ? "Meeting moved" : "Meeting confirmed"}: ${other.name}, ${describeWhen(meeting)}`,
    text: [
      `Hello ${person.name},`,
      `Your meeting with ${other.name} at ${meeting.event.title} is ${moved ? "now" : "confirmed for"} ${describeWhen(meeting)}${place ? `, ${place}` : ""}.`,
      meeting.meetingPoint?.onlineUrl ? `Join online: ${meeting.meetingPoint.onlineUrl}` : null,
      `The calendar invitation is attached. Your meetings: ${meetingsUrl}`,
    ]
      .filter(Boolean)
      .join("\n\n"),
  };
}

/** Cancelled after it was confirmed, to one of the two people (METHOD:CANCEL attached by the caller). */
export function meetingCancelledEmail(
  meeting: MeetingEmailData,
  person: MeetingEmailPerson,
  other: MeetingEmailPerson,
  byName: string,
  meetingsUrl: string,
): MeetingEmail {
  return {
    subject: `Meeting cancelled: ${other.name}, ${describeWhen(meeting)}`,
    text: [
      `Hello ${person.name},`,
      `${byName} cancelled the meeting with ${other.name} at ${meeting.event.title} on ${describeWhen(meeting)}.`,
      `The attached update removes it from your calendar. Your meetings: ${meetingsUrl}`,
    ].join("\n\n"),
  };
}

/** A notice without calendar data, to the side it names. */
export function meetingNoticeEmail(person: MeetingEmailPerson, notice: MeetingNotice, meetingsUrl: string): MeetingEmail {
  return {
    subject: notice.subject,
    text: [`Hello ${person.name},`, ...notice.lines.filter(Boolean), `Your meetings: ${meetingsUrl}`].join("\n\n"),
  };
}

// ───────────────────────────── the notices ─────────────────────────────

/** To the host: a guest asks for a slot. `timeZone` is the stop's, for the answer-by deadline. */
export function meetingRequestedNotice(meeting: MeetingEmailData, eventTitle: string, timeZone: string): MeetingNotice {
  return {
    to: "host",
    subject: `Meeting request from ${meeting.guest.name}: ${describeWhen(meeting)}`,
    lines: [
      `${meeting.guest.name} asks to meet you at ${eventTitle} on ${describeWhen(meeting)}.`,
      meeting.message ? `Their message: “${meeting.message}”` : null,
      meeting.requestExpiresAt
        ? `Please accept or decline before ${formatDate(meeting.requestExpiresAt, timeZone)}, ${formatTime(meeting.requestExpiresAt, timeZone)}; after that the slot is freed.`
        : null,
    ],
  };
}

/** To the other side: `by` proposes another time. */
export function timeProposedNotice(meeting: MeetingEmailData, to: "host" | "guest", by: string): MeetingNotice {
  return {
    to,
    subject: `${by} proposes another time`,
    lines: [
      `${by} proposes to meet on ${describeWhen(meeting, meeting.proposedStartsAt, meeting.proposedEndsAt)} instead of ${describeWhen(meeting)}.`,
      "Accept or keep the current time on your meetings page.",
    ],
  };
}

/** To the proposer: the other side keeps the original time. */
export function proposalRejectedNotice(meeting: MeetingEmailData, to: "host" | "guest", by: string): MeetingNotice {
  return {
    to,
    subject: `${by} keeps the original time`,
    lines: [
      `${by} did not take the other time you proposed; the meeting stays ${meeting.status === "CONFIRMED" ? "confirmed for" : "requested for"} ${describeWhen(meeting)}.`,
    ],
  };
}

/** To the guest: the host did not answer in time. */
export function requestExpiredNotice(meeting: MeetingEmailData): MeetingNotice {
  return {
    to: "guest",
    subject: `Meeting request expired: ${meeting.host.name}`,
    lines: [
      `${meeting.host.name} did not answer your request for ${describeWhen(meeting)} in time, so the slot is free again.`,
      "You can request another slot.",
    ],
  };
}

/** To the other side: a request (not yet confirmed) was withdrawn. */
export function requestWithdrawnNotice(meeting: MeetingEmailData, to: "host" | "guest", by: string, reason: string | null): MeetingNotice {
  return {
    to,
    subject: `Meeting request withdrawn: ${by}`,
    lines: [`${by} withdrew the meeting request for ${describeWhen(meeting)}${reason ? `: ${reason}` : ""}.`],
  };
}

/** To the guest: the host declined. */
export function requestDeclinedNotice(meeting: MeetingEmailData): MeetingNotice {
  return {
    to: "guest",
    subject: `Meeting request declined: ${meeting.host.name}`,
    lines: [`${meeting.host.name} cannot meet you on ${describeWhen(meeting)}. You can request another slot.`],
  };
}
