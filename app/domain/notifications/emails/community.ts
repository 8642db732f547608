// The community's emails: organisation invitations and join requests, platform role requests and
// their decisions, introductions. Pure builders taking plain data; links are absolute.
import { render, type EmailContent } from "./layout";

export function organisationInvitationEmail(input: { inviterName: string; organisationName: string; roleLabel: string; url: string }): EmailContent {
  return render({
    subject: `${input.inviterName} invites you to join ${input.organisationName} on SCALE Events`,
    preview: `Join ${input.organisationName} as ${input.roleLabel.toLowerCase()}`,
    attendeeName: "there",
    blocks: [
      { kind: "paragraph", text: `${input.inviterName} invites you to join ${input.organisationName} on SCALE Events as ${input.roleLabel.toLowerCase()}.` },
      { kind: "action", label: "Accept the invitation", url: input.url },
      {
        kind: "paragraph",
        text: "Sign in (or create an account with this email address) to accept. The link works once and expires in 14 days. If you do not know this organisation, ignore this email.",
      },
    ],
  });
}

export function joinRequestEmail(input: {
  adminName: string;
  requesterName: string;
  organisationName: string;
  message?: string | null;
  url: string;
}): EmailContent {
  return render({
    subject: `${input.requesterName} asks to join ${input.organisationName}`,
    preview: "A request to join your organisation",
    attendeeName: input.adminName,
    blocks: [
      { kind: "paragraph", text: `${input.requesterName} asks to join ${input.organisationName} on SCALE Events.` },
      ...(input.message ? [{ kind: "quote" as const, attribution: input.requesterName, text: input.message }] : []),
      { kind: "action", label: "Approve or refuse", url: input.url },
    ],
  });
}

export function joinDecisionEmail(input: { name: string; organisationName: string; approved: boolean; url: string }): EmailContent {
  return render({
    subject: input.approved ? `You are now a member of ${input.organisationName}` : `Your request to join ${input.organisationName}`,
    preview: input.approved ? "Your request was approved" : "Your request was not approved",
    attendeeName: input.name,
    blocks: input.approved
      ? [
          { kind: "paragraph", text: `${input.organisationName} approved your request: you are now a member.` },
          { kind: "action", label: "See the members", url: input.url },
        ]
      : [
          {
            kind: "paragraph",
            text: `${input.organisationName} did not approve your request to join. You can still find and contact them through the directory.`,
          },
        ],
  });
}

export function roleRequestReceivedEmail(input: {
  adminName: string;
  requesterName: string;
  roleLabel: string;
  organisationName: string;
  url: string;
}): EmailContent {
  return render({
    subject: `Role request: ${input.requesterName} asks to be ${input.roleLabel.toLowerCase()}`,
    preview: "A platform role request is waiting for a decision",
    attendeeName: input.adminName,
    blocks: [
      {
        kind: "details",
        rows: [
          ["Person", input.requesterName],
          ["Role", input.roleLabel],
          ["Organisation", input.organisationName],
        ],
      },
      { kind: "action", label: "Decide", url: input.url },
    ],
  });
}

export function roleRequestSentEmail(input: { name: string; roleLabel: string }): EmailContent {
  return render({
    subject: `We received your request to be ${input.roleLabel.toLowerCase()}`,
    preview: "The platform admins will decide soon",
    attendeeName: input.name,
    blocks: [
      {
        kind: "paragraph",
        text: `Thank you: your request to be ${input.roleLabel.toLowerCase()} on SCALE Events is with the platform admins. We will email you their decision.`,
      },
    ],
  });
}

export function roleDecisionEmail(input: { name: string; roleLabel: string; approved: boolean; note?: string | null; url: string }): EmailContent {
  return render({
    subject: input.approved ? `You are now ${input.roleLabel.toLowerCase()} on SCALE Events` : `Your request to be ${input.roleLabel.toLowerCase()}`,
    preview: input.approved ? "Your role request was approved" : "Your role request was not approved",
    attendeeName: input.name,
    blocks: [
      {
        kind: "paragraph",
        text: input.approved
          ? `Your request was approved: you are now ${input.roleLabel.toLowerCase()} on SCALE Events, effective immediately.`
          : `The platform admins did not approve your request to be ${input.roleLabel.toLowerCase()} this time.`,
      },
      ...(input.note ? [{ kind: "quote" as const, attribution: "The admins' note", text: input.note }] : []),
      { kind: "action", label: "Your roles", url: input.url },
    ],
  });
}

export function introductionRequestEmail(input: {
  name: string;
  senderName: string;
  senderOrganisation: string | null;
  toOrganisation: string | null;
  message: string;
  url: string;
}): EmailContent {
  const who = input.senderOrganisation ? `${input.senderName} (${input.senderOrganisation})` : input.senderName;
  return render({
    subject: `${input.senderName} would like an introduction${input.toOrganisation ? ` to ${input.toOrganisation}` : ""}`,
    preview: "Accept to exchange contact details, or decline",
    attendeeName: input.name,
    blocks: [
      { kind: "paragraph", text: `${who} would like to be introduced${input.toOrganisation ? ` to ${input.toOrganisation}` : " to you"} on SCALE Events.` },
      { kind: "quote", attribution: input.senderName, text: input.message },
      { kind: "action", label: "Accept or decline", url: input.url },
      { kind: "paragraph", text: "Your email address is shared only if you accept." },
    ],
  });
}

export function introductionAcceptedEmail(input: { name: string; otherName: string; otherEmail: string; url: string }): EmailContent {
  return render({
    subject: `${input.otherName} accepted your introduction`,
    preview: "You can now contact each other",
    attendeeName: input.name,
    blocks: [
      { kind: "paragraph", text: `${input.otherName} accepted your introduction request. You can now write to each other.` },
      { kind: "highlight", label: "Email", value: input.otherEmail },
      { kind: "action", label: "Your introductions", url: input.url },
    ],
  });
}

export function introductionDeclinedEmail(input: { name: string; otherName: string }): EmailContent {
  return render({
    subject: `About your introduction request to ${input.otherName}`,
    preview: "Your introduction request",
    attendeeName: input.name,
    blocks: [
      {
        kind: "paragraph",
        text: `Thank you for reaching out to ${input.otherName}. They are not able to take up your introduction at the moment. The directory has many other people working on similar challenges.`,
      },
    ],
  });
}
