// The emails of registration and payment, as pure builders returning { subject, text, html }.
// Each template describes its content once as a list of blocks; one renderer turns the blocks
// into plain text and another into HTML, so the two versions never drift apart and all
// escaping happens in one place. Times are always shown in the event's own time zone, with
// its abbreviation, because attendees travel across Europe's zones to our events.

import { formatMoney } from "~/domain/kernel/money";
import { formatInstant, formatRange } from "~/domain/kernel/time/zoned";

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** What every email says about the event. */
export interface EmailEvent {
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** IANA zone of the event, e.g. Europe/Lisbon. */
  timeZone: string;
  venueName?: string | null;
  venueAddress?: string | null;
  city?: string | null;
  onlineUrl?: string | null;
  /** Absolute link to the event page. */
  url: string;
}

interface Recipient {
  attendeeName: string;
  event: EmailEvent;
}

export const NETWORK_NAME = "SCALE — European Smart and Lighthouse Cities";
const SIGN_OFF = "Warm regards,\nThe SCALE Events team";

// ───────────────────────────── small pure helpers ─────────────────────────────

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/**
 * Links in our emails are built by the app and must be absolute http(s) URLs; anything else
 * (a `javascript:` URL, a relative path that means nothing in a mail client) is a bug upstream,
 * so it fails loudly instead of being sent.
 */
function checkedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Email links must be absolute URLs, got ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw new Error(`Email links must be http(s), got ${parsed.protocol}`);
  return parsed.toString();
}

/** Subjects are a single header line: user text must not be able to break it. */
function subjectLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, " ").replace(/\s{2,}/g, " ").trim();
}

function whereText(event: EmailEvent): string {
  const place = [event.venueName, event.venueAddress, event.city].filter((part): part is string => Boolean(part && part.trim())).join(", ");
  if (place && event.onlineUrl) return `${place}, and online`;
  if (place) return place;
  if (event.onlineUrl) return "Online — the link is on the event page";
  return "Details on the event page";
}

// ───────────────────────────── blocks and their two renderings ─────────────────────────────

type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "details"; rows: [label: string, value: string][] }
  | { kind: "highlight"; label: string; value: string; isCode?: boolean }
  | { kind: "quote"; attribution: string; text: string }
  | { kind: "action"; label: string; url: string };

interface EmailDraft {
  subject: string;
  /** Shown by many mail clients beside the subject; kept out of sight in the body. */
  preview: string;
  attendeeName: string;
  blocks: Block[];
}

function eventDetails(event: EmailEvent): Block {
  return {
    kind: "details",
    rows: [
      ["Event", event.title],
      ["When", formatRange(event.startsAt, event.endsAt, event.timeZone)],
      ["Where", whereText(event)],
    ],
  };
}

function renderText(draft: EmailDraft): string {
  const parts: string[] = [`Hello ${draft.attendeeName},`];
  for (const block of draft.blocks) {
    switch (block.kind) {
      case "paragraph":
        parts.push(block.text);
        break;
      case "details":
        parts.push(block.rows.map(([label, value]) => `${label}: ${value}`).join("\n"));
        break;
      case "highlight":
        parts.push(`${block.label}: ${block.value}`);
        break;
      case "quote":
        parts.push(`${block.attribution}:\n${block.text.split(/\r?\n/).map((line) => `> ${line}`).join("\n")}`);
        break;
      case "action":
        parts.push(`${block.label}: ${block.url}`);
        break;
    }
  }
  parts.push(SIGN_OFF, `--\n${NETWORK_NAME}`);
  return `${parts.join("\n\n")}\n`;
}

const multiline = (text: string) => escapeHtml(text).replace(/\r?\n/g, "<br>");

