// The emails of an event's organisers' decisions: the event changed or was cancelled, and the
// team (added, role changed, removed).
import { formatRange } from "~/domain/kernel/time/zoned";
import { eventDetails, render, type Block, type EmailContent, type EmailEvent, type Recipient } from "./layout";

/** One thing that changed, both sides already written out in the event's zone. */
export interface EventChangeLine {
  what: "When" | "Where" | "Online link";
  before: string;
  after: string;
}

export interface EventChangedInput extends Recipient {
  /** The event as it was, for the time and place people planned around. */
  before: EmailEvent;
  /** Where people follow their registration. */
  manageUrl: string;
}

/** The "When"/"Where" lines that differ between two versions of an event, in each one's zone. */
export function eventChangeLines(before: EmailEvent, after: EmailEvent): EventChangeLine[] {
  const lines: EventChangeLine[] = [];
  const when = (event: EmailEvent) => `${formatRange(event.startsAt, event.endsAt, event.timeZone)} (${event.timeZone.replace(/_/g, " ")})`;
  if (when(before) !== when(after)) lines.push({ what: "When", before: when(before), after: when(after) });
  const place = (event: EmailEvent) =>
    [event.venueName, event.venueAddress, event.city].filter((part): part is string => Boolean(part && part.trim())).join(", ");
  const where = (event: EmailEvent) => {
    const p = place(event);
    return p && event.onlineUrl ? `${p}, and online` : p || (event.onlineUrl ? "Online" : "To be announced");
  };
  if (where(before) !== where(after)) lines.push({ what: "Where", before: where(before), after: where(after) });
  else if ((before.onlineUrl ?? "") !== (after.onlineUrl ?? "") && after.onlineUrl) {
    lines.push({ what: "Online link", before: "the previous link", after: "a new link — use the one on the event page" });
  }
  return lines;
}

export function eventChangedEmail(input: EventChangedInput): EmailContent {
  const lines = eventChangeLines(input.before, input.event);
  const blocks: Block[] = [
    { kind: "paragraph", text: `The organisers have changed ${input.event.title}. Your registration stays as it is; here is what is different:` },
    ...lines.map<Block>((line) => ({
      kind: "details",
      rows: [
        [`${line.what}, before`, line.before],
        [`${line.what}, now`, line.after],
      ],
    })),
    eventDetails(input.event),
    { kind: "paragraph", text: "If you can no longer attend, please cancel your registration so someone else can take your place." },
    { kind: "action", label: "See your registration", url: input.manageUrl },
  ];
  const what = lines.map((line) => (line.what === "When" ? "new time" : line.what === "Where" ? "new place" : "new link")).join(" and ");
  return render({
    subject: `Changed: ${input.event.title}${what ? ` — ${what}` : ""}`,
    preview: lines[0] ? `${lines[0].what}: ${lines[0].after}` : "The event has changed.",
    attendeeName: input.attendeeName,
    blocks,
  });
}

export interface EventCancelledInput extends Recipient {
  /** The organisers' own words, if they wrote any. */
  organiserMessage?: string | null;
  /** Whether this person paid (or still owes) money for the ticket. */
  paid: boolean;
  manageUrl: string;
}

export function eventCancelledEmail(input: EventCancelledInput): EmailContent {
  const blocks: Block[] = [
    { kind: "paragraph", text: `We're sorry to tell you that ${input.event.title} has been cancelled by its organisers and will not take place.` },
    eventDetails(input.event),
  ];
  if (input.organiserMessage?.trim()) blocks.push({ kind: "quote", attribution: "A message from the organisers", text: input.organiserMessage.trim() });
  if (input.paid)
    blocks.push({ kind: "paragraph", text: "You paid for your ticket: the organisers will refund it, and we'll email you when the refund has been issued." });
  blocks.push(
    { kind: "paragraph", text: "Please remove the event from your calendar; subscribed calendars will show it as cancelled." },
    { kind: "action", label: "See your registrations", url: input.manageUrl },
  );
  return render({
    subject: `Cancelled: ${input.event.title}`,
    preview: "This event will not take place.",
    attendeeName: input.attendeeName,
    blocks,
  });
}

// ───────────────────────────── event team (organiser's Team page) ─────────────────────────────

export interface TeamMemberAddedInput extends Recipient {
  /** "Organiser", "Check-in staff", … */
  roleLabel: string;
  /** What the role lets them do, in one line. */
  roleDescription: string;
  /** Who added them, if known. */
  addedBy?: string | null;
  /** Where this role starts working (dashboard, check-in page, agenda). */
  startUrl: string;
}

export function teamMemberAddedEmail(input: TeamMemberAddedInput): EmailContent {
  const by = input.addedBy?.trim() ? `${input.addedBy.trim()} has added you` : "You have been added";
  return render({
    subject: `You're on the team of ${input.event.title} — ${input.roleLabel}`,
    preview: `${input.roleLabel}: ${input.roleDescription}`,
    attendeeName: input.attendeeName,
    blocks: [
      { kind: "paragraph", text: `${by} to the team of ${input.event.title}.` },
      { kind: "highlight", label: "Your role", value: input.roleLabel },
      { kind: "paragraph", text: `What you can do now: ${input.roleDescription}` },
      eventDetails(input.event),
      { kind: "paragraph", text: "Sign in with this email address to get started. If you did not expect this, reply to let the organisers know." },
      { kind: "action", label: "Open the event", url: input.startUrl },
    ],
  });
}

export interface TeamRoleChangedInput extends Recipient {
  roleLabel: string;
  roleDescription: string;
  changedBy?: string | null;
  startUrl: string;
}

export function teamRoleChangedEmail(input: TeamRoleChangedInput): EmailContent {
  const by = input.changedBy?.trim() ? `${input.changedBy.trim()} has changed your role` : "Your role has changed";
  return render({
    subject: `Your role at ${input.event.title} is now ${input.roleLabel}`,
    preview: `${input.roleLabel}: ${input.roleDescription}`,
    attendeeName: input.attendeeName,
    blocks: [
      { kind: "paragraph", text: `${by} in the team of ${input.event.title}.` },
      { kind: "highlight", label: "Your role", value: input.roleLabel },
      { kind: "paragraph", text: `What you can do now: ${input.roleDescription}` },
      { kind: "action", label: "Open the event", url: input.startUrl },
    ],
  });
}

export interface TeamMemberRemovedInput extends Recipient {
  removedBy?: string | null;
}

export function teamMemberRemovedEmail(input: TeamMemberRemovedInput): EmailContent {
  const by = input.removedBy?.trim() ? `${input.removedBy.trim()} has taken you off` : "You are no longer on";
  return render({
    subject: `You are no longer on the team of ${input.event.title}`,
    preview: "Your access to the event's organiser pages has ended.",
    attendeeName: input.attendeeName,
    blocks: [
      {
        kind: "paragraph",
        text: `${by} the team of ${input.event.title}, so its organiser pages are closed to you now. Any registration of your own for the event is unchanged.`,
      },
      { kind: "paragraph", text: "If this is a mistake, reply to let the organisers know." },
      { kind: "action", label: "See the event", url: input.event.url },
    ],
  });
}
