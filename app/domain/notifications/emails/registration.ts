// The emails of a registration's life: confirmed (with the ticket), pending approval, approved,
// rejected, a waiting-list offer and its expiry, cancelled.
import { formatMoney } from "~/domain/kernel/money";
import { formatInstant } from "~/domain/kernel/time/zoned";
import { createT } from "~/domain/kernel/i18n/translate";
import { emailLanguage, eventDetails, render, type Block, type EmailContent, type Recipient } from "./layout";

export interface RegistrationConfirmedInput extends Recipient {
  ticketTypeName: string;
  ticketCode: string;
  /** Where the ticket (QR code) can be shown or downloaded again. */
  ticketUrl: string;
  /** Invoice / bank transfer: confirmed, but the organiser still expects the payment. */
  invoicePending?: boolean;
}

export function registrationConfirmedEmail(input: RegistrationConfirmedInput): EmailContent {
  const t = createT(input.language);
  const title = input.event.title;
  const blocks: Block[] = [
    { kind: "paragraph", text: t("emails.registrationConfirmed.intro", { title }) },
    eventDetails(input.event, input.language),
    { kind: "details", rows: [[t("emails.registrationConfirmed.ticket"), input.ticketTypeName]] },
    { kind: "highlight", label: t("emails.registrationConfirmed.ticketCode"), value: input.ticketCode, isCode: true },
    { kind: "paragraph", text: t("emails.registrationConfirmed.entrance") },
  ];
  if (input.invoicePending) blocks.push({ kind: "paragraph", text: t("emails.registrationConfirmed.invoice") });
  blocks.push({ kind: "action", label: t("emails.registrationConfirmed.viewTicket"), url: input.ticketUrl });
  return render({
    subject: t("emails.registrationConfirmed.subject", { title }),
    preview: t("emails.registrationConfirmed.preview", { code: input.ticketCode }),
    attendeeName: input.attendeeName,
    blocks,
    language: input.language,
  });
}

export interface PendingApprovalInput extends Recipient {
  ticketTypeName: string;
  /** "My registrations", where the request can be followed or withdrawn. */
  manageUrl: string;
}

export function pendingApprovalEmail(input: PendingApprovalInput): EmailContent {
  const t = createT(input.language);
  const title = input.event.title;
  return render({
    subject: t("emails.pending.subject", { title }),
    preview: t("emails.pending.preview"),
    attendeeName: input.attendeeName,
    language: input.language,
    blocks: [
      { kind: "paragraph", text: t("emails.pending.intro", { title, ticket: input.ticketTypeName }) },
      eventDetails(input.event, input.language),
      { kind: "paragraph", text: t("emails.pending.wait") },
      { kind: "action", label: t("emails.pending.manage"), url: input.manageUrl },
    ],
  });
}

export type ApprovalNextStep = { kind: "CONFIRMED"; ticketCode: string; ticketUrl: string } | { kind: "PAY"; paymentUrl: string; payBefore?: Date | null };

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

export type CancellationRefund =
  | { kind: "NOTHING_PAID" }
  | { kind: "REFUND"; amountCents: number; currency: string }
  | { kind: "NO_REFUND"; reason: "REFUND_WINDOW_PASSED" | "NO_REFUNDS"; deadline?: Date | null };

export interface CancellationConfirmedInput extends Recipient {
  ticketTypeName: string;
  refund: CancellationRefund;
}

export function cancellationConfirmedEmail(input: CancellationConfirmedInput): EmailContent {
  const t = createT(input.language);
  const { locale } = emailLanguage(input.language);
  const title = input.event.title;
  const blocks: Block[] = [
    { kind: "paragraph", text: t("emails.cancelled.intro", { title, ticket: input.ticketTypeName }) },
    eventDetails(input.event, input.language),
  ];
  switch (input.refund.kind) {
    case "REFUND":
      blocks.push({ kind: "paragraph", text: t("emails.cancelled.refund", { amount: formatMoney(input.refund.amountCents, input.refund.currency, locale) }) });
      break;
    case "NO_REFUND":
      blocks.push({
        kind: "paragraph",
        text:
          input.refund.reason === "REFUND_WINDOW_PASSED" && input.refund.deadline
            ? t("emails.cancelled.windowPassed", { deadline: formatInstant(input.refund.deadline, input.event.timeZone, locale) })
            : t("emails.cancelled.notRefundable"),
      });
      break;
    case "NOTHING_PAID":
      break;
  }
  blocks.push({ kind: "paragraph", text: t("emails.cancelled.again") }, { kind: "action", label: t("emails.cancelled.goToEvent"), url: input.event.url });
  return render({
    subject: t("emails.cancelled.subject", { title }),
    preview: t("emails.cancelled.preview"),
    attendeeName: input.attendeeName,
    blocks,
    language: input.language,
  });
}