function renderHtml(draft: EmailDraft): string {
  const body = draft.blocks.map((block) => {
    switch (block.kind) {
      case "paragraph":
        return `<p style="margin:0 0 16px">${multiline(block.text)}</p>`;
      case "details":
        return `<table role="presentation" style="margin:0 0 16px;border-collapse:collapse">${block.rows
          .map(
            ([label, value]) =>
              `<tr><th align="left" style="padding:4px 16px 4px 0;color:#4b5563;font-weight:600;vertical-align:top">${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
          )
          .join("")}</table>`;
      case "highlight":
        return `<p style="margin:0 0 16px;padding:12px 16px;background:#eff6ff;border-radius:6px">${escapeHtml(block.label)}: <strong style="${block.isCode ? "font-family:monospace;font-size:18px;letter-spacing:1px" : "font-size:16px"}">${escapeHtml(block.value)}</strong></p>`;
      case "quote":
        return `<p style="margin:0 0 8px">${escapeHtml(block.attribution)}:</p><blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #93c5fd;color:#1f2937">${multiline(block.text)}</blockquote>`;
      case "action":
        return `<p style="margin:0 0 16px"><a href="${escapeHtml(block.url)}" style="display:inline-block;padding:10px 18px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">${escapeHtml(block.label)}</a></p>`;
    }
  });
  return [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(draft.subject)}</title></head>`,
    `<body style="margin:0;padding:24px;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#111827">`,
    `<span style="display:none;max-height:0;overflow:hidden">${escapeHtml(draft.preview)}</span>`,
    `<div style="max-width:600px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px">`,
    `<p style="margin:0 0 24px;font-weight:700;color:#1d4ed8;letter-spacing:1px">SCALE EVENTS</p>`,
    `<p style="margin:0 0 16px">Hello ${escapeHtml(draft.attendeeName)},</p>`,
    ...body,
    `<p style="margin:24px 0 0">${multiline(SIGN_OFF)}</p>`,
    `</div>`,
    `<p style="max-width:600px;margin:16px auto 0;text-align:center;font-size:12px;color:#6b7280">${escapeHtml(NETWORK_NAME)}</p>`,
    `</body></html>`,
  ].join("\n");
}

function render(draft: EmailDraft): EmailContent {
  const safeDraft: EmailDraft = {
    ...draft,
    subject: subjectLine(draft.subject),
    blocks: draft.blocks.map((block) => (block.kind === "action" ? { ...block, url: checkedUrl(block.url) } : block)),
  };
  return { subject: safeDraft.subject, text: renderText(safeDraft), html: renderHtml(safeDraft) };
}

// ───────────────────────────── the emails ─────────────────────────────

export interface RegistrationConfirmedInput extends Recipient {
  ticketTypeName: string;
  ticketCode: string;
  /** Where the ticket (QR code) can be shown or downloaded again. */
  ticketUrl: string;
  /** Invoice / bank transfer: confirmed, but the organiser still expects the payment. */
  invoicePending?: boolean;
}

export function registrationConfirmedEmail(input: RegistrationConfirmedInput): EmailContent {
  const blocks: Block[] = [
    { kind: "paragraph", text: `Your place at ${input.event.title} is confirmed — we're delighted you're joining us.` },
    eventDetails(input.event),
    { kind: "details", rows: [["Ticket", input.ticketTypeName]] },
    { kind: "highlight", label: "Your ticket code", value: input.ticketCode, isCode: true },
    { kind: "paragraph", text: "Show the QR code of your ticket at the entrance; the code above works too. The calendar invitation is attached." },
  ];
  if (input.invoicePending) {
    blocks.push({
      kind: "paragraph",
      text: "You chose to pay by invoice or bank transfer. The organisers will send you the invoice; your place is held in the meantime.",
    });
  }
  blocks.push({ kind: "action", label: "View your ticket", url: input.ticketUrl });
  return render({
    subject: `You're registered: ${input.event.title}`,
    preview: `Your ticket code is ${input.ticketCode}.`,
    attendeeName: input.attendeeName,
    blocks,
  });
}

export interface PendingApprovalInput extends Recipient {
  ticketTypeName: string;
  /** "My registrations", where the request can be followed or withdrawn. */
  manageUrl: string;
}

export function pendingApprovalEmail(input: PendingApprovalInput): EmailContent {
  return render({
    subject: `Request received: ${input.event.title}`,
    preview: "The organisers will review your registration shortly.",
    attendeeName: input.attendeeName,
    blocks: [
      {
        kind: "paragraph",
        text: `Thank you for registering for ${input.event.title}. Places on the ${input.ticketTypeName} ticket are confirmed by the organisers, so your request is now with them.`,
      },
      eventDetails(input.event),
      { kind: "paragraph", text: "We'll email you as soon as they have decided. There's nothing else you need to do for now." },
      { kind: "action", label: "See your registrations", url: input.manageUrl },
    ],
  });
}

export type ApprovalNextStep =
  | { kind: "CONFIRMED"; ticketCode: string; ticketUrl: string }
  | { kind: "PAY"; paymentUrl: string; payBefore?: Date | null };

export interface RegistrationApprovedInput extends Recipient {
  ticketTypeName: string;
  next: ApprovalNextStep;
  organiserMessage?: string | null;
}

