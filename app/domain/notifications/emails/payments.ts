// The payment-only emails: a payment that did not go through, a refund issued.
import { formatMoney } from "~/domain/kernel/money";
import { render, type Block, type EmailContent, type Recipient } from "./layout";

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
