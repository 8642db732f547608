// The agenda's emails (session changed, reminder before an online session), plain text only.
// Times are written in the event's zone with its abbreviation, like every other email.
import { singleLine } from "~/domain/kernel/text";
import { formatInstant, formatRange } from "~/domain/kernel/time/zoned";
import { SIGN_OFF } from "./layout";

export interface AgendaEmail {
  subject: string;
  text: string;
}

export interface EmailSession {
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  roomName: string | null;
  online: boolean;
}

function place(session: EmailSession): string {
  if (session.roomName && session.online) return `${session.roomName}, and online`;
  if (session.roomName) return session.roomName;
  return session.online ? "Online" : "To be announced";
}

/** What changed, one line each, old → new, in the event's zone. */
export function describeSessionChanges(before: EmailSession, after: EmailSession, timeZone: string): string[] {
  const lines: string[] = [];
  if (after.status === "CANCELLED" && before.status !== "CANCELLED") lines.push("The session has been cancelled.");
  if (before.status === "CANCELLED" && after.status !== "CANCELLED") lines.push("The session is back on the agenda.");
  if (before.title !== after.title) lines.push(`New title: “${after.title}” (was “${before.title}”).`);
  if (before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime()) {
    lines.push(`New time: ${formatRange(after.startsAt, after.endsAt, timeZone)} (was ${formatRange(before.startsAt, before.endsAt, timeZone)}).`);
  }
  if (place(before) !== place(after)) lines.push(`New place: ${place(after)} (was ${place(before)}).`);
  return lines;
}

export function sessionChangedEmail(input: {
  attendeeName: string;
  eventTitle: string;
  timeZone: string;
  before: EmailSession;
  after: EmailSession;
  sessionUrl: string;
}): AgendaEmail {
  const cancelled = input.after.status === "CANCELLED";
  const changes = describeSessionChanges(input.before, input.after, input.timeZone);
  const subject = singleLine(`${cancelled ? "Cancelled" : "Changed"}: ${input.after.title} — ${input.eventTitle}`);
  const text = [
    `Hello ${input.attendeeName},`,
    `A session in your agenda for ${input.eventTitle} has ${cancelled ? "been cancelled" : "changed"}.`,
    changes.map((line) => `- ${line}`).join("\n"),
    cancelled ? "" : `Now: ${formatRange(input.after.startsAt, input.after.endsAt, input.timeZone)} · ${place(input.after)}`,
    `Details and your calendar file: ${input.sessionUrl}`,
    SIGN_OFF,
  ]
    .filter(Boolean)
    .join("\n\n");
  return { subject, text };
}

export function sessionReminderEmail(input: {
  attendeeName: string;
  eventTitle: string;
  timeZone: string;
  session: EmailSession;
  /** The platform's join URL (records attendance), not the raw meeting link. */
  joinUrl: string;
  sessionUrl: string;
  leadMinutes: number;
}): AgendaEmail {
  const start = formatInstant(input.session.startsAt, input.timeZone);
  const subject = singleLine(`Reminder: ${input.session.title} starts ${start}`);
  const text = [
    `Hello ${input.attendeeName},`,
    `“${input.session.title}” (${input.eventTitle}) starts ${start}.`,
    `Join online from ${input.leadMinutes} minutes before the start: ${input.joinUrl}`,
    `Session details: ${input.sessionUrl}`,
    SIGN_OFF,
  ].join("\n\n");
  return { subject, text };
}