export function registrationApprovedEmail(input: RegistrationApprovedInput): EmailContent {
  const blocks: Block[] = [
    { kind: "paragraph", text: `Good news: the organisers have approved your registration for ${input.event.title}.` },
    eventDetails(input.event),
  ];
  if (input.organiserMessage?.trim()) blocks.push({ kind: "quote", attribution: "A note from the organisers", text: input.organiserMessage.trim() });
  if (input.next.kind === "CONFIRMED") {
    blocks.push(
      { kind: "highlight", label: "Your ticket code", value: input.next.ticketCode, isCode: true },
      { kind: "paragraph", text: "Your place is confirmed. Show the QR code of your ticket at the entrance." },
      { kind: "action", label: "View your ticket", url: input.next.ticketUrl },
    );
  } else {
    const deadline = input.next.payBefore ? ` before ${formatInstant(input.next.payBefore, input.event.timeZone)}` : "";
    blocks.push(
      { kind: "paragraph", text: `One step left: complete your payment for the ${input.ticketTypeName} ticket${deadline} to confirm your place.` },
      { kind: "action", label: "Complete payment", url: input.next.paymentUrl },
    );
  }
  return render({
    subject: `You're approved: ${input.event.title}`,
    preview: input.next.kind === "CONFIRMED" ? "Your place is confirmed." : "Complete your payment to confirm your place.",
    attendeeName: input.attendeeName,
    blocks,
  });
}

export interface RegistrationRejectedInput extends Recipient {
  organiserMessage?: string | null;
  /** The list of upcoming events, to point to other occasions to meet. */
  eventsUrl?: string | null;
}

export function registrationRejectedEmail(input: RegistrationRejectedInput): EmailContent {
  const blocks: Block[] = [
    {
      kind: "paragraph",
      text: `Thank you for your interest in ${input.event.title}. Unfortunately the organisers could not offer you a place this time.`,
    },
  ];
  if (input.organiserMessage?.trim()) blocks.push({ kind: "quote", attribution: "Their message to you", text: input.organiserMessage.trim() });
  blocks.push({ kind: "paragraph", text: "Nothing has been charged. We hope to welcome you at another event of the network soon." });
  if (input.eventsUrl) blocks.push({ kind: "action", label: "Browse upcoming events", url: input.eventsUrl });
  return render({
    subject: `About your registration for ${input.event.title}`,
    preview: "The organisers could not offer you a place this time.",
    attendeeName: input.attendeeName,
    blocks,
  });
}

export interface WaitingListOfferInput extends Recipient {
  ticketTypeName: string;
  claimUrl: string;
  offerExpiresAt: Date;
}

export function waitingListOfferEmail(input: WaitingListOfferInput): EmailContent {
  const expires = formatInstant(input.offerExpiresAt, input.event.timeZone);
  return render({
    subject: `A place has opened up: ${input.event.title}`,
    preview: `Claim it before ${expires}.`,
    attendeeName: input.attendeeName,
    blocks: [
      { kind: "paragraph", text: `A place has become free at ${input.event.title} (${input.ticketTypeName} ticket), and it's yours if you want it.` },
      eventDetails(input.event),
      { kind: "highlight", label: "Claim it before", value: expires },
      {
        kind: "paragraph",
        text: "We're keeping the place for you until then. After that, it goes to the next person on the waiting list.",
      },
      { kind: "action", label: "Claim your place", url: input.claimUrl },
    ],
  });
}

export interface OfferExpiredInput extends Recipient {
  ticketTypeName: string;
}

export function offerExpiredEmail(input: OfferExpiredInput): EmailContent {
  return render({
    subject: `Your offer for ${input.event.title} has expired`,
    preview: "The place has passed to the next person on the waiting list.",
    attendeeName: input.attendeeName,
    blocks: [
      {
        kind: "paragraph",
        text: `The place we were keeping for you at ${input.event.title} (${input.ticketTypeName} ticket) wasn't claimed in time, so it has passed to the next person on the waiting list.`,
      },
      { kind: "paragraph", text: "If you'd still like to come, you're welcome to join the waiting list again from the event page." },
      { kind: "action", label: "Go to the event", url: input.event.url },
    ],
  });
}

export interface PaymentFailedInput extends Recipient {
  ticketTypeName: string;
  /** Where the attendee can try again (register anew), if sales are still open. */
  retryUrl?: string | null;
}

