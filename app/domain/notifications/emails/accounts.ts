// The emails about a person's own account, as pure builders ({ subject, text, html }). Links are
// absolute and built by the caller from PUBLIC_URL.
import { escapeHtml, type EmailContent } from "./layout";

const SIGN_OFF = "Warm regards,\nThe SCALE Events team";

interface Paragraphs {
  subject: string;
  greeting: string;
  lines: string[];
  action?: { label: string; url: string };
  after?: string[];
}

function render({ subject, greeting, lines, action, after = [] }: Paragraphs): EmailContent {
  const textParts = [greeting, ...lines, ...(action ? [`${action.label}: ${action.url}`] : []), ...after, SIGN_OFF];
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    action ? `<p><a href="${escapeHtml(action.url)}">${escapeHtml(action.label)}</a></p>` : "",
    ...after.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p>${escapeHtml(SIGN_OFF).replace("\n", "<br>")}</p>`,
  ].join("\n");
  return { subject, text: textParts.join("\n\n"), html };
}

export function verifyEmailEmail(input: { name: string; url: string }): EmailContent {
  return render({
    subject: "Confirm your email address — SCALE Events",
    greeting: `Hello ${input.name},`,
    lines: [
      "Please confirm that this is your email address. Until then you can browse and register for free events, but not pay, book meetings or appear in directories.",
    ],
    action: { label: "Confirm my email address", url: input.url },
    after: ["The link works once and expires in 24 hours. If you did not create an account, ignore this email."],
  });
}

export function passwordResetEmail(input: { name: string; url: string }): EmailContent {
  return render({
    subject: "Reset your password — SCALE Events",
    greeting: `Hello ${input.name},`,
    lines: ["Someone (hopefully you) asked to reset the password of your SCALE Events account."],
    action: { label: "Choose a new password", url: input.url },
    after: [
      "The link works once and expires in one hour. Choosing a new password signs you out everywhere else. If you did not ask, ignore this email: your password stays as it is.",
    ],
  });
}

export function passwordChangedEmail(input: { name: string }): EmailContent {
  return render({
    subject: "Your password was changed — SCALE Events",
    greeting: `Hello ${input.name},`,
    lines: [
      "The password of your SCALE Events account was just changed, and every other session was signed out.",
      "If this was not you, reset your password at once with “Forgot your password?” on the sign-in page.",
    ],
  });
}

export function confirmNewEmailEmail(input: { name: string; url: string; newEmail: string }): EmailContent {
  return render({
    subject: "Confirm your new email address — SCALE Events",
    greeting: `Hello ${input.name},`,
    lines: [`Please confirm ${input.newEmail} as the new address of your SCALE Events account.`],
    action: { label: "Confirm my new address", url: input.url },
    after: ["The link works once and expires in 24 hours. Until then your old address stays in use."],
  });
}

export function emailChangedNoticeEmail(input: { name: string; newEmail: string }): EmailContent {
  return render({
    subject: "Your email address was changed — SCALE Events",
    greeting: `Hello ${input.name},`,
    lines: [
      `The email address of your SCALE Events account is now ${input.newEmail}. Emails will no longer come to this address.`,
      "If this was not you, write to the SCALE Events team straight away.",
    ],
  });
}

export function accountDeletedEmail(input: { name: string }): EmailContent {
  return render({
    subject: "Your SCALE Events account was deleted",
    greeting: `Hello ${input.name},`,
    lines: [
      "As you asked, your SCALE Events account and the personal data it held have been erased. Invoices are kept for as long as tax law requires, without your other data.",
    ],
  });
}
