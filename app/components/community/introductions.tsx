// One introduction on /my/introductions, received or sent. Addresses only once accepted.
import { Form } from "@remix-run/react";
import { CsrfField, TextField } from "~/components/ui/forms";
import { INTRODUCTION_STATUS_TEXT, day } from "./labels";

interface Received {
  id: string;
  message: string;
  status: string;
  createdAt: string;
  toOrganisation: string | null;
  from: { id: string; name: string; jobTitle: string | null; email: string | null };
  blocked: boolean;
  reported: boolean;
}

export function ReceivedIntroduction({ intro }: { intro: Received }) {
  return (
    <li className="card intro-card" id={`intro-${intro.id}`} aria-label={`Introduction from ${intro.from.name}`}>
      <span>
        <strong>{intro.from.name}</strong>
        {intro.from.jobTitle ? `, ${intro.from.jobTitle}` : ""}
        {intro.toOrganisation ? ` → ${intro.toOrganisation}` : ""} <span className="tz-note">{day(intro.createdAt)}</span>
      </span>
      <blockquote>{intro.message}</blockquote>
      <span className="badge">{INTRODUCTION_STATUS_TEXT[intro.status]}</span>
      {intro.from.email ? (
        <p>
          Contact: <a href={`mailto:${intro.from.email}`}>{intro.from.email}</a> — write to suggest a meeting, or book one at a roadshow you both attend.
        </p>
      ) : null}
      <Form method="post" className="inline-form">
        <CsrfField />
        <input type="hidden" name="introductionId" value={intro.id} />
        {intro.status === "PENDING" ? (
          <>
            <button type="submit" name="intent" value="accept" className="button button--small">
              Accept
            </button>
            <button type="submit" name="intent" value="decline" className="button button--small button--ghost">
              Decline
            </button>
          </>
        ) : null}
        {intro.blocked ? (
          <span className="tz-note">Sender blocked</span>
        ) : (
          <button type="submit" name="intent" value="block" className="button button--small button--ghost">
            Block {intro.from.name}
          </button>
        )}
      </Form>
      {intro.reported ? (
        <p className="tz-note">Reported to the admins.</p>
      ) : (
        <details>
          <summary>Report to the admins</summary>
          <Form method="post" className="inline-form">
            <CsrfField />
            <input type="hidden" name="introductionId" value={intro.id} />
            <TextField label="What is wrong?" name="reason" id={`reason-${intro.id}`} maxLength={1000} />
            <button type="submit" name="intent" value="report" className="button button--small button--ghost">
              Send report
            </button>
          </Form>
        </details>
      )}
    </li>
  );
}

interface Sent {
  id: string;
  message: string;
  status: string;
  createdAt: string;
  to: string;
  contact: { name: string; email: string } | null;
}

export function SentIntroduction({ intro }: { intro: Sent }) {
  return (
    <li className="card intro-card" id={`intro-${intro.id}`} aria-label={`Introduction to ${intro.to}`}>
      <span>
        To <strong>{intro.to}</strong> <span className="tz-note">{day(intro.createdAt)}</span>
      </span>
      <blockquote>{intro.message}</blockquote>
      <span className="badge">{INTRODUCTION_STATUS_TEXT[intro.status]}</span>
      {intro.contact ? (
        <p>
          {intro.contact.name}: <a href={`mailto:${intro.contact.email}`}>{intro.contact.email}</a>
        </p>
      ) : null}
    </li>
  );
}