export function paymentFailedEmail(input: PaymentFailedInput): EmailContent {
  const blocks: Block[] = [
    {
      kind: "paragraph",
      text: `Your payment for the ${input.ticketTypeName} ticket to ${input.event.title} did not go through, so the place we were holding for you has been released.`,
    },
    { kind: "paragraph", text: "Nothing has been charged. This sometimes happens when a bank declines a transfer or a debit cannot be collected." },
  ];
  if (input.retryUrl) {
    blocks.push(
      { kind: "paragraph", text: "You're very welcome to try again while places remain." },
      { kind: "action", label: "Register again", url: input.retryUrl },
    );
  }
  return render({
    subject: `Payment not completed: ${input.event.title}`,
    preview: "Your place has been released; you can try again.",
    attendeeName: input.attendeeName,
    blocks,
  });
}

export interface RefundIssuedInput extends Recipient {
  /** The amount of this refund. */
  refundedCents: number;
  currency: string;
  fullyRefunded: boolean;
  /** True when the refund ends the registration (a full refund, by policy). */
  registrationCancelled: boolean;
}

export function refundIssuedEmail(input: RefundIssuedInput): EmailContent {
  const amount = formatMoney(input.refundedCents, input.currency);
  const blocks: Block[] = [
    { kind: "paragraph", text: `We've issued a refund of ${amount} for your registration to ${input.event.title}.` },
    { kind: "details", rows: [["Refund", input.fullyRefunded ? `${amount} (full refund)` : `${amount} (partial refund)`]] },
    { kind: "paragraph", text: "Depending on your bank, it usually appears on your statement within 5 to 10 working days." },
    {
      kind: "paragraph",
      text: input.registrationCancelled
        ? "As the ticket has been refunded, your registration is now cancelled and your place has been released."
        : "Your registration stays confirmed — we look forward to seeing you.",
    },
  ];
  return render({
    subject: `Refund issued: ${input.event.title}`,
    preview: `${amount} is on its way back to you.`,
    attendeeName: input.attendeeName,
    blocks,
  });
}

export type CancellationRefund =
  | { kind: "NOTHING_PAID" }
  | { kind: "REFUND"; amountCents: number; currency: string }
  | { kind: "NO_REFUND"; reason: "REFUND_WINDOW_PASSED" | "NO_REFUNDS"; deadline?: Date | null };

export interface CancellationConfirmedInput extends Recipient {
  ticketTypeName: string;
  refund: CancellationRefund;
}

export function cancellationConfirmedEmail(input: CancellationConfirmedInput): EmailContent {
  const blocks: Block[] = [
    {
      kind: "paragraph",
      text: `Your registration for ${input.event.title} (${input.ticketTypeName}) is cancelled and your place has been released for someone else. Thank you for letting us know.`,
    },
    eventDetails(input.event),
  ];
  switch (input.refund.kind) {
    case "REFUND":
      blocks.push({
        kind: "paragraph",
        text: `A refund of ${formatMoney(input.refund.amountCents, input.refund.currency)} is on its way; we'll email you again when it has been issued.`,
      });
      break;
    case "NO_REFUND":
      blocks.push({
        kind: "paragraph",
        text:
          input.refund.reason === "REFUND_WINDOW_PASSED" && input.refund.deadline
            ? `Cancellations for this ticket were refundable until ${formatInstant(input.refund.deadline, input.event.timeZone)}, so no refund is due. If something exceptional happened, please contact the organisers.`
            : "This ticket type is not refundable, so no refund is due. If something exceptional happened, please contact the organisers.",
      });
      break;
    case "NOTHING_PAID":
      break;
  }
  blocks.push(
    { kind: "paragraph", text: "Changed your mind? If places remain, you can register again at any time." },
    { kind: "action", label: "Go to the event", url: input.event.url },
  );
  return render({
    subject: `Cancelled: ${input.event.title}`,
    preview: "Your registration is cancelled.",
    attendeeName: input.attendeeName,
    blocks,
  });
}

// ───────────────────────────── event changes (organiser's settings) ─────────────────────────────

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
  const place = (event: EmailEvent) => [event.venueName, event.venueAddress, event.city].filter((part): part is string => Boolean(part && part.trim())).join(", ");
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
    ...lines.map<Block>((line) => ({ kind: "details", rows: [[`${line.what}, before`, line.before], [`${line.what}, now`, line.after]] })),
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
  if (input.paid) blocks.push({ kind: "paragraph", text: "You paid for your ticket: the organisers will refund it, and we'll email you when the refund has been issued." });
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
      { kind: "paragraph", text: `${by} the team of ${input.event.title}, so its organiser pages are closed to you now. Any registration of your own for the event is unchanged.` },
      { kind: "paragraph", text: "If this is a mistake, reply to let the organisers know." },
      { kind: "action", label: "See the event", url: input.event.url },
    ],
  });
}
